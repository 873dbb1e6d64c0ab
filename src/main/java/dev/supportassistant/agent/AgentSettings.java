package dev.supportassistant.agent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by all providers.
 *
 * @param defaultProvider {@code DEFAULT_AI_PROVIDER}: the provider used until an operator switches
 * @param temperature {@code AI_TEMPERATURE}, 0.0 to 2.0
 * @param maxTokens {@code AI_MAX_TOKENS}: the longest reply, in tokens
 * @param timeout {@code AI_TIMEOUT_SECONDS}: the longest one provider may take for a reply, retries
 *     included; after it the next provider of the fallback chain answers
 * @param maxRetries {@code AI_MAX_RETRIES}: further attempts at the same provider after a 429 or 5xx
 * @param retryBackoff {@code AI_RETRY_BACKOFF_MS}: the first pause between attempts when the
 *     provider sends no {@code Retry-After}; it doubles on each further attempt
 * @param fallbackProviders {@code AI_FALLBACK_PROVIDERS}: who answers, in order, when the chosen
 *     provider fails; empty means every other configured provider; {@code local} always ends it
 * @param systemPrompt {@code SYSTEM_PROMPT}: the assistant's standing instructions
 * @param historyTokenBudget {@code AI_HISTORY_TOKEN_BUDGET}: how much earlier conversation, in
 *     estimated tokens, goes into a prompt; the oldest turns are dropped first
 * @param circuit when a failing provider is skipped
 */
@Validated
@ConfigurationProperties("support.agent")
public record AgentSettings(@NotBlank String defaultProvider,
        @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @Min(1) @Max(1_000_000) int maxTokens,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) @DurationMin(seconds = 1) Duration timeout,
        @Min(0) @Max(10) int maxRetries,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) @DurationMin(millis = 0) Duration retryBackoff,
        List<String> fallbackProviders,
        @NotBlank String systemPrompt,
        @Min(0) int historyTokenBudget,
        @Valid @NotNull Circuit circuit) {

    /** A provider's base URL setting: empty (the vendor's own API), or an http(s) URL. */
    public static final String URL_OR_NOTHING = "\\s*(https?://\\S+)?\\s*";

    public AgentSettings {
        fallbackProviders = fallbackProviders == null ? List.of()
                : fallbackProviders.stream().map(String::strip).filter(name -> !name.isEmpty())
                        .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * The circuit breaker of each provider.
     *
     * @param minimumCalls {@code AI_CIRCUIT_MINIMUM_CALLS}: calls to judge a provider on
     * @param failureRatePercent {@code AI_CIRCUIT_FAILURE_RATE}: share of failed calls that opens it
     * @param openSeconds {@code AI_CIRCUIT_OPEN_SECONDS}: how long an open circuit skips the provider
     *     before letting a trial call through
     */
    public record Circuit(@Min(1) int minimumCalls, @Min(1) @Max(100) int failureRatePercent,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) @DurationMin(seconds = 1) Duration openSeconds) {
    }
}
