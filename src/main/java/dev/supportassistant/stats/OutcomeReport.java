package dev.supportassistant.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of the conversations that started in a window ({@code GET /api/v1/stats/outcomes}),
 * in total and per day (UTC) of their start. How each figure is defined is {@link OutcomeReports}'.
 *
 * @param truncated true when more conversations started in the window than a report reads
 *     ({@value OutcomeReports#MAX_CONVERSATIONS}): the figures then cover the newest of them
 */
public record OutcomeReport(Instant from, Instant to, Figures totals, List<Day> perDay, Ratings ratings,
        boolean truncated) {

    /**
     * @param conversations conversations started (with at least one message)
     * @param resolvedByAi never handed to a person, answered by the AI, and ended: nothing written in
     *     them for {@value OutcomeReports#ENDED_AFTER_HOURS} hours
     * @param openWithAi never handed to a person and not ended yet
     * @param handedToPerson handed to a person at least once
     * @param resolvedByPerson resolved by a person at least once
     * @param reopened resolved by a person, then written in again (or escalated again) within
     *     {@value OutcomeReports#ENDED_AFTER_HOURS} hours of that resolution
     * @param medianFirstHumanReplySeconds from the first handoff to the first reply a person wrote,
     *     the median over the conversations that had one; absent when none had
     */
    public record Figures(long conversations, long resolvedByAi, long openWithAi, long handedToPerson,
            long resolvedByPerson, long reopened, @Nullable Double medianFirstHumanReplySeconds) {
    }

    /** One day's figures, by the day (UTC) the conversations started. */
    public record Day(LocalDate date, Figures figures) {
    }

    /** The customers' ratings (1 to 5) of the window's conversations, AI-only and after a person resolved them. */
    public record Ratings(Split aiOnly, Split human) {
    }

    /** How many ratings, and their average; absent when there were none. */
    public record Split(long count, @Nullable Double average) {
    }
}
