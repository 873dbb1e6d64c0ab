package dev.supportassistant.agent.ollama;

import java.net.http.HttpClient;

import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import org.springframework.stereotype.Component;

import io.micrometer.observation.ObservationRegistry;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.springai.SpringAiAgent;

/**
 * Answers through a self-hosted Ollama server's chat API. Ollama reports its own token counts
 * ({@code prompt_eval_count}, {@code eval_count}) in the last message of a reply, streamed or not.
 */
@Component
class OllamaAgent extends SpringAiAgent {

    /** @param observations where each call is observed (Spring AI's {@code gen_ai.client.operation}) */
    OllamaAgent(OllamaSettings ollama, AgentSettings settings, ObservationRegistry observations) {
        super("ollama", ollama.model(), ollama.hasBaseUrl() ? null : "OLLAMA_BASE_URL is not set",
                () -> OllamaChatModel.builder()
                        .ollamaApi(api(ollama.baseUrl().strip(), settings))
                        .options(OllamaChatOptions.builder()
                                .model(ollama.model())
                                .temperature(settings.temperature())
                                .numPredict(settings.maxTokens())
                                .build())
                        .observationRegistry(observations)
                        // The dispatcher retries, within the timeout, for every provider alike.
                        .retryTemplate(new RetryTemplate(RetryPolicy.builder().maxRetries(0).build()))
                        .build(),
                settings);
    }

    private static OllamaApi api(String baseUrl, AgentSettings settings) {
        // HTTP/1.1: Ollama serves no HTTP/2, and the JDK client's h2c upgrade trips some proxies.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        return OllamaApi.builder()
                .baseUrl(baseUrl)
                .restClientBuilder(RestClient.builder().requestFactory(requests))
                .webClientBuilder(WebClient.builder().clientConnector(new JdkClientHttpConnector(http)))
                // Spring's own handler keeps the status and headers (Retry-After) of a failed call.
                .responseErrorHandler(new DefaultResponseErrorHandler())
                .build();
    }
}
