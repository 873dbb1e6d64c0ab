package dev.supportassistant.desk.console;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.supportassistant.desk.SignedIn;
import dev.supportassistant.stats.OutcomeReport;
import dev.supportassistant.stats.OutcomeReports;

/**
 * Whether the assistant resolves anything: for the conversations that started in the last 7, 30
 * or 90 days, per day, those the AI resolved alone, those handed to a person, resolved by a person
 * and reopened, the median time to the first human reply, and the customers' ratings, AI-only
 * against after a person ({@code GET /api/v1/stats/outcomes} gives the same as JSON). Drawn as the
 * usage page draws its charts ({@link UsageChart}), with the numbers in a table.
 */
@Controller
class OutcomesConsole {

    static final Set<Integer> PERIODS = Set.of(7, 30, 90);

    private final OutcomeReports reports;

    OutcomesConsole(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping("/desk/console/outcomes")
    String outcomes(@RequestParam(defaultValue = "7") int days, Model model, Authentication authentication) {
        int chosen = PERIODS.contains(days) ? days : 7;
        OutcomeReport report = reports.lastDays(chosen, Instant.now());
        List<OutcomeReport.Day> perDay = report.perDay();
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("days", chosen);
        model.addAttribute("report", report);
        model.addAttribute("charts", List.of(
                UsageChart.of("Resolved by the AI alone", perDay, OutcomesConsole::day,
                        day -> day.figures().resolvedByAi(), UsageConsole::count),
                UsageChart.of("Handed to a person", perDay, OutcomesConsole::day,
                        day -> day.figures().handedToPerson(), UsageConsole::count),
                UsageChart.of("Resolved by a person", perDay, OutcomesConsole::day,
                        day -> day.figures().resolvedByPerson(), UsageConsole::count),
                UsageChart.of("Reopened within 24 hours", perDay, OutcomesConsole::day,
                        day -> day.figures().reopened(), UsageConsole::count),
                UsageChart.of("Median time to the first human reply (minutes)", perDay, OutcomesConsole::day,
                        day -> day.figures().medianFirstHumanReplySeconds() == null ? 0
                                : day.figures().medianFirstHumanReplySeconds() / 60,
                        value -> "%.1f".formatted(value)),
                UsageChart.of("Average customer rating (1 to 5)", List.of(
                        new Rated("AI only", report.ratings().aiOnly()),
                        new Rated("After a person", report.ratings().human())), Rated::label,
                        rated -> rated.split().average() == null ? 0 : rated.split().average(),
                        value -> "%.1f".formatted(value))));
        return "desk/console/outcomes";
    }

    /** A bar of the ratings chart. */
    record Rated(String label, OutcomeReport.Split split) {
    }

    private static String day(OutcomeReport.Day day) {
        return day.date().toString();
    }
}
