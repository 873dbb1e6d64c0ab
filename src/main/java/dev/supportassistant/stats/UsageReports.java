package dev.supportassistant.stats;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Usage of the assistant in a time window, from the stored conversations: what
 * {@code GET /api/v1/stats} answers and the operator's console charts.
 */
@Service
public class UsageReports {

    private final StatsStore store;

    UsageReports(StatsStore store) {
        this.store = store;
    }

    /** Per provider and in total, over {@code [from, to)}. */
    public StatsReport between(Instant from, Instant to) {
        List<ProviderStats.Sums> sums = store.perProvider(from, to);
        ProviderStats.Sums totals = sums.stream().reduce(new ProviderStats.Sums("all", 0, 0, 0, 0, 0, 0, 0, 0),
                ProviderStats.Sums::plus);
        return new StatsReport(from, to, sums.stream().map(ProviderStats.Sums::stats).toList(), totals.stats(),
                store.handoff(from, to));
    }
}
