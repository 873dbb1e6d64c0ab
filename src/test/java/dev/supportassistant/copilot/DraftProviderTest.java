package dev.supportassistant.copilot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.agent.ProviderFakesTest;
import tools.jackson.databind.JsonNode;

/**
 * Drafts and internal notes against a faked OpenAI: a note never goes into a provider request for
 * the customer's turns, a draft's request carries it (the draft is written for staff), and a
 * provider that fails leaves the local agent's draft, never a 500.
 */
class DraftProviderTest extends ProviderFakesTest {

    private static final String NOTE = "Internal: customer is on the legacy plan, refund approved by Olga";

    @Test
    void aNoteReachesTheDraftButNeverTheCustomersTurns() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Try signing out and in again.", 10, 5)));
        JsonNode first = customer.chat(ChatRequest.message("How do I reset my password?")).json();
        String conversation = first.get("conversation_id").asString();
        var note = api.post("/api/v1/desk/conversations/" + conversation + "/notes",
                "{\"text\": \"" + NOTE + "\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(201);

        var turn = customer.chat(ChatRequest.message("It still does not work").in(conversation));
        assertThat(turn.status()).isEqualTo(200);
        List<LoggedRequest> turns = OPENAI.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(turns).hasSize(2);
        assertThat(turns).allSatisfy(request -> assertThat(request.getBodyAsString()).doesNotContain("legacy plan"));

        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Hi, I have reset it for you.", 10, 5)));
        int before = customer.get("/api/v1/conversation/" + conversation).json().get("messages").size();
        var draft = api.post("/api/v1/desk/conversations/" + conversation + "/draft", null);

        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("text").asString()).isEqualTo("Hi, I have reset it for you.");
        assertThat(draft.json().get("provider").asString()).isEqualTo("openai");
        assertThat(draft.json().get("sources")).isNotEmpty();
        List<LoggedRequest> all = OPENAI.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(all).hasSize(3);
        assertThat(all.get(2).getBodyAsString()).contains("legacy plan").contains("It still does not work");
        // Nothing was sent or stored.
        assertThat(customer.get("/api/v1/conversation/" + conversation).json().get("messages")).hasSize(before);
    }

    @Test
    void aFailingProviderLeavesTheLocalAgentsDraft() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Try the reset link.", 10, 5)));
        String conversation = customer.chat(ChatRequest.message("How do I reset my password?")).json()
                .get("conversation_id").asString();
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "The server had an error")));

        var draft = api.post("/api/v1/desk/conversations/" + conversation + "/draft", null);

        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("provider").asString()).isEqualTo("local");
        assertThat(draft.json().get("fallback").asBoolean()).isTrue();
        assertThat(draft.json().get("text").asString()).isNotBlank();
    }

    @Test
    void aDraftIsAskedWithoutTheCustomersPersonalDataAndShowsItToStaffRestored() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Noted.", 10, 5)));
        String conversation = customer.chat(ChatRequest.message(
                "Card 4111 1111 1111 1111 was charged twice, write to jane.doe@example.com")).json()
                .get("conversation_id").asString();
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(
                "We refunded [CARD_1] and will confirm to [EMAIL_1].", 10, 5)));

        var draft = api.post("/api/v1/desk/conversations/" + conversation + "/draft", null);

        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("text").asString())
                .isEqualTo("We refunded •••• 1111 and will confirm to jane.doe@example.com.");
        List<LoggedRequest> all = OPENAI.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(all).allSatisfy(request -> assertThat(request.getBodyAsString())
                .doesNotContain("4111 1111", "jane.doe@example.com"));
        assertThat(all.get(all.size() - 1).getBodyAsString()).contains("[CARD_1]", "[EMAIL_1]");
    }
}
