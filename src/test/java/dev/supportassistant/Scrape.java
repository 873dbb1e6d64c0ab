package dev.supportassistant;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of {@code /actuator/prometheus}, for tests that check what the service measured: a
 * series is found by its name and some of its labels, the way a PromQL selector finds it.
 */
public record Scrape(List<String> lines) {

    /** Reads the metrics the way Prometheus does (with the admin key, as the API's port requires). */
    public static Scrape of(ApiClient api) {
        ApiClient.Response response = api.asAdmin().get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException("Scrape failed with " + response.status() + ": " + response.body());
        }
        return new Scrape(Arrays.stream(response.body().split("\n")).filter(line -> !line.startsWith("#")).toList());
    }

    /** The value of the one series with this name and (at least) these labels, if it exists. */
    public Optional<Double> find(String name, Map<String, String> labels) {
        List<String> matching = lines.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .toList();
        if (matching.size() > 1) {
            throw new IllegalArgumentException("More than one series matches " + name + labels + ": " + matching);
        }
        return matching.stream().findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }

    /** Like {@link #find}, with a series not yet created read as 0 (as Prometheus' {@code increase} does). */
    public double value(String name, Map<String, String> labels) {
        return find(name, labels).orElse(0.0);
    }
}
