package dev.supportassistant.platform.config;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service logs, bound only to be validated: Boot's structured logging reads {@code LOG_FORMAT}
 * before anything is bound, and logs plain lines for a word it does not know.
 *
 * @param logFormat {@code LOG_FORMAT}: {@code plain} (readable lines, also when empty) or {@code json}
 *     (one Elastic Common Schema object a line)
 */
@Validated
@ConfigurationProperties("support.observability")
record ObservabilitySettings(@Pattern(regexp = "plain|json|", message = "plain or json") String logFormat) {
}
