package dev.supportassistant.agent.openai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;
import org.springframework.ai.openai.setup.OpenAiSetup;
import org.springframework.stereotype.Component;

import io.micrometer.observation.ObservationRegistry;

import com.openai.client.OpenAIClientAsync;
import com.openai.core.ClientOptions;
import com.openai.core.http.HttpClient;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.springai.ProviderCallThreads;
import dev.supportassistant.agent.springai.SpringAiAgent;

/**
 * Answers through OpenAI's chat completions API, or through any OpenAI-compatible server named by
 * {@code OPENAI_BASE_URL}. Streams ask for usage ({@code stream_options.include_usage}), so
 * streamed replies carry the provider's own token counts.
 */
@Component
class OpenAiAgent extends SpringAiAgent {

    /** The dispatcher retries, within the timeout, for every provider alike. */
    private static final int SDK_RETRIES = 0;

    /** @param observations where each call is observed (Spring AI's {@code gen_ai.client.operation}) */
    OpenAiAgent(OpenAiSettings openAi, AgentSettings settings, ObservationRegistry observations) {
        super("openai", openAi.model(), openAi.hasApiKey() ? null : "OPENAI_API_KEY is not set",
                () -> {
                    OpenAIClientAsync client = client(openAi, settings.timeout(), observations);
                    // Key, URL and retries live in the client; the options carry what a request uses.
                    return OpenAiChatModel.builder()
                            .openAiClient(client.sync())
                            .openAiClientAsync(client)
                            .observationRegistry(observations)
                            .options(replyLength(OpenAiChatOptions.builder(), openAi, settings)
                                    .model(openAi.model())
                                    .temperature(settings.temperature())
                                    .streamUsage(true)
                                    .timeout(settings.timeout())
                                    .build())
                            .build();
                },
                settings);
    }

    /**
     * The SDK client as Spring AI sets it up (OpenAI, Azure-style and other compatible servers
     * alike), for both blocking and streamed calls, but over an HTTP client whose streams are not
     * limited in number ({@link ProviderCallThreads}). The HTTP client Spring AI built is never used
     * and holds nothing: OkHttp starts its threads with the first call.
     */
    private static OpenAIClientAsync client(OpenAiSettings openAi, Duration timeout, ObservationRegistry observations) {
        HttpClient http = new OpenAiHttpClient(
                SpringAiOpenAiHttpClient.builder().timeout(timeout).build(),
                new ProviderCallThreads("openai-call-"));
        // OpenAI's own URL when none is set: Spring AI would look for one in the process's environment
        // (AZURE_OPENAI_BASE_URL among others); only the settings documented here decide.
        String baseUrl = openAi.baseUrlOrNull() == null ? ClientOptions.PRODUCTION_URL : openAi.baseUrlOrNull();
        // Replacing the HTTP client drops what Spring AI adds to it for a server without a key (the
        // agent has a key whenever it is built), and its observation of each HTTP exchange: the chat
        // model's own observation of each call is the one measured.
        return OpenAiSetup.setupAsyncClient(baseUrl, openAi.apiKey(), null, null, null, null, false, false,
                openAi.model(), timeout, SDK_RETRIES, null, Map.of(), observations, null, List.of())
                .withOptions(options -> options.httpClient(http));
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
