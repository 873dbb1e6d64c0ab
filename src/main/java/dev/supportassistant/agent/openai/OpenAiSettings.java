package dev.supportassistant.agent.openai;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.agent.AgentSettings;

/**
 * OpenAI, or any server that speaks its chat completions API.
 *
 * @param apiKey {@code OPENAI_API_KEY}; the agent is configured when it is set
 * @param model {@code DEFAULT_OPENAI_MODEL}
 * @param baseUrl {@code OPENAI_BASE_URL}: another OpenAI-compatible server (Azure-style gateways,
 *     vLLM, llama.cpp server, LM Studio, Groq...), including its {@code /v1}; empty for OpenAI's own
 */
@Validated
@ConfigurationProperties("support.agent.openai")
record OpenAiSettings(@Nullable String apiKey, @NotBlank String model,
        @Pattern(regexp = AgentSettings.URL_OR_NOTHING, message = "an http:// or https:// URL such as "
                + "https://gateway.example.com/v1, or nothing")
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
        return "OpenAiSettings[apiKey=" + (hasApiKey() ? "***" : "") + ", model=" + model + ", baseUrl=" + baseUrl + "]";
    }
}
