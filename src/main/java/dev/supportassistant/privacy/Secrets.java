package dev.supportassistant.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets: what a customer labels as one ("password: hunter2", "my password for the portal is
 * Tr0ub4dor&3", "my PIN is 1234", "one-time code 482913") and API keys whose prefixes name them
 * ({@code sk-}, {@code sk-ant-}, {@code ghp_}, {@code xoxb-}, {@code AKIA…}, {@code AIza…}, JSON
 * Web Tokens). Only the value is masked; the label stays, so a model still knows what the customer
 * said. "My password is wrong" and "the token is expired" say something about a secret, not the
 * secret: a value that is a plain word such people use there ("wrong", "not", a word ending in
 * -ed or -ing) is not taken. A bare number after a code's label ("PIN 1234") is taken without "is".
 */
final class Secrets implements Finder {

    private static final String CODES = "pin(?: code| number)?|pass ?code|one[- ]time (?:pass)?code|one[- ]time (?:password|pin)"
            + "|otp(?: code)?|(?:verification|security|login|sign[- ]in|sms|2fa|mfa|two[- ]factor|auth|authentication"
            + "|access|recovery|backup|\\d[- ]?digit) code|cvv2?|cvc2?|csc";
    private static final String LABELS = "pass(?:word|wd|phrase)s?|pass (?:word|phrase)|pass|pwd|pw|" + CODES
            + "|security answer|secret(?: key| answer)?|api[ _-]?key|(?:secret )?access key|private key|client secret"
            + "|(?:access|auth|bearer|api|refresh) token|token|seed phrase|recovery phrase";
    private static final String WORD_BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String WORD_BOUNDARY_AFTER = "(?![\\p{L}\\p{N}_])";

    /** A label, what it is for ("for the portal", "I use"), a connecting "is" or colon, then the value. */
    private static final Pattern LABELLED = Pattern.compile(WORD_BOUNDARY_BEFORE + "(?<label>" + LABELS + ")" + WORD_BOUNDARY_AFTER
            + "(?:\\s+(?:for|to|on|of|at|in|with)(?:\\s+[^\\s:=]{1,40}){1,3}?|\\s+(?:i|we|you)(?:'m|'ve)?(?:\\s+[^\\s:=]{1,20}){1,2}?)?"
            + "(?<connector>\\s*[:=]\\s*|\\s+(?:is now|is still|is set to|was set to|should be|is|was|are|were|->|=>)(?:\\s*:)?\\s+"
            + "|'s\\s+|\\s+[-–—]\\s+)"
            + "(?<value>\"[^\"\\n]{1,100}\"|'[^'\\n]{1,100}'|“[^”\\n]{1,100}”|`[^`\\n]{1,100}`|\\S{1,200})",
            Pattern.CASE_INSENSITIVE);
    /** A code's label, then a number: "PIN 1234", "CVV 123", "backup code 8423-1147". */
    private static final Pattern BARE_CODE = Pattern.compile(WORD_BOUNDARY_BEFORE + "(?:" + CODES + ")"
            + "\\s+(?:#\\s*)?(?<value>\\d{3,10}(?:-\\d{2,10}){0,3})(?![\\p{L}\\p{N}_]|[.,-]\\d)", Pattern.CASE_INSENSITIVE);
    /** API keys and tokens whose prefixes name them. */
    private static final Pattern KEY = Pattern.compile("(?<![\\p{L}\\p{N}_-])(?:sk-ant-[A-Za-z0-9_-]{20,200}"
            + "|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,200}"
            + "|gh[pousr]_[A-Za-z0-9]{30,200}|github_pat_[A-Za-z0-9_]{30,200}|glpat-[A-Za-z0-9_-]{20,200}"
            + "|xox[abposr]-[A-Za-z0-9-]{10,200}|xapp-[A-Za-z0-9-]{10,200}|(?:AKIA|ASIA)[A-Z0-9]{16}"
            + "|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{10,2000})"
            + "(?![A-Za-z0-9_-])");

    /** The shortest value taken: codes and PINs have three digits or more. */
    private static final int SHORTEST = 3;
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}]+(?:['’][\\p{L}]+)?");
    private static final Pattern ALREADY_HIDDEN = Pattern.compile("[•*·●xX]+|\\[[A-Z]{2,6}_\\d{1,9}]");
    /** What follows "password is" in sentences about a password rather than in one giving it. */
    private static final Set<String> NOT_A_SECRET = Set.of((
            "a an the my your our their his her its this that these those it not no never now still just also "
            + "only already always too very so really actually definitely probably correct incorrect wrong "
            + "right fine ok okay good bad weak strong long short same different new old required mandatory "
            + "optional empty blank missing gone invalid valid case sensitive broken stolen forgotten hidden "
            + "shown known unknown lost there here what which where when why how who something nothing "
            + "anything everything in on at for with from to of and or but because since if as by about all "
            + "any some one null none undefined unset disabled enabled off due set being been be is was are "
            + "were has have had will would should can could must might may again back up down out over "
            + "available unavailable visible invisible secure insecure safe unsafe compromised leaked mine "
            + "yours ours like similar longer shorter stronger weaker better worse great ready active "
            + "inactive correctly incorrectly i you we they he she me him them us").split(" "));

    @Override
    public void find(String text, List<Detection> found) {
        Matcher key = KEY.matcher(text);
        while (key.find()) {
            found.add(new Detection(PersonalDataKind.SECRET, key.start(), key.end(), key.group()));
        }
        Matcher code = BARE_CODE.matcher(text);
        while (code.find()) {
            found.add(new Detection(PersonalDataKind.SECRET, code.start("value"), code.end("value"), code.group("value")));
        }
        Matcher labelled = LABELLED.matcher(text);
        while (labelled.find()) {
            String connector = labelled.group("connector").strip();
            boolean colon = connector.equals(":") || connector.equals("=");
            boolean dash = connector.equals("-") || connector.equals("–") || connector.equals("—");
            if (labelled.group("label").equalsIgnoreCase("pass") && !colon) {
                continue; // "pass: letmein", but "pass is valid until Friday"
            }
            addValue(text, labelled.start("value"), labelled.end("value"), dash, found);
        }
    }

    /**
     * @param shapedOnly whether only a value shaped like a password counts (a digit, a sign or a
     *     capital after the first letter): after a dash, "Password - Welcome1" gives one, "password -
     *     reset didn't work" does not
     */
    private static void addValue(String text, int start, int end, boolean shapedOnly, List<Detection> found) {
        char first = text.charAt(start);
        if (end - start >= 2 && isQuote(first) && isQuote(text.charAt(end - 1))) {
            start++;
            end--;
        } else {
            while (end > start && isTrailingPunctuation(text.charAt(end - 1), text, start, end)) {
                end--;
            }
            while (end > start && (isQuote(text.charAt(start)) || isUnclosedOpening(text, start, end))) {
                start++;
            }
        }
        if (end - start < SHORTEST) {
            return; // "the 2FA code is 6 digits long"
        }
        String value = text.substring(start, end);
        if (shapedOnly && !isShapedLikeAPassword(value)) {
            return;
        }
        if (ALREADY_HIDDEN.matcher(value).matches()) {
            return;
        }
        if (PLAIN_WORD.matcher(value).matches() && isSaidOfASecret(value.toLowerCase(Locale.ROOT))) {
            return;
        }
        found.add(new Detection(PersonalDataKind.SECRET, start, end, value));
    }

    private static boolean isShapedLikeAPassword(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetter(c) || (i > 0 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }

    /** "(none, I use SSO)": an opening bracket whose closing one is not in the value. */
    private static boolean isUnclosedOpening(String text, int start, int end) {
        char closing = switch (text.charAt(start)) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            default -> 0;
        };
        return closing != 0 && !contains(text, start, end, closing);
    }

    /** Whether the value from {@code start} to {@code end} holds {@code c}: never looks past the value. */
    private static boolean contains(String text, int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSaidOfASecret(String word) {
        return NOT_A_SECRET.contains(word) || word.contains("'") || word.contains("’")
                || (word.length() > 4 && (word.endsWith("ed") || word.endsWith("ing") || word.endsWith("ly")));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '“' || c == '”' || c == '‘' || c == '’';
    }

    /** The full stop or comma after a password, or a closing bracket or quote that opened before it. */
    private static boolean isTrailingPunctuation(char c, String text, int start, int end) {
        if (c == '.' || c == ',' || c == ';' || c == ':' || isQuote(c)) {
            return true;
        }
        char opening = switch (c) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> 0;
        };
        return opening != 0 && !contains(text, start, end - 1, opening);
    }
}
