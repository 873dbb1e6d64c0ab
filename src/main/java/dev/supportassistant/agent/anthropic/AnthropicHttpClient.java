package dev.supportassistant.agent.anthropic;

import java.util.concurrent.CompletableFuture;

import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;

import dev.supportassistant.agent.springai.ProviderCallThreads;

/**
 * Spring AI's HTTP client for the Anthropic SDK, with asynchronous calls not limited to 64 at once
 * ({@link ProviderCallThreads}). OpenAiHttpClient is the same for the other SDK, whose
 * {@code HttpClient} is a different interface with the same methods.
 */
final class AnthropicHttpClient implements HttpClient {

    private final HttpClient blocking;
    private final ProviderCallThreads threads;

    AnthropicHttpClient(HttpClient blocking, ProviderCallThreads threads) {
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
