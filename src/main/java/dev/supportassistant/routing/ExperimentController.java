package dev.supportassistant.routing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators read an experiment's results here (the security module's access rules let only them in). */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentController {

    private final ExperimentResults results;

    ExperimentController(ExperimentResults results) {
        this.results = results;
    }

    /** Per variant: volume, tokens and cost, latency, and rates with counts and 95% intervals. */
    @GetMapping("/{name}")
    ExperimentReport experiment(@PathVariable String name) {
        return results.of(name);
    }
}
