package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;

/**
 * Control characters (a NUL, a bell, an escape...) are refused with 422 wherever a request carries
 * text: JSON fields, query parameters and path segments. Text a person writes may still hold line
 * breaks and tabs; names and ids may not. (PostgreSQL cannot store a NUL at all: the same requests
 * are refused there, see {@code PostgresRestartIT}.)
 */
class ControlCharactersTest extends ApiTest {

    private String conversation() {
        return api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").json()
                .get("conversation_id").asString();
    }

    private static void assertRefused(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains(field).contains("control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b[31m", "\\u007f"})
    void aMessageWithAControlCharacterIsRefused(String control) {
        assertRefused(api.post("/api/v1/chat", "{\"message\": \"a" + control + "b\"}"), "message");
        assertRefused(api.post("/api/v1/chat/stream", "{\"message\": \"a" + control + "b\"}"), "message");
    }

    @Test
    void textMayHoldLineBreaksAndTabsButIdsMayNot() {
        assertThat(api.post("/api/v1/chat", "{\"message\": \"first line\\r\\nsecond\\tline\"}").status())
                .isEqualTo(200);

        assertRefused(api.post("/api/v1/chat", "{\"message\": \"hi\", \"user_id\": \"ada\\nadmin\"}"), "user_id");
        assertRefused(api.post("/api/v1/chat", "{\"message\": \"hi\", \"conversation_id\": \"a\\tb\"}"),
                "conversation_id");
        assertRefused(api.post("/api/v1/chat", "{\"message\": \"hi\", \"provider\": \"local\\u0000\"}"), "provider");
    }

    @Test
    void everyKindOfRequestTextIsHeldToTheSameRule() {
        String conversation = "/api/v1/conversation/" + conversation();
        String messageId = api.get(conversation).json().get("messages").get(1).get("id").asString();

        assertRefused(api.post(conversation + "/handoff", "{\"reason\": \"a\\u0000b\"}"), "reason");
        assertRefused(api.post(conversation + "/messages/" + messageId + "/feedback",
                "{\"rating\": \"down\", \"comment\": \"a\\u0000b\"}"), "comment");
        assertRefused(api.asAdmin().post(conversation.replace("/conversation/", "/desk/conversations/") + "/messages",
                "{\"content\": \"a\\u0000b\"}"), "content");
        assertRefused(api.asAdmin().post("/api/v1/docs", "{\"title\": \"T\", \"content\": \"a\\u0000b\"}"), "content");
        assertRefused(api.get(conversation + "?limit=5&before=a%00b"), "before");
        assertRefused(api.get("/api/v1/conversations?user_id=ada%0Aadmin"), "user_id");
        assertRefused(api.get("/api/v1/conversation/a%01b"), "conversation_id");
    }
}
