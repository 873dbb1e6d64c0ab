package dev.supportassistant.agent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.supportassistant.agent.springai.ProviderFailure;
import dev.supportassistant.agent.springai.ProviderTimeoutException;
import dev.supportassistant.agent.springai.VirtualThreads;
import dev.supportassistant.platform.web.RequestIds;

/**
 * One provider's turn at an answer: its call, tried again after a 429, a 5xx or a broken
 * connection (after the provider's {@code Retry-After}, else a doubling pause from
 * {@code AI_RETRY_BACKOFF_MS}, at most {@code AI_MAX_RETRIES} times), all within one deadline of
 * {@code AI_TIMEOUT_SECONDS}. A retry that would wait past the deadline is not made: the next
 * provider answers sooner. A stream is not tried again once text has reached the customer.
 */
final class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final AgentSettings settings;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ai-call-");

    ProviderCalls(AgentSettings settings) {
        this.settings = settings;
        // Each provider call waits on the network in its own thread, so that the caller can give
        // up at the deadline; virtual threads make that cheap where they can carry such calls.
        threads.setVirtualThreads(VirtualThreads.forBlockingProviderCalls());
        // The SDKs log from the call's thread: keep the request id on those lines.
        threads.setTaskDecorator(RequestIds.carriedOver());
    }

    /** The agent's reply, streamed through {@code relay} when it streams. */
    AgentReply call(AiAgent agent, AgentRequest request, Relay relay) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Callable<AgentReply> call = relay.streaming() ? () -> agent.stream(request, relay)
                : () -> agent.reply(request);
        for (int attempt = 0;; attempt++) {
            try {
                return withinDeadline(agent, call, deadline);
            } catch (RuntimeException failure) {
                ProviderFailure what = ProviderFailure.of(failure);
                if (ListenerGoneException.causedBy(failure) || !what.retryable() || attempt >= settings.maxRetries()
                        || relay.started()) {
                    throw failure;
                }
                Duration pause = what.retryAfter()
                        .orElse(settings.retryBackoff().multipliedBy(1L << Math.min(attempt, 10)));
                if (System.nanoTime() + pause.toNanos() >= deadline) {
                    // Waiting as asked would overrun the timeout: the next provider answers sooner.
                    throw failure;
                }
                log.info("AI provider {}: {}, trying again in {} ms", agent.provider(), what.summary(),
                        pause.toMillis());
                sleep(pause);
            }
        }
    }

    private <T> T withinDeadline(AiAgent agent, Callable<T> call, long deadlineNanos) {
        Future<T> future = threads.submit(call);
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException timeout) {
            // Interrupting stops a stream's subscription; a blocking call is ended by the SDK's own timeout.
            future.cancel(true);
            throw new ProviderTimeoutException(agent.provider());
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getClass().getSimpleName(), cause);
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderTimeoutException(agent.provider());
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderTimeoutException("retry");
        }
    }

    /**
     * Passes a stream's text on to the listener and keeps it, so that a cut stream still has what
     * was produced. A listener failure is wrapped so it is not mistaken for the provider's.
     */
    static final class Relay implements Consumer<String> {

        private final @Nullable Consumer<String> listener;
        private final StringBuffer text = new StringBuffer();
        private final AtomicBoolean started = new AtomicBoolean();

        /** @param listener receives the text as it comes; absent for an answer in one piece */
        Relay(@Nullable Consumer<String> listener) {
            this.listener = listener;
        }

        boolean streaming() {
            return listener != null;
        }

        boolean started() {
            return started.get();
        }

        String text() {
            return text.toString();
        }

        @Override
        public void accept(String piece) {
            started.set(true);
            text.append(piece);
            try {
                listener.accept(piece);
            } catch (RuntimeException gone) {
                throw new ListenerGoneException(gone);
            }
        }
    }

    /** The stream's listener failed: the customer left, the provider did nothing wrong. */
    static final class ListenerGoneException extends RuntimeException {

        ListenerGoneException(Throwable cause) {
            super("listener failed", cause);
        }

        static boolean causedBy(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ListenerGoneException) {
                    return true;
                }
            }
            return false;
        }
    }
}
