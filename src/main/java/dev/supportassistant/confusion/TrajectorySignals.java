package dev.supportassistant.confusion;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.confusion.ConfusionAnalyzer.Turn;
import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Confusion read from where the conversation is going rather than from one message: the customer
 * asking the same thing again in other words, replying to the assistant's steps that they did not
 * help, answering it with nothing but "??", and sounding more frustrated than in their earlier turns.
 * A calm "still the same" means little on its own and a lot after three steps to try. A customer
 * saying it works now ends all of that.
 */
final class TrajectorySignals {

    // Asking again, or saying the steps did not help, is enough on its own to offer screen sharing
    // at the default threshold: the conversation has already failed once.
    static final double REPHRASED = 0.6;
    static final double STEPS_DID_NOT_HELP = 0.6;
    static final double BEWILDERED = 0.6;
    static final double RISING_FRUSTRATION = 0.15;

    /**
     * Cosine similarity (all-MiniLM-L6-v2) from which two customer messages ask the same thing:
     * paraphrases score about 0.6 to 0.9, different questions on one product mostly below 0.5.
     */
    private static final double SAME_QUESTION = 0.6;
    /**
     * Words with which a customer moves on to a new problem on the same subject ("the reset email
     * never came", then "now my account is locked"): close in meaning, but not asking again.
     */
    private static final Pattern NEW_SUBJECT = Pattern.compile(
            "^\\W*(?:now|also|and also|another|one more|next|separately|unrelated|by the way|btw|besides|new question"
                    + "|different question|other question)\\b");

    /**
     * A question that builds on the answer ("Is that the same for the Mac version?", "and what about
     * E1003?", "So if I remove the device, will I need…"): the customer follows the answer and asks
     * about a case next to it, which is neither asking again nor saying the steps failed.
     */
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^\\W*(?:and|so|ok(?:ay)?|also|is that|is this|does that|does this|will|would|what about|how about"
                    + "|and what about|and for|for the|just to (?:check|confirm)|one more)\\b.*\\?\\W*$");

    private static final Pattern NUMBERED_STEP = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])\\s+\\S");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "\\b(?:click|tap|go to|open|select|choose|restart|reinstall|press|make sure|check|turn (?:on|off)"
                    + "|enable|disable|sign out|log out|clear|update|try|close|reset)\\b");
    private static final Pattern DID_NOT_HELP = Pattern.compile(
            "\\bstill\\b|\\bsame\\b|\\bagain\\b|didn't (?:work|help|change)|did not (?:work|help|change)|doesn't"
                    + "|does not|\\bnothing\\b|\\bnope\\b|\\bno luck\\b|\\bnot there\\b|there's no|there is no"
                    + "|\\bdid that\\b|\\btried that\\b|already|can't|cannot|won't|isn't|\\bno\\b");

    private final LexicalSignals lexical;

    TrajectorySignals(LexicalSignals lexical) {
        this.lexical = lexical;
    }

    /**
     * The trajectory part of the confusion level, with its signals added to {@code signals}.
     *
     * @param message the customer's new message
     * @param vector its embedding; absent when it has none (an empty message)
     * @param history the conversation before it, oldest first
     * @param earlierVectors embeddings of the customer's latest earlier messages in {@code history}
     */
    double score(String message, float @Nullable [] vector, List<Turn> history, List<float[]> earlierVectors,
            List<String> signals) {
        if (LexicalSignals.resolved(message)) {
            return 0;
        }
        double level = 0;
        level += bewildered(message, history, signals);
        level += rephrased(message, vector, history, earlierVectors, signals);
        level += stepsDidNotHelp(message, history, signals);
        level += risingFrustration(message, history, signals);
        return level;
    }

    private static double rephrased(String message, float @Nullable [] vector, List<Turn> history, List<float[]> earlierVectors,
            List<String> signals) {
        double closest = 0;
        if (vector != null) {
            for (float[] earlier : earlierVectors) {
                closest = Math.max(closest, SentenceEmbeddings.similarity(vector, earlier));
            }
        }
        String text = LexicalSignals.normalized(message);
        if (NEW_SUBJECT.matcher(text).find() || isFollowUp(text)) {
            return 0;
        }
        if (closest >= SAME_QUESTION) {
            signals.add("trajectory: asked again in other words (%.2f)".formatted(closest));
            return REPHRASED;
        }
        if (customerTurns(history).stream().anyMatch(earlier -> sameWords(message, earlier))) {
            signals.add("trajectory: repeated question");
            return REPHRASED;
        }
        return 0;
    }

    /** "??" with no words, right after the assistant's answer: the answer lost them. */
    private static double bewildered(String message, List<Turn> history, List<String> signals) {
        boolean afterAnswer = !history.isEmpty() && !history.get(history.size() - 1).fromCustomer();
        if (afterAnswer && message.contains("?") && message.codePoints().noneMatch(Character::isLetterOrDigit)) {
            signals.add("trajectory: only question marks in reply to the answer");
            return BEWILDERED;
        }
        return 0;
    }

    /** Steps from the assistant followed by "still", "same", "did that" mean they did not help. */
    private static double stepsDidNotHelp(String message, List<Turn> history, List<String> signals) {
        Turn last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || last.fromCustomer() || !gaveSteps(last.text())) {
            return 0;
        }
        String text = LexicalSignals.normalized(message);
        boolean failed = DID_NOT_HELP.matcher(text).find() && !isFollowUp(text);
        if (failed) {
            signals.add("trajectory: steps given did not help");
            return STEPS_DID_NOT_HELP;
        }
        return 0;
    }

    /** A follow-up question with no sign of trouble in it. */
    private static boolean isFollowUp(String text) {
        return FOLLOW_UP.matcher(text).find() && !text.matches(".*\\b(?:still|didn't|did not|doesn't|does not|won't|can't"
                + "|cannot|nothing|nope|not there|same problem|same error)\\b.*");
    }

    private static boolean gaveSteps(String assistantText) {
        String text = LexicalSignals.normalized(assistantText);
        if (NUMBERED_STEP.matcher(text).results().count() >= 2) {
            return true;
        }
        return INSTRUCTION.matcher(text).results().count() >= 2;
    }

    /** Frustration that grows over the customer's turns means the conversation is not helping. */
    private double risingFrustration(String message, List<Turn> history, List<String> signals) {
        List<String> earlier = customerTurns(history);
        if (earlier.isEmpty()) {
            return 0;
        }
        double now = lexical.frustration(message);
        double before = earlier.stream().mapToDouble(lexical::frustration).max().orElse(0);
        if (now > before && now >= 0.15) {
            signals.add("trajectory: frustration rising across turns");
            return RISING_FRUSTRATION;
        }
        return 0;
    }

    private static List<String> customerTurns(List<Turn> history) {
        return history.stream().filter(Turn::fromCustomer).map(Turn::text).toList();
    }

    /** Word overlap catches a repeat even where the embedding is unsure, e.g. a pasted message. */
    private static boolean sameWords(String message, String earlier) {
        Set<String> words = words(message);
        if (words.size() < 3) {
            return false;
        }
        Set<String> earlierWords = words(earlier);
        Set<String> shared = new HashSet<>(words);
        shared.retainAll(earlierWords);
        Set<String> all = new HashSet<>(words);
        all.addAll(earlierWords);
        return (double) shared.size() / all.size() >= 0.5;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : LexicalSignals.normalized(text).split("[^\\p{L}\\p{N}']+")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }
}
