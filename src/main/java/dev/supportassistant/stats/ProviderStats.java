package dev.supportassistant.stats;

import org.jspecify.annotations.Nullable;

/**
 * What one provider's answers in a time window add up to (or, as totals, all providers').
 *
 * @param provider the provider that answered, or {@code all} for the totals
 * @param messages assistant replies it wrote
 * @param promptTokens tokens of the prompts (reported by the provider, else estimated)
 * @param completionTokens tokens of the replies
 * @param totalTokens both together
 * @param fallbacks replies it wrote because the chosen provider failed
 * @param averageConfusion the mean confusion level of the customer messages it answered, when
 *     there were any
 * @param screenShareOffers replies that offered the customer screen sharing
 * @param screenShareRate {@code screenShareOffers / messages}, 0 without messages
 */
public record ProviderStats(String provider, long messages, long promptTokens, long completionTokens, long totalTokens,
        long fallbacks, @Nullable Double averageConfusion, long screenShareOffers, double screenShareRate) {

    /** The raw sums of one provider, as the database adds them up. */
    record Sums(String provider, long messages, long promptTokens, long completionTokens, long totalTokens,
            long fallbacks, double confusionSum, long confusionCount, long screenShareOffers) {

        Sums plus(Sums other) {
            return new Sums(provider, messages + other.messages, promptTokens + other.promptTokens,
                    completionTokens + other.completionTokens, totalTokens + other.totalTokens,
                    fallbacks + other.fallbacks, confusionSum + other.confusionSum,
                    confusionCount + other.confusionCount, screenShareOffers + other.screenShareOffers);
        }

        ProviderStats stats() {
            return new ProviderStats(provider, messages, promptTokens, completionTokens, totalTokens, fallbacks,
                    confusionCount == 0 ? null : rounded(confusionSum / confusionCount), screenShareOffers,
                    messages == 0 ? 0 : rounded((double) screenShareOffers / messages));
        }

        /** Four decimals: enough for a dashboard, without binary-fraction noise in the JSON. */
        private static double rounded(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }
}
