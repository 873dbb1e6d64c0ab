package dev.supportassistant.desk.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;

import dev.supportassistant.desk.SignedIn;
import dev.supportassistant.routing.ExperimentReport;
import dev.supportassistant.routing.ExperimentResults;
import dev.supportassistant.routing.ProviderRouting;

/**
 * The results of the experiments in {@code EXPERIMENTS}, per variant, each rate with its 95%
 * interval ({@code GET /api/v1/experiments/{name}} gives the same as JSON).
 */
@Controller
class ExperimentsConsole {

    private final ProviderRouting routing;
    private final ExperimentResults results;

    ExperimentsConsole(ProviderRouting routing, ExperimentResults results) {
        this.routing = routing;
        this.results = results;
    }

    @GetMapping("/desk/console/experiments")
    String experiments(Model model, Authentication authentication) {
        List<ExperimentReport> reports = new ArrayList<>();
        for (String name : routing.experimentNames()) {
            try {
                reports.add(results.of(name));
            } catch (ErrorResponseException nothingRecordedYet) {
                reports.add(new ExperimentReport(name, true, List.of(), List.of()));
            }
        }
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("experiments", reports);
        model.addAttribute("rates", new Rates());
        return "desk/console/experiments";
    }

    /** Rates in words, for the page. */
    record Rates() {

        String of(ExperimentReport.@Nullable Rate rate) {
            return rate(rate);
        }
    }

    /** "12.5% (8.1–18.0%), 5 of 40", or "no data" for a rate with nothing to count. */
    static String rate(ExperimentReport.@Nullable Rate rate) {
        if (rate == null || rate.rate() == null) {
            return "no data";
        }
        return "%.1f%% (%.1f–%.1f%%), %d of %d".formatted(rate.rate() * 100, rate.ci95Low() * 100,
                rate.ci95High() * 100, rate.count(), rate.total());
    }
}
