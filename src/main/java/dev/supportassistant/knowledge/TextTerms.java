package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into search terms: lower case words, error codes kept whole ({@code 0x80070005},
 * {@code e1234}), common English words dropped and plural and verb endings trimmed, so
 * "passwords", "resetting" and "reset" meet.
 */
final class TextTerms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "to", "of", "in", "on", "at", "by",
            "for", "with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being",
            "am", "do", "does", "did", "doing", "have", "has", "had", "i", "me", "my", "mine", "we", "our",
            "you", "your", "it", "its", "this", "that", "these", "those", "there", "here", "what", "which",
            "who", "whom", "how", "why", "when", "where", "can", "could", "should", "would", "will", "shall",
            "may", "might", "must", "please", "hi", "hello", "hey", "thanks", "thank", "just", "also", "any",
            "some", "all", "not", "no", "yes", "up", "out", "get", "got", "need", "want", "help", "im", "i'm",
            "i've", "ive", "it's", "don't", "doesn't", "can't", "cannot", "won't", "isn't", "again", "still",
            "very", "really", "too", "than", "now", "one", "only", "way", "able", "try", "tried", "trying",
            "everything", "anything", "something", "thing", "things", "work", "works", "working", "worked",
            "know", "think", "keep", "keeps", "even", "tell", "like", "going", "said", "say");

    private TextTerms() {
    }

    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group().replace('’', '\'');
            if (!STOP_WORDS.contains(word) && word.length() > 1) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** A light suffix trim; enough to match inflections, never so much that distinct words merge. */
    static String stem(String word) {
        if (word.chars().anyMatch(Character::isDigit) || word.length() <= 3) {
            return word;
        }
        String stem = word;
        if (stem.endsWith("ies") && stem.length() > 4) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.endsWith("s") && !stem.endsWith("ss") && !stem.endsWith("us")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        for (String suffix : new String[] {"ing", "ed"}) {
            if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 3) {
                stem = stem.substring(0, stem.length() - suffix.length());
                // "resetting" -> "resett" -> "reset"
                if (stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    stem = stem.substring(0, stem.length() - 1);
                }
                break;
            }
        }
        // "update", "updated", "updating" -> "updat"
        return stem.endsWith("e") && stem.length() > 4 ? stem.substring(0, stem.length() - 1) : stem;
    }
}
