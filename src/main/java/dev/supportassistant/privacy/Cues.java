package dev.supportassistant.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words just before (or after) a number, which tell a phone number from an order number and an
 * IP address from a version: "call me at 415 555 2671" against "order 415 555 2671", "server
 * 10.2.3.4" against "version 10.2.3.4". Only the words of the same sentence count, nearest first,
 * and only within {@value #REACH} characters, so that reading them never costs more than that.
 */
final class Cues {

    static final int REACH = 120;

    private final List<String> words;

    private Cues(List<String> words) {
        this.words = words;
    }

    /**
     * The words before {@code position}, nearest first, at most {@code limit} of them, stopping at a
     * line break or the end of the previous sentence.
     */
    static Cues before(String text, int position, int limit) {
        List<String> words = new ArrayList<>(limit);
        int i = position;
        while (words.size() < limit && i > 0 && position - i < REACH) {
            char c = text.charAt(i - 1);
            if (c == '\n' || c == '\r' || (isSentenceEnd(c) && i < position && Character.isWhitespace(text.charAt(i))
                    && !followsAbbreviation(text, i - 1))) {
                break;
            }
            if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (i > 0 && position - i < REACH
                        && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')) {
                    i--;
                }
                words.add(text.substring(i, end).toLowerCase(Locale.ROOT));
            } else {
                i--;
            }
        }
        return new Cues(words);
    }

    /** The words after {@code position}, nearest first, at most {@code limit} of them, within the sentence. */
    static Cues after(String text, int position, int limit) {
        List<String> words = new ArrayList<>(limit);
        int i = position;
        while (words.size() < limit && i < text.length() && i - position < REACH) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || (isSentenceEnd(c) && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                break;
            }
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && i - position < REACH
                        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'')) {
                    i++;
                }
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return new Cues(words);
    }

    /** @return how many words away the nearest of the given words stands (0 for the nearest word), or -1 */
    int distance(Set<String> wanted) {
        for (int i = 0; i < words.size(); i++) {
            if (wanted.contains(words.get(i))) {
                return i;
            }
        }
        return -1;
    }

    boolean contains(Set<String> wanted) {
        return distance(wanted) >= 0;
    }

    /**
     * Whether a word of {@code against} stands nearer than any of {@code favour}: "account phone
     * (415) 555-2671" is a phone number, "order number 415 555 2671" is not.
     */
    boolean outweighs(Set<String> against, Set<String> favour) {
        int negative = distance(against);
        int positive = distance(favour);
        return negative >= 0 && (positive < 0 || negative < positive);
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';';
    }

    /** "tel. 020 7946 0958", "ref. 1234": a full stop after a short word is not a sentence's end. */
    private static boolean followsAbbreviation(String text, int stop) {
        if (text.charAt(stop) != '.') {
            return false;
        }
        int start = stop;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return stop - start >= 1 && stop - start <= 4;
    }
}
