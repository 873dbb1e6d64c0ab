package dev.supportassistant.agent.openai;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.SpringAiAgent;

/**
 * Answers through OpenAI's chat completions API, or through any OpenAI-compatible server named by
 * {@code OPENAI_BASE_URL}. Streams ask for usage ({@code stream_options.include_usage}), so
 * streamed replies carry the provider's own token counts.
 */
@Component
class OpenAiAgent extends SpringAiAgent {

    OpenAiAgent(OpenAiSettings openAi, AgentSettings settings) {
        super("openai", openAi.model(), openAi.hasApiKey() ? null : "OPENAI_API_KEY is not set",
                () -> OpenAiChatModel.builder().options(replyLength(OpenAiChatOptions.builder(), openAi, settings)
                        .apiKey(openAi.apiKey())
                        .baseUrl(openAi.baseUrlOrNull())
                        .model(openAi.model())
                        .temperature(settings.temperature())
                        .streamUsage(true)
                        .timeout(settings.timeout())
                        // The dispatcher retries, within the timeout, for every provider alike.
                        .maxRetries(0)
                        .build()).build(),
                settings);
    }

    /**
     * OpenAI's own API refuses {@code max_tokens} for its reasoning models and takes
     * {@code max_completion_tokens} for all; compatible servers know {@code max_tokens} best.
     */
    private static OpenAiChatOptions.Builder replyLength(OpenAiChatOptions.Builder options, OpenAiSettings openAi,
            AgentSettings settings) {
        return openAi.baseUrlOrNull() == null ? options.maxCompletionTokens(settings.maxTokens())
                : options.maxTokens(settings.maxTokens());
    }
}
