package dev.supportassistant.routing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An experiment's results, per variant, each rate with its counts and a 95% Wilson score
 * interval, so a reader can see whether a difference between variants is more than noise.
 *
 * @param configured whether the experiment is in {@code EXPERIMENTS} now (results of a finished
 *     experiment stay readable from the stored messages)
 * @param definitions what each figure means, in words
 */
public record ExperimentReport(String experiment, boolean configured, List<VariantResults> variants,
        List<String> definitions) {

    /**
     * @param percent the configured share of conversations, while it is configured
     * @param customerMessages the customer's messages recorded in this variant
     * @param replies the assistant's replies recorded in this variant
     * @param routedReplies replies a routing rule (not the variant) chose the provider for
     * @param handoff conversations escalated to a person
     */
    public record VariantResults(String variant, @Nullable BigDecimal percent, @Nullable String provider,
            @Nullable String model, long conversations,
            long customerMessages, long replies, long routedReplies, Tokens tokens, Cost estimatedCost,
            Latency latencyMs, Rate fallback, Feedback feedback, Rate screenShare, Rate handoff,
            Rate confusionFell) {
    }

    /** Tokens of the variant's replies, as the providers reported them (or estimated). */
    public record Tokens(long prompt, long completion, long total) {
    }

    /**
     * @param usd the estimated cost of the priced replies, in US dollars
     * @param unpricedReplies replies whose model has no price ({@code MODEL_PRICES}), not in {@code usd}
     */
    public record Cost(BigDecimal usd, long unpricedReplies) {
    }

    /** Reply latency percentiles (nearest rank), when there are samples. */
    public record Latency(@Nullable Long p50, @Nullable Long p95, long samples) {
    }

    /**
     * @param upShare thumbs up among rated replies
     */
    public record Feedback(long up, long down, Rate upShare) {
    }

    /**
     * {@code count} of {@code total}, as a share with its 95% Wilson score interval; rate and
     * interval are absent when there is nothing to count.
     */
    public record Rate(long count, long total, @Nullable Double rate, @Nullable Double ci95Low,
            @Nullable Double ci95High) {

        private static final double Z = 1.959963984540054;

        static Rate of(long count, long total) {
            if (total == 0) {
                return new Rate(count, 0, null, null, null);
            }
            double n = total;
            double p = count / n;
            double z2 = Z * Z;
            double denominator = 1 + z2 / n;
            double centre = (p + z2 / (2 * n)) / denominator;
            double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
            return new Rate(count, total, round(p), round(Math.max(0, centre - half)), round(Math.min(1, centre + half)));
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }
}
