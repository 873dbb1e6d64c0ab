package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/**
 * The provider failure matrix under load: 50 conversations at once, two turns each, while the
 * active provider fails. Every request is answered (no 5xx) and every turn of every conversation
 * is stored, in order.
 */
class ConcurrentFailoverTest extends ProviderFakesTest {

    private static final int CONVERSATIONS = 50;

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("HTTP 500", openAiError(500, "server_error", "The server had an error")),
                Arguments.of("429 with Retry-After", openAiError(429, "requests", "Rate limit reached")
                        .withHeader("Retry-After", "1")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("malformed body", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"choices\": [")));
    }

    /** One customer's conversation: two turns, then what the service stored. */
    private record Outcome(List<Integer> statuses, JsonNode stored) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void fiftyParallelConversationsLoseNothingWhileTheProviderFails(String mode, ResponseDefinitionBuilder failure)
            throws Exception {
        OPENAI.stubFor(openAiChat(false).willReturn(failure));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));

        List<Future<Outcome>> outcomes = new ArrayList<>();
        ExecutorService customers = Executors.newFixedThreadPool(CONVERSATIONS);
        try {
            for (int customer = 0; customer < CONVERSATIONS; customer++) {
                int number = customer;
                outcomes.add(customers.submit(() -> converse(api, number)));
            }
        } finally {
            customers.shutdown();
        }

        for (Future<Outcome> future : outcomes) {
            Outcome outcome = future.get();
            assertThat(outcome.statuses()).containsOnly(200);
            JsonNode messages = outcome.stored().get("messages");
            assertThat(messages.valueStream().map(message -> message.get("role").asString()))
                    .containsExactly("user", "assistant", "user", "assistant");
            assertThat(messages.get(2).get("content").asString()).endsWith("second question");
            assertThat(messages.get(3).get("metadata").get("fallback").asBoolean()).isTrue();
        }
    }

    private static Outcome converse(ApiClient api, int customer) {
        List<Integer> statuses = new ArrayList<>();
        var first = api.chat("Customer " + customer + ": how do I reset my password?");
        statuses.add(first.status());
        String conversationId = first.json().get("conversation_id").asString();
        statuses.add(api.chat(ChatRequest.message("Customer " + customer + ": second question").in(conversationId))
                .status());
        return new Outcome(statuses, api.get("/api/v1/conversation/" + conversationId).json());
    }
}
