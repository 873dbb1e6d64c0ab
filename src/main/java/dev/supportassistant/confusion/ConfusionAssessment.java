package dev.supportassistant.confusion;

import java.util.List;

/**
 * How confused or stuck a customer's message reads.
 *
 * @param level 0.0 (clear) to 1.0 (lost and frustrated)
 * @param signals why, in words support staff can read, e.g. {@code "error code: 0x80070005"}
 * @param confused whether the level reaches the configured threshold, at which the assistant
 *     offers screen sharing
 */
public record ConfusionAssessment(double level, List<String> signals, boolean confused) {

    public ConfusionAssessment {
        signals = List.copyOf(signals);
    }
}
