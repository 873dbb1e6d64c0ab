package dev.supportassistant.screenshots.guidance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import dev.supportassistant.screenshots.ScreenText;

/**
 * The error messages on a customer's screen, found in OCR's phrases: a phrase with an error code
 * ({@code 0x80070005}, {@code Error 502}, {@code 502 Bad Gateway}, Chrome's {@code ERR_CONNECTION_REFUSED}),
 * or a short one, as dialogs, banners and toasts have, saying that something failed, timed out,
 * was denied, went wrong... A long line of prose that mentions a failure is not one (a help
 * article), nor is a control about errors ("Report an error", "Learn more about errors").
 *
 * <p>Each error has a key so that the same error on the next capture is known as the same: lower
 * case, letters and digits only, words with digits other than codes made {@code #} (an order
 * number, a countdown), codes kept as they are; and two keys with the same codes a few OCR slips apart (one
 * edit in eight letters) are the same error ({@link #sameError}).
 */
public final class ScreenErrors {

    /** The most errors reported for one capture. */
    public static final int MAX_ERRORS = 10;
    /** The longest message kept, in characters. */
    static final int MAX_TEXT = 200;
    /** A phrase read with less confidence than this (of 100) is noise, not a message. */
    static final float MIN_CONFIDENCE = 50;
    /** A message without a code has at most this many words: a dialog's or banner's, not prose. */
    static final int MAX_MESSAGE_WORDS = 12;
    static final int MAX_CODE_LINE_WORDS = 25;
    /** Letters of a key per OCR slip allowed between two keys of the same error. */
    static final int LETTERS_PER_SLIP = 8;

    private static final Pattern CODE = Pattern.compile(String.join("|",
            "\\b[0o]x[0-9a-f]{4,16}\\b",
            "\\b(?:error|err|code|status|http)(?:\\s+code)?\\s*[:#]?\\s*[a-z]?\\d{2,6}\\b",
            "\\b[1-5]\\d\\d\\s+(?:bad request|unauthori[sz]ed|forbidden|not found|method not allowed"
                    + "|request time-?out|conflict|gone|payload too large|too many requests|internal server error"
                    + "|not implemented|bad gateway|service unavailable|gateway time-?out)\\b",
            "\\b(?:net::)?err_[a-z_]{3,}\\b"));
    private static final Pattern FAILURE = Pattern.compile("\\b(?:errors?|failed|failure|fails|cannot|can't|can not"
            + "|could ?not|couldn't|unable to|timed out|time-?out|denied|invalid|expired|not found|unavailable"
            + "|went wrong|warning|crashed|not responding|declined|rejected|exception|refused|fatal|aborted"
            + "|unreachable|no internet|incorrect|not allowed|unsuccessful"
            + "|(?:there was|we ran into|we hit) an? (?:problem|issue))\\b");
    /** A phrase starting with one of these is a control or a help text about errors, not an error. */
    private static final Pattern CONTROL = Pattern.compile("^(?:report|show|view|hide|learn|read|see|contact|clear"
            + "|dismiss|retry|try|troubleshoot|fix|help|get|check|about|more|download|export|open|manage|how|why"
            + "|what)\\b");

    private ScreenErrors() {
    }

    /** The distinct error messages on the screen, in reading order, at most {@link #MAX_ERRORS}. */
    public static List<ScreenError> in(ScreenText screen) {
        List<ScreenError> errors = new ArrayList<>();
        for (Phrase phrase : Phrase.of(screen)) {
            if (phrase.confidence() < MIN_CONFIDENCE) {
                continue;
            }
            String text = tidy(phrase.text());
            String lower = lower(text);
            int words = phrase.tokens().size();
            boolean coded = words <= MAX_CODE_LINE_WORDS && CODE.matcher(lower).find();
            boolean failure = words >= 2 && words <= MAX_MESSAGE_WORDS && FAILURE.matcher(lower).find();
            if ((coded || failure) && !CONTROL.matcher(lower).find()) {
                ScreenError error = new ScreenError(text, key(text), phrase.box());
                if (errors.stream().noneMatch(error::sameAs)) {
                    errors.add(error);
                    if (errors.size() == MAX_ERRORS) {
                        break;
                    }
                }
            }
        }
        return List.copyOf(errors);
    }

    /** The errors on the screen that are none of the known ones (given by their keys). */
    public static List<ScreenError> newIn(ScreenText screen, Collection<String> knownKeys) {
        return in(screen).stream()
                .filter(error -> knownKeys.stream().noneMatch(known -> sameError(error.key(), known)))
                .toList();
    }

    /**
     * What tells an error message from others: lower case, letters, digits and codes only, other
     * words with digits made {@code #}. "Error 502: Payment gateway timeout" is {@code error 502 payment
     * gateway timeout}; "Retrying in 5 seconds" is {@code retrying in # seconds}.
     */
    public static String key(String text) {
        String lower = lower(text);
        StringBuilder key = new StringBuilder();
        Matcher code = CODE.matcher(lower);
        int at = 0;
        while (code.find()) {
            key.append(words(lower.substring(at, code.start()), true)).append(' ');
            String found = code.group();
            if (found.startsWith("ox")) {
                found = "0" + found.substring(1);
            }
            key.append(words(found, false)).append(' ');
            at = code.end();
        }
        key.append(words(lower.substring(at), true));
        return key.toString().trim().replaceAll(" +", " ");
    }

    /**
     * Whether two keys are of the same error: equal, or with the same codes and at most one edit
     * in {@link #LETTERS_PER_SLIP} letters apart (OCR read a letter differently this time).
     */
    public static boolean sameError(String key, String other) {
        if (key.equals(other)) {
            return true;
        }
        if (!codes(key).equals(codes(other))) {
            return false;
        }
        int allowed = Math.max(key.length(), other.length()) / LETTERS_PER_SLIP;
        if (allowed == 0 || Math.abs(key.length() - other.length()) > allowed) {
            return false;
        }
        return new LevenshteinDistance(allowed).apply(key, other) >= 0;
    }

    private static List<String> codes(String key) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(key);
        while (code.find()) {
            codes.add(code.group());
        }
        return codes;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /**
     * Letters and digits (and a code's underscores), other marks made spaces; when asked, any word
     * with a digit in it (a number, an order's "A1234", which OCR may read "41234") made {@code #}.
     */
    private static String words(String text, boolean hideNumbers) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && !(c == '_' && !hideNumbers)) {
                out.append(' ');
                i++;
                continue;
            }
            int end = i;
            boolean digit = false;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == '_' && !hideNumbers)) {
                digit |= Character.isDigit(text.charAt(end));
                end++;
            }
            out.append(hideNumbers && digit ? "#" : text.substring(i, end));
            i = end;
        }
        return out.toString().trim();
    }

    /** The text with runs of spaces made one, without stray marks at its ends, at most {@link #MAX_TEXT} characters. */
    private static String tidy(String text) {
        String tidy = text.strip().replaceAll("\\s+", " ").replaceAll("^[^\\p{L}\\p{N}(\"']+", "")
                .replaceAll("[|\u00BB\u203A>\u2014\u2013-]+$", "").strip();
        return tidy.length() > MAX_TEXT ? tidy.substring(0, MAX_TEXT) : tidy;
    }
}
