package dev.supportassistant.agent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import dev.supportassistant.agent.springai.ProviderFailure;
import dev.supportassistant.agent.springai.ProviderTimeoutException;
import dev.supportassistant.agent.springai.SpringAiAgent;
import dev.supportassistant.agent.springai.VirtualThreads;
import dev.supportassistant.platform.web.RequestIds;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One provider's turn at an answer, in Resilience4j's decorators: its circuit breaker around a time limiter
 * of {@code AI_TIMEOUT_SECONDS} around a retry (after the provider's {@code Retry-After}, else a doubling
 * pause), so the circuit judges whole turns and the deadline holds the retries. A stream is not tried again
 * once text has reached the customer, and no text reaches them from a call given up on.
 */
@Component
class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    /**
     * How long the answer given up on waits for a stream's thread to let go of its stream: usually
     * moments; more only when the machine is so busy that the thread had not even opened the stream
     * by the deadline.
     */
    private static final Duration LETTING_GO = Duration.ofSeconds(2);

    private final ProviderCircuits circuits;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry deadlines;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ai-call-");

    ProviderCalls(AgentSettings settings, ProviderCircuits circuits, AgentRegistry agents) {
        this.circuits = circuits;
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(failure -> worthRetrying(failure, settings.timeout()))
                .intervalBiFunction((retry, outcome) -> ProviderFailure.of(outcome.getLeft()).retryAfter()
                        .orElse(settings.retryBackoff().multipliedBy(1L << Math.min(retry - 1, 10))).toMillis())
                .build());
        this.deadlines = TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout())
                // Interrupting ends the call's retries; a blocking call is ended by the SDK's own timeout.
                .cancelRunningFuture(true).build());
        retries.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onRetry(
                retry -> log.info("AI provider {}: {}, trying again in {} ms", retry.getName(),
                        ProviderFailure.of(retry.getLastThrowable()).summary(), retry.getWaitInterval().toMillis())));
        // Every provider's meters from the start.
        agents.agents().stream().filter(agent -> agent != agents.local()).map(AiAgent::provider).forEach(provider -> {
            circuits.of(provider);
            retries.retry(provider);
            deadlines.timeLimiter(provider);
        });
        // Each call waits on the network in its own thread, so that the caller can give up at the deadline.
        threads.setVirtualThreads(VirtualThreads.forBlockingProviderCalls());
        // The SDKs log from the call's thread: keep the request id on those lines.
        threads.setTaskDecorator(RequestIds.carriedOver());
    }

    /**
     * The agent's reply, streamed through {@code relay} when it streams.
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException its circuit is open
     */
    AgentReply call(AiAgent agent, AgentRequest request, Relay relay) {
        String provider = agent.provider();
        Callable<AgentReply> retried = Retry.decorateCallable(retries.retry(provider), () -> attempt(agent, request, relay));
        CallOnItsThread onItsThread = new CallOnItsThread(retried, relay);
        Callable<AgentReply> withinDeadline = deadlines.timeLimiter(provider).decorateFutureSupplier(() -> {
            threads.execute(onItsThread);
            return onItsThread;
        });
        try {
            return circuits.of(provider).executeCallable(withinDeadline);
        } catch (TimeoutException timeout) {
            if (relay.streaming()) {
                // A stream not yet opened at the deadline is opened and cancelled at once by its own
                // thread (Spring AI observes the call there): that happens before the next provider's
                // answer, not after it or into another turn's counts. A call in one piece is not
                // waited for: it runs on until its SDK's own timeout.
                onItsThread.awaitEnd(LETTING_GO);
            }
            throw new ProviderTimeoutException(provider);
        } catch (InterruptedException interrupted) {
            // A blocking call runs on until its SDK's own timeout; a stream stops with the relay.
            relay.close();
            Thread.currentThread().interrupt();
            throw new ProviderTimeoutException(provider);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected.getClass().getSimpleName(), unexpected);
        }
    }

    /**
     * The call on a thread of its own. Given up on at the deadline, it is marked so (its relay closed)
     * before its thread is interrupted, so that what the interrupt makes the client throw is never
     * taken for a failure worth another attempt; and it tells when its thread has finished with it.
     */
    private static final class CallOnItsThread extends FutureTask<AgentReply> {

        private final Relay relay;
        private final CountDownLatch ended = new CountDownLatch(1);

        CallOnItsThread(Callable<AgentReply> call, Relay relay) {
            super(call);
            this.relay = relay;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                ended.countDown();
            }
        }

        @Override
        public boolean cancel(boolean interrupt) {
            relay.close();
            return super.cancel(interrupt);
        }

        /** Waits until the call's thread has left the call (or never entered it), at most {@code atMost}. */
        void awaitEnd(Duration atMost) {
            try {
                ended.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static AgentReply attempt(AiAgent agent, AgentRequest request, Relay relay) {
        try {
            return relay.streaming() ? agent.stream(request, relay) : agent.reply(request);
        } catch (RuntimeException failure) {
            if (relay.started() || relay.closed()) {
                throw new CutShortException(failure);
            }
            throw failure;
        }
    }

    /**
     * A 429, a 5xx or a broken connection before any text reached the customer, unless the provider asks
     * to wait the whole timeout: the next provider answers sooner. Evaluated on the call's own thread.
     */
    private static boolean worthRetrying(Throwable failure, Duration timeout) {
        // Interrupted: the call was given up at the deadline, and nobody waits for another attempt.
        if (failure instanceof CutShortException || Thread.currentThread().isInterrupted()) {
            return false;
        }
        ProviderFailure what = ProviderFailure.of(failure);
        return what.retryable() && what.retryAfter().map(wait -> wait.compareTo(timeout) < 0).orElse(true);
    }

    RetryRegistry retries() {
        return retries;
    }

    TimeLimiterRegistry deadlines() {
        return deadlines;
    }

    /**
     * Passes a stream's text on to the listener and keeps it, so that a cut stream still has what was
     * produced; a listener failure is wrapped so it is not mistaken for the provider's. Closed (the call
     * was given up on), it cancels the stream and passes nothing more on to an answer already settled.
     */
    static final class Relay implements Consumer<String>, SpringAiAgent.GivenUpOn {

        private final @Nullable Consumer<String> listener;
        private final Sinks.One<Boolean> givenUp = Sinks.one();
        private final StringBuilder text = new StringBuilder();
        private boolean started;
        private boolean closed;

        /** @param listener receives the text as it comes; absent for an answer in one piece */
        Relay(@Nullable Consumer<String> listener) {
            this.listener = listener;
        }

        boolean streaming() {
            return listener != null;
        }

        synchronized boolean started() {
            return started;
        }

        synchronized boolean closed() {
            return closed;
        }

        /** What was passed on; after {@link #close()}, all that ever will be. */
        synchronized String text() {
            return text.toString();
        }

        void close() {
            synchronized (this) {
                closed = true;
            }
            // Outside the lock: cancelling the stream closes its connection.
            givenUp.tryEmitValue(true);
        }

        @Override
        public Mono<Boolean> givenUp() {
            return givenUp.asMono();
        }

        @Override
        public synchronized void accept(String piece) {
            if (closed || listener == null) {
                throw new ListenerGoneException(null);
            }
            started = true;
            text.append(piece);
            try {
                listener.accept(piece);
            } catch (RuntimeException gone) {
                throw new ListenerGoneException(gone);
            }
        }
    }

    /** The stream's listener failed or the call was given up on: the provider did nothing wrong. */
    static final class ListenerGoneException extends RuntimeException {

        ListenerGoneException(@Nullable Throwable cause) {
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

    /**
     * A failure after part of the answer reached the customer (trying again would repeat that text), or
     * of a call given up on (nobody waits for another attempt): never tried again.
     */
    static final class CutShortException extends RuntimeException {

        CutShortException(RuntimeException cause) {
            super("cut short", cause);
        }
    }
}
