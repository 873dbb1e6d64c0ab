package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import dev.supportassistant.agent.springai.ProviderTimeoutException;
import dev.supportassistant.agent.springai.SpringAiAgent;
import dev.supportassistant.confusion.ConfusionAssessment;
import io.github.resilience4j.retry.Retry;
import reactor.core.publisher.Flux;

/**
 * A call given up on at its deadline ends there, even when the call's thread never notices the
 * interrupt that gives it up, as a model's client may swallow it: a stream is cancelled before the
 * call is given up, and a call in one piece that then fails as a broken connection would is not
 * tried again.
 */
class GivenUpCallsTest {

    private static final AgentRequest REQUEST = new AgentRequest(List.of(), "How do I reset my password?",
            new ConfusionAssessment(0.1, List.of(), false), List.of());

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aStreamWhoseThreadLostItsInterruptIsCancelledAtTheDeadline() {
        AgentSettings settings = settings(Duration.ofSeconds(1), 0);
        AiAgent agent = swallowingInterrupts(settings);
        ProviderCalls providerCalls = providerCalls(settings, agent);

        assertThatThrownBy(() -> providerCalls.call(agent, REQUEST, new ProviderCalls.Relay(text -> { })))
                .isInstanceOf(ProviderTimeoutException.class);

        // The stream was opened only after the deadline (its thread was held up until then), and
        // cancelled by that thread: before the call is given up, not later, when the next provider
        // may have answered already (Spring AI's observation of the call stops with the cancel).
        assertThat(cancelled.getCount()).as("the stream's subscription cancelled").isZero();
    }

    @Test
    void aCallWhoseThreadLostItsInterruptAndThenFailedIsNotTriedAgain() {
        AgentSettings settings = settings(Duration.ofMillis(300), 2);
        AiAgent agent = swallowingInterrupts(settings);
        ProviderCalls providerCalls = providerCalls(settings, agent);

        assertThatThrownBy(() -> providerCalls.call(agent, REQUEST, new ProviderCalls.Relay(null)))
                .isInstanceOf(ProviderTimeoutException.class);

        // Once the given-up call has failed as a broken connection, the retry settles it: another
        // attempt (which would wait for ever, nobody interrupting it) or none.
        Retry.Metrics retried = providerCalls.retries().retry("openai").getMetrics();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> calls.get() > 1 || retried.getNumberOfFailedCallsWithoutRetryAttempt() == 1);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(retried.getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
    }

    private static AgentSettings settings(Duration timeout, int retries) {
        return new AgentSettings("openai", 0.7, 1000, timeout, retries, Duration.ofMillis(1), List.of(), "Be helpful.",
                3000, new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));
    }

    private AiAgent swallowingInterrupts(AgentSettings settings) {
        return new SpringAiAgent("openai", "gpt-4.1-mini", null, InterruptSwallowingModel::new, settings) {
        };
    }

    private static ProviderCalls providerCalls(AgentSettings settings, AiAgent agent) {
        return new ProviderCalls(settings, new ProviderCircuits(settings),
                new AgentRegistry(List.of(agent, new NamedAgent("local", true))));
    }

    /**
     * Swallows the interrupt that arrives while it waits: a stream then streams nothing, never ending;
     * a call in one piece fails as a broken connection.
     */
    private final class InterruptSwallowingModel implements ChatModel {

        @Override
        public ChatResponse call(Prompt prompt) {
            calls.incrementAndGet();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException swallowed) {
                // lost, as in a client that does not pass it on
            }
            throw new UncheckedIOException(new IOException("connection reset"));
        }

        @Override
        public Flux<ChatResponse> stream(Prompt prompt) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException swallowed) {
                // lost, as in a client that does not pass it on
            }
            return Flux.<ChatResponse>never().doOnCancel(cancelled::countDown);
        }
    }
}
