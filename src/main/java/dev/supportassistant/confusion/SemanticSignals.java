package dev.supportassistant.confusion;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Confusion read from the meaning of a message: how much closer it sits, in the sentence-embedding
 * space, to messages of stuck customers than to clear questions. Catches confusion phrased without
 * any keyword ("I have clicked everything and I am going around in circles") and, the other way,
 * keeps a calm question that mentions an error code from looking alarming.
 *
 * <p>The example phrases are in {@link SemanticExamples}. A third set, problems stated plainly, tells a
 * first message that only reports what went wrong from one of a customer who is stuck
 * ({@link #readsAsPlainReport}).
 */
final class SemanticSignals {

    /** Nearest examples averaged per side: one odd neighbour should not decide. */
    private static final int NEIGHBOURS = 3;
    /**
     * Margin (confused minus clear similarity) that earns the full weight. Small on purpose: both
     * example sets are about the same product, so even clear stuck messages lean only a little.
     */
    private static final double FULL_MARGIN = 0.07;
    /** A message that clearly reads like a stuck customer reaches the default threshold alone. */
    private static final double MAX_RAISE = 0.7;
    private static final double MAX_LOWER = 0.15;

    /** The example phrases' vectors. */
    private record Examples(List<float[]> confused, List<float[]> clear, List<float[]> plainReports) {
    }

    private final SentenceEmbeddings embeddings;
    /** Embedded in the background from construction on, so start-up does not wait for it. */
    private volatile CompletableFuture<Examples> examples;

    SemanticSignals(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
        this.examples = CompletableFuture.supplyAsync(this::embedExamples);
    }

    private Examples embedExamples() {
        return new Examples(embeddings.embedAll(SemanticExamples.CONFUSED),
                embeddings.embedAll(SemanticExamples.CLEAR), embeddings.embedAll(SemanticExamples.PLAIN_REPORTS));
    }

    /**
     * The examples' vectors. When embedding them in the background failed (the model too busy at
     * start-up, say), they are embedded again now rather than failing every later message; a
     * failure this time is the caller's (503 when the model is busy).
     */
    private Examples examples() {
        CompletableFuture<Examples> current = examples;
        try {
            return current.join();
        } catch (CompletionException failed) {
            Examples embedded = embedExamples();
            examples = CompletableFuture.completedFuture(embedded);
            return embedded;
        }
    }

    /**
     * How much the meaning raises (up to {@value #MAX_RAISE}) or lowers (by at most {@value #MAX_LOWER})
     * the confusion level, with the signal that says so added to {@code signals} when it moves the
     * level noticeably.
     */
    double score(float[] message, List<String> signals) {
        Examples known = examples();
        double towardsConfused = nearest(message, known.confused());
        double towardsClear = nearest(message, known.clear());
        double margin = towardsConfused - towardsClear;
        double score = Math.max(-MAX_LOWER, Math.min(MAX_RAISE, MAX_RAISE * margin / FULL_MARGIN));
        if (score >= 0.05) {
            signals.add("semantic: resembles stuck customers (%.2f)".formatted(towardsConfused));
        } else if (score <= -0.05) {
            signals.add("semantic: resembles clear questions (%.2f)".formatted(towardsClear));
        }
        return score;
    }

    /**
     * Whether the message sits at least as close to problems stated plainly ("the verification link
     * has expired") as to stuck customers: it says what is wrong, not that the customer is stuck.
     */
    boolean readsAsPlainReport(float[] message) {
        Examples known = examples();
        return nearest(message, known.plainReports()) >= nearest(message, known.confused());
    }

    private static double nearest(float[] message, List<float[]> examples) {
        double[] similarities = examples.stream().mapToDouble(example -> SentenceEmbeddings.similarity(message, example))
                .toArray();
        Arrays.sort(similarities);
        double sum = 0;
        for (int i = similarities.length - NEIGHBOURS; i < similarities.length; i++) {
            sum += similarities[i];
        }
        return sum / NEIGHBOURS;
    }
}
