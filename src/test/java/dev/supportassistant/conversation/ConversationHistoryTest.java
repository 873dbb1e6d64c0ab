package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/conversation/{id}} in pages: without parameters the whole conversation, as
 * the original frontend reads it; with {@code limit} and {@code before}, a long one a page at a time.
 */
class ConversationHistoryTest extends ApiTest {

    private String conversationOfThreeTurns() {
        String id = null;
        for (String message : List.of("How do I reset my password?", "Where is the billing page?",
                "How do I change my email address?")) {
            var response = api.chat(ChatRequest.message(message).in(id));
            assertThat(response.status()).isEqualTo(200);
            id = response.json().get("conversation_id").asString();
        }
        return id;
    }

    private static List<String> ids(JsonNode messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(message -> ids.add(message.get("id").asString()));
        return ids;
    }

    @Test
    void withoutParametersTheWholeConversationComesOldestFirstAsTheFrontendReadsIt() {
        String id = conversationOfThreeTurns();

        JsonNode conversation = api.get("/api/v1/conversation/" + id).json();

        assertThat(conversation.get("messages")).hasSize(6);
        assertThat(conversation.get("messages").get(0).get("content").asString()).isEqualTo("How do I reset my password?");
        assertThat(conversation.get("has_more").asBoolean()).isFalse();
        assertThat(conversation.get("conversation_id").asString()).isEqualTo(id);
    }

    @Test
    void pagesWalkBackFromTheNewestWithoutGapsOrRepeats() {
        String id = conversationOfThreeTurns();
        List<String> all = ids(api.get("/api/v1/conversation/" + id).json().get("messages"));

        JsonNode newest = api.get("/api/v1/conversation/" + id + "?limit=4").json();
        assertThat(ids(newest.get("messages"))).isEqualTo(all.subList(2, 6));
        assertThat(newest.get("has_more").asBoolean()).isTrue();

        String oldestShown = newest.get("messages").get(0).get("id").asString();
        JsonNode older = api.get("/api/v1/conversation/" + id + "?limit=4&before=" + oldestShown).json();
        assertThat(ids(older.get("messages"))).isEqualTo(all.subList(0, 2));
        assertThat(older.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void aBeforeThatIsNoMessageOfTheConversationAndABadLimitAreRefused() {
        String id = conversationOfThreeTurns();
        String elsewhere = ids(api.get("/api/v1/conversation/" + conversationOfThreeTurns()).json().get("messages")).get(0);

        for (String query : List.of("?limit=2&before=no-such-message", "?before=" + elsewhere, "?limit=0",
                "?limit=1001", "?limit=ten")) {
            var response = api.get("/api/v1/conversation/" + id + query);

            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).as(query).isNotBlank();
        }
    }
}
