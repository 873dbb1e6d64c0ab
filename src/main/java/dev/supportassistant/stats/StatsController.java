package dev.supportassistant.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage totals for operators: per provider, the replies, tokens, fallbacks, average confusion and
 * screen-sharing rate of a time window, read from the stored conversations; apart from them, the
 * replies support agents wrote and the holding replies of handoffs. Metrics show the same
 * things live, per instance and since its start; this answers "how did last week go" from the
 * database. Operators only: the security module's access rules guard {@code /api/v1/stats}.
 */
@RestController
class StatsController {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final UsageReports reports;
    private final OutcomeReports outcomes;

    StatsController(UsageReports reports, OutcomeReports outcomes) {
        this.reports = reports;
        this.outcomes = outcomes;
    }

    /**
     * What became of the conversations that started in the last {@code days} days (1 to 90,
     * default 7): resolved by the AI alone, handed to a person, resolved by a person, reopened, the
     * time to the first human reply, the customers' ratings; per day ({@link OutcomeReports}).
     *
     * @param to ISO-8601 instant the window ends at (exclusive); default now, which is also what
     *     "ended" (24 hours without a message) is judged at
     */
    @GetMapping("/api/v1/stats/outcomes")
    OutcomeReport outcomes(@RequestParam(defaultValue = "7") String days,
            @RequestParam(required = false) @Nullable String to) {
        int count;
        try {
            count = Integer.parseInt(days.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidWindowException("days: must be a whole number from 1 to " + OutcomeReports.MAX_DAYS);
        }
        return outcomes.lastDays(count, to == null ? Instant.now() : instant("to", to));
    }

    /**
     * @param from ISO-8601 instant, inclusive; default {@code to} minus 24 hours
     * @param to ISO-8601 instant, exclusive; default now
     */
    @GetMapping("/api/v1/stats")
    StatsReport stats(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : instant("from", from);
        if (start.isAfter(end)) {
            throw new InvalidWindowException("from: must not be after to");
        }
        return reports.between(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidWindowException(name + ": must be an ISO-8601 instant such as 2026-11-24T12:00:00Z");
        }
    }
}
