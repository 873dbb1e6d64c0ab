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
        List<Shown> shown = new ArrayList<>();
        for (String name : routing.experimentNames()) {
            ExperimentReport report;
            try {
                report = results.of(name);
            } catch (ErrorResponseException nothingRecordedYet) {
                report = new ExperimentReport(name, true, List.of(), List.of());
            }
            shown.add(new Shown(report.experiment(), report.variants().stream().map(Row::of).toList()));
        }
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("experiments", shown);
        return "desk/console/experiments";
    }

    /** An experiment as the page shows it. */
    record Shown(String experiment, List<Row> variants) {
    }

    /**
     * One variant's results in words, put together here rather than in the template: the template
     * reads only these public accessors, so nothing it calls can be out of its reach.
     */
    record Row(String variant, String answeredBy, long conversations, long replies, String fallback, String thumbsUp,
            String screenShare, String handoff, String confusionFell, String costUsd) {

        static Row of(ExperimentReport.VariantResults results) {
            return new Row(results.percent() == null ? results.variant()
                    : results.variant() + " (" + results.percent().toPlainString() + "%)",
                    ExperimentsConsole.answeredBy(results.provider(), results.model()), results.conversations(), results.replies(),
                    rate(results.fallback()), rate(results.feedback().upShare()), rate(results.screenShare()),
                    rate(results.handoff()), rate(results.confusionFell()),
                    results.estimatedCost().usd().toPlainString());
        }
    }

    /** "openai · gpt-4.1-mini"; a variant without a model takes its provider's configured one. */
    static String answeredBy(@Nullable String provider, @Nullable String model) {
        if (provider == null) {
            return "no longer configured";
        }
        return model == null ? provider + " · its configured model" : provider + " · " + model;
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
