package dev.supportassistant.platform.web;

/**
 * The one rule for control characters in what a request carries: no C0 control (U+0000 to U+001F) and no DEL,
 * except line breaks and tabs in text a person writes. PostgreSQL cannot store a NUL at all, and the others have
 * no business in a conversation, a log line or an account. Also for text checked outside a request body.
 */
public final class ControlCharacters {

    /** What a refusal says of a name or an id. */
    public static final String REFUSAL = "must not contain control characters";
    /** What a refusal says of text a person writes. */
    public static final String REFUSAL_IN_TEXT = "must not contain control characters other than line breaks and tabs";

    private ControlCharacters() {
    }

    /** Whether {@code value} breaks the rule; {@code text}: it is text a person writes (CR, LF and tab allowed). */
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
