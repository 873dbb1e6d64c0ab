package dev.supportassistant.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.supportassistant.StatementCounting;
import dev.supportassistant.agent.ProviderFakesTest;
import tools.jackson.databind.JsonNode;

/**
 * The handoff summary from the active model provider (OpenAI, faked at the HTTP level), and without
 * it. The model is asked once the escalation is committed, never inside the step (or the
 * customer's turn) that escalates: meanwhile the note put together from the conversation stands.
 */
@EnableScenarios
class ProviderSummaryTest extends ProviderFakesTest {

    private static final String MODEL_SUMMARY = "Customer cannot sync (error 0x80070005); running as administrator "
            + "was suggested and did not help; frustrated.";
    private static final String LABELLED = "[AI-written from the customer's words; check against the conversation] "
            + MODEL_SUMMARY;

    @Autowired
    private HandoffService handoffs;

    private String conversation() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Run the installer as administrator.", 40, 10)));
        return api.chat("Sync fails with error 0x80070005")
                .json().get("conversation_id").asString();
    }

    private JsonNode deskConversation(String conversationId) {
        var response = api.asAdmin().get("/api/v1/desk/conversations/" + conversationId);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String summary(String conversationId) {
        return deskConversation(conversationId).get("handoff").get("summary").asString();
    }

    @Test
    void theActiveModelProviderWritesTheSummaryOnceTheEscalationIsCommitted(Scenario scenario) {
        String conversationId = conversation();
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note"))
                .willReturn(openAiReply(MODEL_SUMMARY, 200, 30)));
        int commitsBefore = StatementCounting.commitsSoFar();

        // In the scenario's transaction, as the customer's request for a person runs it.
        scenario.stimulate(() -> handoffs.escalate(conversationId, HandoffCause.CUSTOMER_REQUEST, null,
                HandoffService.CUSTOMER))
                .andWaitForStateChange(() -> summary(conversationId), LABELLED::equals)
                .andVerify(summary -> assertThat(COMMITS_AT_OPENAI_CALL.get())
                        .as("commits when the model was asked for the note").isGreaterThan(commitsBefore));

        // Labelled: a model wrote it from the customer's words, which may have been written to steer it.
        assertThat(deskConversation(conversationId).get("customer").get("first_message").asString())
                .isEqualTo("Sync fails with error 0x80070005");
    }

    @Test
    void theModelWritesTheNoteFromTheConversationWithoutItsPersonalData(Scenario scenario) {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Noted.", 40, 10)));
        String conversationId = api.chat("Charged twice on card 4111 1111 1111 1111, write to jane.doe@example.com")
                .json().get("conversation_id").asString();
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note"))
                .willReturn(openAiReply("Card [CARD_1] charged twice; reply to [EMAIL_1].", 200, 30)));

        scenario.stimulate(() -> handoffs.escalate(conversationId, HandoffCause.CUSTOMER_REQUEST, null,
                HandoffService.CUSTOMER))
                .andWaitForStateChange(() -> summary(conversationId), summary -> summary.startsWith("[AI-written"))
                .andVerify(summary -> assertThat(summary).endsWith("Card •••• 1111 charged twice; reply to jane.doe@example.com."));

        String asked = OPENAI.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions")))
                .stream().map(request -> request.getBodyAsString()).reduce("", String::concat);
        assertThat(asked).contains("handoff note", "[CARD_1]", "[EMAIL_1]")
                .doesNotContain("4111 1111", "jane.doe@example.com");
    }

    @Test
    void theSummaryTakenFromTheConversationIsThereAtOnceAndStaysWhenTheProviderFails() {
        String conversationId = conversation();
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"bad request\", \"type\": \"invalid_request_error\"}}")));

        api.post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

        assertThat(summary(conversationId)).startsWith("Problem: “Sync fails with error 0x80070005")
                .contains("Error codes: 0x80070005");
    }
}
