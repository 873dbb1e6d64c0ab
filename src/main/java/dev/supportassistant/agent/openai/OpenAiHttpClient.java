package dev.supportassistant.agent.openai;

import java.util.concurrent.CompletableFuture;

import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;

import dev.supportassistant.agent.springai.ProviderCallThreads;

/**
 * Spring AI's HTTP client for the OpenAI SDK, with asynchronous calls not limited to 64 at once
 * ({@link ProviderCallThreads}). AnthropicHttpClient is the same for the other SDK, whose
 * {@code HttpClient} is a different interface with the same methods.
 */
final class OpenAiHttpClient implements HttpClient {

    private final HttpClient blocking;
    private final ProviderCallThreads threads;

    OpenAiHttpClient(HttpClient blocking, ProviderCallThreads threads) {
        this.blocking = blocking;
        this.threads = threads;
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        return blocking.execute(request, options);
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        return threads.start(() -> blocking.execute(request, options));
    }

    @Override
    public void close() {
        blocking.close();
    }
}
