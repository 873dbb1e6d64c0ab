package dev.supportassistant.agent.springai;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.supportassistant.agent.springai.VirtualThreads;
import dev.supportassistant.platform.web.RequestIds;

/**
 * Runs the vendor SDKs' asynchronous HTTP calls, through which Spring AI streams, as blocking
 * calls on threads of their own (virtual where they can carry such calls, {@link VirtualThreads}).
 *
 * <p>Spring AI gives the OpenAI and Anthropic SDKs an OkHttp client whose asynchronous calls wait
 * behind 64 running ones, with no setting on its builder to change that. A streamed call runs until the response
 * headers arrive, which a model sends with its first token, so at most 64 streams could be
 * starting at any moment: 1,000 customers streaming at once through a 2-second upstream took 36 s
 * (bench/RESULTS.md). The same client's blocking calls have no such limit.
 */
public final class ProviderCallThreads {

    private final SimpleAsyncTaskExecutor threads;

    public ProviderCallThreads(String threadNamePrefix) {
        threads = new SimpleAsyncTaskExecutor(threadNamePrefix);
        threads.setVirtualThreads(VirtualThreads.forBlockingProviderCalls());
        // The SDKs log from the call's thread: keep the request id on those lines.
        threads.setTaskDecorator(RequestIds.carriedOver());
    }

    /**
     * Starts the call and completes the future with its response. A response that comes after
     * the future was cancelled is closed, so that its connection goes back to the pool.
     */
    public <R extends AutoCloseable> CompletableFuture<R> start(Callable<R> call) {
        CompletableFuture<R> result = new CompletableFuture<>();
        Runnable task = () -> {
            R response;
            try {
                response = call.call();
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
                return;
            }
            if (!result.complete(response)) {
                closeUnwanted(response);
            }
        };
        try {
            threads.execute(task);
        } catch (RuntimeException | OutOfMemoryError noThread) {
            // No thread for the call (the JVM's or the system's limit): the call fails, the caller does not.
            result.completeExceptionally(noThread);
        }
        return result;
    }

    private static void closeUnwanted(AutoCloseable response) {
        try {
            response.close();
        } catch (Exception ignored) {
            // Nobody waits for this response any more; closing it only frees its connection.
        }
    }
}
