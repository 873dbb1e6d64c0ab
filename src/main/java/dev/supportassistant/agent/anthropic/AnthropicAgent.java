package dev.supportassistant.agent.anthropic;

import java.time.Duration;
import java.util.Map;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.AnthropicSetup;
import org.springframework.ai.anthropic.http.okhttp.SpringAiAnthropicHttpClient;
import org.springframework.stereotype.Component;

import io.micrometer.observation.ObservationRegistry;

import com.anthropic.backends.AnthropicBackend;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.http.HttpClient;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.springai.ProviderCallThreads;
import dev.supportassistant.agent.springai.SpringAiAgent;

/** Answers through Anthropic's Messages API (Claude models). */
@Component
class AnthropicAgent extends SpringAiAgent {

    /** The dispatcher retries, within the timeout, for every provider alike. */
    private static final int SDK_RETRIES = 0;

    /** @param observations where each call is observed (Spring AI's {@code gen_ai.client.operation}) */
    AnthropicAgent(AnthropicSettings anthropic, AgentSettings settings, ObservationRegistry observations) {
        super("anthropic", anthropic.model(), anthropic.hasApiKey() ? null : "ANTHROPIC_API_KEY is not set",
                () -> {
                    AnthropicClientAsync client = client(anthropic, settings.timeout());
                    // Key, URL and retries live in the client; the options carry what a request uses.
                    return AnthropicChatModel.builder()
                            .anthropicClient(client.sync())
                            .anthropicClientAsync(client)
                            .observationRegistry(observations)
                            .options(AnthropicChatOptions.builder()
                                    .model(anthropic.model())
                                    .temperature(settings.temperature())
                                    .maxTokens(settings.maxTokens())
                                    .timeout(settings.timeout())
                                    .build())
                            .build();
                },
                settings);
    }

    /**
     * The SDK client as Spring AI sets it up, for both blocking and streamed calls, but over an HTTP
     * client whose streams are not limited in number ({@link ProviderCallThreads}). That HTTP
     * client needs the backend (base URL and key) that Spring AI's would have been built with.
     */
    private static AnthropicClientAsync client(AnthropicSettings anthropic, Duration timeout) {
        AnthropicBackend.Builder backend = AnthropicBackend.builder().apiKey(anthropic.apiKey());
        if (anthropic.baseUrlOrNull() != null) {
            backend.baseUrl(anthropic.baseUrlOrNull());
        }
        HttpClient http = new AnthropicHttpClient(
                SpringAiAnthropicHttpClient.builder().backend(backend.build()).timeout(timeout).build(),
                new ProviderCallThreads("anthropic-call-"));
        return AnthropicSetup.setupAsyncClient(anthropic.baseUrlOrNull(), anthropic.apiKey(), timeout, SDK_RETRIES,
                null, Map.of())
                .withOptions(options -> options.httpClient(http));
    }
}
