package dev.supportassistant.agent.anthropic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.agent.AgentSettings;

/**
 * Anthropic's Messages API.
 *
 * @param apiKey {@code ANTHROPIC_API_KEY}; the agent is configured when it is set
 * @param model {@code DEFAULT_ANTHROPIC_MODEL}
 * @param baseUrl {@code ANTHROPIC_BASE_URL}: a gateway in front of the API, without {@code /v1};
 *     empty for Anthropic's own
 */
@Validated
@ConfigurationProperties("support.agent.anthropic")
record AnthropicSettings(@Nullable String apiKey, @NotBlank String model,
        @Pattern(regexp = AgentSettings.URL_OR_NOTHING, message = "an http:// or https:// URL such as "
                + "https://gateway.example.com, or nothing")
        @Nullable String baseUrl) {

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The base URL, when one is set (not blank). */
    @Nullable String baseUrlOrNull() {
        return baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
    }

    @Override
    public String toString() {
        return "AnthropicSettings[apiKey=" + (hasApiKey() ? "***" : "") + ", model=" + model + ", baseUrl=" + baseUrl
                + "]";
    }
}
