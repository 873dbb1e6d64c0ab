package dev.supportassistant.agent.ollama;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.agent.AgentSettings;

/**
 * A self-hosted Ollama server.
 *
 * @param baseUrl {@code OLLAMA_BASE_URL}, e.g. {@code http://localhost:11434}; the agent is
 *     configured when it is set
 * @param model {@code DEFAULT_OLLAMA_MODEL}; it must already be pulled on the server
 */
@Validated
@ConfigurationProperties("support.agent.ollama")
record OllamaSettings(
        @Pattern(regexp = AgentSettings.URL_OR_NOTHING, message = "an http:// or https:// URL such as "
                + "http://localhost:11434, or nothing")
        @Nullable String baseUrl, @NotBlank String model) {

    boolean hasBaseUrl() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
