package dev.supportassistant.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.EventStreamClient;
import tools.jackson.databind.JsonNode;

/**
 * Customers see their messages without the service's internals: not the routing rule, experiment
 * and variant (a customer who sees them can steer or skew them), nor which providers failed how.
 * Operators see everything. Here OpenAI fails and Anthropic answers in its place.
 */
class CustomerViewsTest extends RoutedProviderFakesTest {

    private static final String FAILURE = "The AI provider had a problem with this answer";

    private static void assertNoInternals(JsonNode message) {
        JsonNode metadata = message.get("metadata");
        assertThat(metadata.has("route")).as(message.toString()).isFalse();
        assertThat(metadata.has("experiment")).as(message.toString()).isFalse();
        assertThat(metadata.has("variant")).as(message.toString()).isFalse();
        if (metadata.has("error")) {
            assertThat(metadata.get("error").asString()).isEqualTo(FAILURE);
        }
    }

    @Test
    void aCustomerSeesNeitherRoutingNorExperimentsNorFailureSummariesAndAnOperatorDoes() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "The server had an error")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));

        var reply = customer.chat("How do I reset my password?");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode message = reply.json().get("message");
        assertNoInternals(message);
        assertThat(message.at("/metadata/fallback").asBoolean()).isTrue();
        assertThat(message.at("/metadata/error").asString()).isEqualTo(FAILURE);
        assertThat(message.at("/metadata/provider").asString()).isEqualTo("anthropic");
        String id = reply.json().get("conversation_id").asString();

        JsonNode customersHistory = customer.get("/api/v1/conversation/" + id).json().get("messages");
        customersHistory.forEach(CustomerViewsTest::assertNoInternals);

        JsonNode operatorsReply = api.get("/api/v1/conversation/" + id).json().get("messages").get(1);
        assertThat(operatorsReply.at("/metadata/route").asString()).isEqualTo("easy");
        assertThat(operatorsReply.at("/metadata/experiment").asString()).isEqualTo(EXPERIMENT);
        assertThat(operatorsReply.at("/metadata/variant").asString()).isEqualTo(variantOf(id));
        assertThat(operatorsReply.at("/metadata/error").asString()).startsWith("openai: ");
    }

    @Test
    void aCustomersLiveStreamShowsNoInternalsEither() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "The server had an error")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));
        String id = customer.chat("How do I reset my password?").json()
                .get("conversation_id").asString();

        try (EventStreamClient events = EventStreamClient.open(port(), "/api/v1/conversation/" + id + "/events")) {
            assertThat(events.next().comment()).isEqualTo("connected");
            customer.chat(ChatRequest.message("Where can I download my invoices?").in(id));

            JsonNode question = events.nextMatching(event -> "message".equals(event.type())).json().get("message");
            JsonNode answer = events.nextMatching(event -> "message".equals(event.type())).json().get("message");

            assertThat(question.get("role").asString()).isEqualTo("user");
            assertNoInternals(question);
            assertThat(answer.get("role").asString()).isEqualTo("assistant");
            assertNoInternals(answer);
        }
        JsonNode operatorsQuestion = api.get("/api/v1/conversation/" + id).json().get("messages").get(2);
        assertThat(operatorsQuestion.at("/metadata/experiment").asString()).isEqualTo(EXPERIMENT);
    }
}
