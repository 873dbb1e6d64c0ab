package dev.supportassistant.agent.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * "Where do I click to try again?": a question about what to use on the screen the customer shares,
 * answered from the labels read on it. What the customer wants to do ("try again") is matched with
 * each label by its words (a word's first four letters, so "cancels" is "Cancel", and a few words a
 * label says otherwise: "try again" is "Retry", "another card" is "Change payment"), ties and
 * labels without a shared word decided by meaning (sentence embeddings); the best label, when one
 * shares a word or is very near in meaning, is the answer. The offline agent has no model to read
 * the screen with, so it names only a label that is there.
 */
final class ScreenQuestions {

    /** A question of where or what to click, tap, choose... */
    private static final Pattern ASKS_WHERE = Pattern.compile("\\b(?:where|which|what)\\b[^.?!]{0,40}?"
            + "\\b(?:click|tap|press|button|link|option|menu|select|choose|go|find)", Pattern.CASE_INSENSITIVE);
    /** The question's own words, which say nothing of what the customer wants to do. */
    private static final Set<String> QUESTION_WORDS = Set.of("where", "which", "what", "do", "does", "did", "i",
            "can", "could", "should", "shall", "must", "to", "click", "tap", "press", "hit", "the", "a", "an", "on",
            "button", "link", "option", "menu", "select", "choose", "go", "find", "is", "it", "me", "my", "now", "next",
            "please", "in", "how", "here", "there", "this", "that", "for", "so", "and", "you", "we", "screen", "page",
            "use", "want", "need", "like", "would", "get", "i'd", "i'm");
    /** Words a label says otherwise: the customer's word, and the label's. */
    private static final Map<String, List<String>> LABEL_WORDS = Map.ofEntries(
            Map.entry("again", List.of("retry", "reload", "refresh", "resend")),
            Map.entry("redo", List.of("retry")),
            Map.entry("another", List.of("change", "edit")),
            Map.entry("different", List.of("change", "edit")),
            Map.entry("other", List.of("change", "edit")),
            Map.entry("card", List.of("payment")),
            Map.entry("pay", List.of("payment", "checkout")),
            Map.entry("stop", List.of("cancel")),
            Map.entry("abort", List.of("cancel")),
            Map.entry("remove", List.of("delete")),
            Map.entry("login", List.of("sign")),
            Map.entry("log", List.of("sign")),
            Map.entry("keep", List.of("save")),
            Map.entry("store", List.of("save")));
    /** How near in meaning (cosine) a label that shares no word must be to what the customer wants to do. */
    static final double MIN_SIMILARITY = 0.6;

    private final SentenceEmbeddings embeddings;

    ScreenQuestions(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Whether the message asks where or what to click. */
    static boolean asksWhere(String message) {
        return ASKS_WHERE.matcher(message).find();
    }

    /** The label on the screen that does what the message asks for, if one is near enough. */
    Optional<String> labelFor(String message, List<String> labels) {
        List<String> wanted = wanted(message);
        if (wanted.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        List<String> terms = new ArrayList<>(wanted);
        wanted.forEach(word -> terms.addAll(LABEL_WORDS.getOrDefault(word, List.of())));
        List<String> texts = new ArrayList<>(labels.size() + 1);
        texts.add(String.join(" ", wanted));
        texts.addAll(labels);
        List<float[]> vectors = embeddings.embedAll(texts);
        String best = null;
        double bestScore = 0;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int shared = sharedWords(terms, label);
            double similarity = SentenceEmbeddings.similarity(vectors.get(0), vectors.get(i + 1));
            if (shared == 0 && similarity < MIN_SIMILARITY) {
                continue;
            }
            double score = shared + similarity;
            if (score > bestScore) {
                best = label;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The message's words besides the question's: what the customer wants to do. */
    static List<String> wanted(String message) {
        List<String> words = new ArrayList<>();
        for (String word : message.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isEmpty() && !QUESTION_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** How many of the label's words are one of the terms, or hold one, or begin as one does. */
    private static int sharedWords(List<String> terms, String label) {
        int shared = 0;
        for (String word : label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && terms.stream().anyMatch(term -> term.length() >= 3
                    && (word.contains(term) || term.length() >= 4 && word.length() >= 4
                            && word.regionMatches(0, term, 0, 4)))) {
                shared++;
            }
        }
        return shared;
    }
}
