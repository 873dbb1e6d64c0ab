package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.NothingConfigured;
import dev.supportassistant.RunningService;
import dev.supportassistant.accounts.DeskAccounts;
import tools.jackson.databind.JsonNode;

/**
 * With nothing configured there is no desk (no key, no agent tokens, no desk account), so nobody
 * could take a conversation over: a customer who asks for a person is told nobody is available now
 * and that the assistant can go on helping, the AI keeps answering a customer who stays confused,
 * and the "talk to a person" button says why it cannot. Once a desk account exists, conversations
 * are handed over again.
 */
@ExtendWith(NothingConfigured.class)
class HandoffWithoutDeskIT {

    private static RunningService service;
    private static ApiClient api;

    @BeforeAll
    static void connect() {
        service = NothingConfigured.service();
        api = service.api();
    }

    private static String startConversation(String message) {
        var response = api.chat(message);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("conversation_id").asString();
    }

    private static JsonNode send(String conversationId, String message) {
        var response = api.chat(ChatRequest.message(message).in(conversationId));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static void assertAnsweredByTheAi(JsonNode chat) {
        JsonNode metadata = chat.get("message").get("metadata");
        assertThat(metadata.has("handoff")).isFalse();
        assertThat(metadata.get("provider").asString()).isEqualTo("local");
    }

    @Test
    void aCustomerAskingForAPersonIsToldNobodyIsAvailableAndTheAiHelpsOn() {
        String conversationId = startConversation("My invoice looks wrong");

        JsonNode asked = send(conversationId, "Can I talk to a human?");

        assertThat(asked.get("message").get("content").asString()).isEqualTo(EscalationRules.NOBODY_AVAILABLE)
                .contains("no one from our support team is available").contains("I can go on helping");
        assertThat(asked.get("message").get("metadata").has("provider")).as("no provider asked to pretend").isFalse();
        assertThat(asked.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/conversation/" + conversationId).json().get("messages").values().stream()
                .map(message -> message.get("content").asString())).contains(EscalationRules.NOBODY_AVAILABLE);
        assertAnsweredByTheAi(send(conversationId, "How do I download my invoice?"));
        assertThat(api.get("/api/v1/conversation/" + conversationId + "/handoff").json().get("status").asString())
                .isEqualTo("bot");
    }

    @Test
    void thanksAndWaitingAreAnsweredAsSuch() {
        String conversationId = startConversation("Can I talk to a human?");

        JsonNode waiting = send(conversationId, "thanks, I am waiting");

        assertAnsweredByTheAi(waiting);
        assertThat(waiting.get("message").get("content").asString()).startsWith("Thanks for your patience!")
                .doesNotContain("couldn't find");
    }

    @Test
    void aConfusedCustomerIsAnsweredByTheAi() {
        String conversationId = startConversation("I am so confused and frustrated, nothing works!!");

        JsonNode second = send(conversationId, "I'm still stuck and confused, it still doesn't work, this is so "
                + "frustrating!!");

        assertThat(second.get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertAnsweredByTheAi(second);
    }

    @Test
    void theButtonSaysNobodyCanTakeTheConversationUntilADeskAccountExists() {
        String conversationId = startConversation("My camera is not detected");
        String button = "/api/v1/conversation/" + conversationId + "/handoff";

        var refused = api.post(button, "{}");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("detail").asString()).contains("the support desk is not set up");
        assertThat(api.get(button).json().get("status").asString()).isEqualTo("bot");

        DeskAccounts accounts = service.context().getBean(DeskAccounts.class);
        accounts.create("desk-" + System.nanoTime(), "a long enough passphrase", "agent");
        try {
            var escalated = api.post(button, "{}");
            assertThat(escalated.status()).isEqualTo(200);
            assertThat(escalated.json().get("status").asString()).isEqualTo("waiting_for_human");
        } finally {
            accounts.list().forEach(account -> accounts.setEnabled(account.name(), false));
        }
    }
}
