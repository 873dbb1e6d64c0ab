package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;

/** A conversation holding MAX_MESSAGES_PER_CONVERSATION messages (20 in the tests) takes no further message. */
class ConversationCapTest extends ApiTest {

    @Test
    void aFullConversationRefusesTheNextMessageWithADetailAndStaysReadable() {
        var first = api.chat("How do I reset my password?");
        String id = first.json().get("conversation_id").asString();
        ChatRequest next = ChatRequest.message("And where do I find my invoices?").in(id);
        ApiClient.Response last = first;
        int turns = 0;
        while (last.status() == 200) {
            turns++;
            assertThat(turns).as("turns before the cap").isLessThanOrEqualTo(10);
            last = api.chat(next);
        }
        int stored = api.get("/api/v1/conversation/" + id).json().get("messages").size();

        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("detail").asString()).contains("MAX_MESSAGES_PER_CONVERSATION")
                .contains("start a new conversation");
        assertThat(stored).isGreaterThanOrEqualTo(20);
        assertThat(api.chatStream(next).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/conversation/" + id).json().get("messages")).hasSize(stored);
        // A new conversation is fine.
        assertThat(api.chat("One more question").status()).isEqualTo(200);
    }
}
