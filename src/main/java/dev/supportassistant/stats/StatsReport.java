package dev.supportassistant.stats;

import java.time.Instant;
import java.util.List;

/**
 * Usage of the assistant in a time window, per provider and in total.
 *
 * @param from the window's start (inclusive)
 * @param to the window's end (exclusive)
 * @param providers one entry per provider that answered in the window, by name
 * @param totals the same sums over all providers ({@code provider} is {@code all}): the AI's replies only
 * @param handoff the replies no provider wrote: people's, per agent, and the holding replies
 */
public record StatsReport(Instant from, Instant to, List<ProviderStats> providers, ProviderStats totals,
        HandoffStats handoff) {
}
