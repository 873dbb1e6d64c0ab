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
                () -> OpenAiChatModel.builder().options(OpenAiChatOptions.builder()
                        .apiKey(openAi.apiKey())
                        .baseUrl(openAi.baseUrlOrNull())
                        .model(openAi.model())
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .streamUsage(true)
                        .timeout(settings.timeout())
                        // The dispatcher retries, within the timeout, for every provider alike.
                        .maxRetries(0)
                        .build()).build(),
                settings);
    }
}
