package dev.supportassistant.confusion;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The confusion detector's settings; public so that the handoff can apply the same threshold.
 *
 * @param threshold the confusion level ({@code CONFUSION_THRESHOLD}, default 0.6) at which the
 *     assistant suggests screen sharing
 */
@Validated
@ConfigurationProperties("support.confusion")
public record ConfusionSettings(@DecimalMin("0.0") @DecimalMax("1.0") double threshold) {
}
