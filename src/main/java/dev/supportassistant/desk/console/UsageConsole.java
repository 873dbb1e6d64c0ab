package dev.supportassistant.desk.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.supportassistant.stats.HandoffStats;
import dev.supportassistant.stats.ProviderStats;
import dev.supportassistant.stats.StatsReport;
import dev.supportassistant.stats.UsageReports;
import dev.supportassistant.desk.SignedIn;

/**
 * Usage for a period, per provider, as charts: replies, tokens, fallbacks, average confusion and
 * the screen-share rate ({@code GET /api/v1/stats} gives the same figures as JSON), and the
 * replies people wrote, per agent.
 */
@Controller
class UsageConsole {

    /** The periods the page offers, by their value in {@code ?period=}. */
    static final Map<String, Duration> PERIODS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30));

    private final UsageReports reports;

    UsageConsole(UsageReports reports) {
        this.reports = reports;
    }

    @GetMapping("/desk/console/usage")
    String usage(@RequestParam(defaultValue = "24h") String period, Model model, Authentication authentication) {
        String chosen = PERIODS.containsKey(period) ? period : "24h";
        Instant to = Instant.now();
        StatsReport report = reports.between(to.minus(PERIODS.get(chosen)), to);
        List<ProviderStats> providers = report.providers();
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("period", chosen);
        model.addAttribute("report", report);
        model.addAttribute("charts", List.of(
                UsageChart.of("Replies", providers, ProviderStats::provider, ProviderStats::messages, UsageConsole::count),
                UsageChart.of("Tokens", providers, ProviderStats::provider, ProviderStats::totalTokens,
                        UsageConsole::count),
                UsageChart.of("Fallback replies", providers, ProviderStats::provider, ProviderStats::fallbacks,
                        UsageConsole::count),
                UsageChart.of("Average confusion of the messages answered", providers, ProviderStats::provider,
                        stats -> stats.averageConfusion() == null ? 0 : stats.averageConfusion(),
                        value -> "%.2f".formatted(value)),
                UsageChart.of("Screen-share rate", providers, ProviderStats::provider, ProviderStats::screenShareRate,
                        UsageConsole::percent),
                UsageChart.of("Replies by people", report.handoff().agents(), HandoffStats.AgentReplies::agent,
                        HandoffStats.AgentReplies::replies, UsageConsole::count)));
        return "desk/console/usage";
    }

    static String count(double value) {
        return "%,d".formatted(Math.round(value));
    }

    static String percent(double share) {
        return "%.1f%%".formatted(share * 100);
    }
}
