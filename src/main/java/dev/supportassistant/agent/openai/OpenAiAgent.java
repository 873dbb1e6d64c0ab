package dev.supportassistant.agent.openai;

import java.time.Duration;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;
import org.springframework.stereotype.Component;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.core.ClientOptions;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.ProviderCallThreads;
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
                () -> {
                    OpenAIClientAsync client = client(openAi, settings.timeout());
                    return OpenAiChatModel.builder()
                            .openAiClient(client.sync())
                            .openAiClientAsync(client)
                            .options(replyLength(OpenAiChatOptions.builder(), openAi, settings)
                                    .apiKey(openAi.apiKey())
                                    .baseUrl(openAi.baseUrlOrNull())
                                    .model(openAi.model())
                                    .temperature(settings.temperature())
                                    .streamUsage(true)
                                    .timeout(settings.timeout())
                                    .maxRetries(0)
                                    .build())
                            .build();
                },
                settings);
    }

    /**
     * The SDK client, for both blocking and streamed calls, over Spring AI's HTTP client with
     * streams not limited in number ({@link ProviderCallThreads}).
     */
    private static OpenAIClientAsync client(OpenAiSettings openAi, Duration timeout) {
        return new OpenAIClientAsyncImpl(ClientOptions.builder()
                .httpClient(new OpenAiHttpClient(SpringAiOpenAiHttpClient.builder().timeout(timeout).build(),
                        new ProviderCallThreads("openai-call-")))
                .apiKey(openAi.apiKey())
                .baseUrl(openAi.baseUrlOrNull() == null ? ClientOptions.PRODUCTION_URL : openAi.baseUrlOrNull())
                .timeout(timeout)
                // The dispatcher retries, within the timeout, for every provider alike.
                .maxRetries(0)
                .build());
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
