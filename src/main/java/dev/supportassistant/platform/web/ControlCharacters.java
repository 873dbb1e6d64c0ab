package dev.supportassistant.platform.web;

/**
 * The rule {@link Printable} stands for, for code that checks text outside a request body (query
 * parameters, path segments, token subjects): no C0 control character (U+0000 to U+001F) and no
 * DEL, except line breaks and tabs in text a person writes.
 */
public final class ControlCharacters {

    /** What a refusal says of a name or an id. */
    public static final String REFUSAL = "must not contain control characters";
    /** What a refusal says of text a person writes. */
    public static final String REFUSAL_IN_TEXT = "must not contain control characters other than line breaks and tabs";

    private ControlCharacters() {
    }

    /**
     * Whether {@code value} breaks the rule.
     *
     * @param text whether {@code value} is text a person writes, where line breaks (CR, LF) and tabs are allowed
     */
    public static boolean in(CharSequence value, boolean text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(text && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }
}
