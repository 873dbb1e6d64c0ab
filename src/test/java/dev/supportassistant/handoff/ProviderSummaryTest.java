package dev.supportassistant.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.agent.ProviderFakesTest;
import tools.jackson.databind.JsonNode;

/** The handoff summary from the active model provider (OpenAI, faked at the HTTP level), and without it. */
class ProviderSummaryTest extends ProviderFakesTest {

    private static final String MODEL_SUMMARY = "Customer cannot sync (error 0x80070005); running as administrator "
            + "was suggested and did not help; frustrated.";

    private String escalatedConversation() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Run the installer as administrator.", 40, 10)));
        String conversationId = api.chat("Sync fails with error 0x80070005")
                .json().get("conversation_id").asString();
        return conversationId;
    }

    private JsonNode deskConversation(String conversationId) {
        var response = api.asAdmin().get("/api/v1/desk/conversations/" + conversationId);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theActiveModelProviderWritesTheSummary() {
        String conversationId = escalatedConversation();
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note"))
                .willReturn(openAiReply(MODEL_SUMMARY, 200, 30)));

        api.post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

        JsonNode desk = deskConversation(conversationId);
        // Labelled: a model wrote it from the customer's words, which may have been written to steer it.
        assertThat(desk.get("handoff").get("summary").asString())
                .isEqualTo("[AI-written from the customer's words; check against the conversation] " + MODEL_SUMMARY);
        assertThat(desk.get("customer").get("first_message").asString()).isEqualTo("Sync fails with error 0x80070005");
    }

    @Test
    void whenTheProviderFailsTheSummaryIsTakenFromTheConversation() {
        String conversationId = escalatedConversation();
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"bad request\", \"type\": \"invalid_request_error\"}}")));

        api.post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

        assertThat(deskConversation(conversationId).get("handoff").get("summary").asString())
                .startsWith("Problem: “Sync fails with error 0x80070005").contains("Error codes: 0x80070005");
    }
}
