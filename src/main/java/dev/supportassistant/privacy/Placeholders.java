package dev.supportassistant.privacy;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How placeholders are written: {@code [EMAIL_1]}, the kind's label and a number from 1 in the
 * order the values first appear. Square brackets and capitals, because models copy them verbatim
 * far more reliably than angle brackets (which read as markup) or lower-case words (which they
 * inflect). {@link StreamingRestorer} holds back text that may be the start of one.
 */
final class Placeholders {

    /** A whole placeholder of any kind. */
    static final Pattern WHOLE = Pattern.compile("\\[(?:" + Arrays.stream(PersonalDataKind.values())
            .map(PersonalDataKind::label).collect(Collectors.joining("|")) + ")_[1-9]\\d{0,8}]");
    /** The longest text a placeholder can have: a six-letter label and a nine-digit number (more than any turn issues). */
    static final int LONGEST = "[SECRET_123456789]".length();

    private Placeholders() {
    }

    static String of(PersonalDataKind kind, int number) {
        return "[" + kind.label() + "_" + number + "]";
    }

    /**
     * Whether {@code text} from {@code start} to its end could still grow into a placeholder:
     * {@code "["}, {@code "[EMA"}, {@code "[EMAIL_"}, {@code "[EMAIL_1"}.
     */
    static boolean couldBeginOne(CharSequence text, int start) {
        int length = text.length() - start;
        if (length < 1 || length >= LONGEST || text.charAt(start) != '[') {
            return false;
        }
        int i = start + 1;
        while (i < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        String label = text.subSequence(start + 1, i).toString();
        if (i == text.length()) {
            return isLabelStart(label);
        }
        if (text.charAt(i) != '_' || !isLabel(label)) {
            return false;
        }
        for (int digit = i + 1; digit < text.length(); digit++) {
            char c = text.charAt(digit);
            if (c < '0' || c > '9' || (digit == i + 1 && c == '0')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabelStart(String prefix) {
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            if (kind.label().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLabel(String label) {
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            if (kind.label().equals(label)) {
                return true;
            }
        }
        return false;
    }
}
