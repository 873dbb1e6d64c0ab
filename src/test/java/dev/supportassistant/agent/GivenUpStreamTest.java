package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import dev.supportassistant.agent.springai.ProviderTimeoutException;
import dev.supportassistant.agent.springai.SpringAiAgent;
import dev.supportassistant.confusion.ConfusionAssessment;
import reactor.core.publisher.Flux;

/**
 * A stream given up on at its deadline is cancelled then, even when the call's thread never notices
 * the interrupt that gives it up: here the model's client swallows it while it sets the call up, as
 * a client may, and then streams on without end.
 */
class GivenUpStreamTest {

    private static final AgentSettings SETTINGS = new AgentSettings("openai", 0.7, 1000, Duration.ofSeconds(1), 0,
            Duration.ofMillis(10), List.of(), "Be helpful.", 3000,
            new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));

    private final CountDownLatch cancelled = new CountDownLatch(1);

    @Test
    void aStreamWhoseThreadLostItsInterruptIsCancelledAtTheDeadline() {
        AiAgent agent = new SpringAiAgent("openai", "gpt-4.1-mini", null, InterruptSwallowingModel::new,
                SETTINGS) {
        };
        ProviderCalls calls = new ProviderCalls(SETTINGS, new ProviderCircuits(SETTINGS),
                new AgentRegistry(List.of(agent, new NamedAgent("local", true))));
        AgentRequest request = new AgentRequest(List.of(), "How do I reset my password?",
                new ConfusionAssessment(0.1, List.of(), false), List.of());

        assertThatThrownBy(() -> calls.call(agent, request, new ProviderCalls.Relay(text -> { })))
                .isInstanceOf(ProviderTimeoutException.class);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cancelled.getCount())
                .as("the stream's subscription cancelled").isZero());
    }

    /** Swallows the interrupt that arrives while it sets the stream up, then streams nothing, never ending. */
    private final class InterruptSwallowingModel implements ChatModel {

        @Override
        public ChatResponse call(Prompt prompt) {
            throw new UnsupportedOperationException("streams only");
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
