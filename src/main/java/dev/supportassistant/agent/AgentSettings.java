package dev.supportassistant.agent;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by all providers.
 *
 * @param defaultProvider {@code DEFAULT_AI_PROVIDER}: the provider used until an operator switches
 * @param temperature {@code AI_TEMPERATURE}, 0.0 to 2.0
 * @param maxTokens {@code AI_MAX_TOKENS}: the longest reply, in tokens
 */
@Validated
@ConfigurationProperties("support.agent")
public record AgentSettings(@NotBlank String defaultProvider,
        @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @Min(1) @Max(1_000_000) int maxTokens) {
}
