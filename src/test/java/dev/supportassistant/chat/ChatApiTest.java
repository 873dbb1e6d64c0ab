package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/chat} and {@code GET /api/v1/conversation/{id}} as the wire contract describes them. */
class ChatApiTest extends ApiTest {

    private JsonNode chat(String message, String conversationId) {
        var response = api.chat(ChatRequest.message(message).in(conversationId).from("test_user"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void chatAnswersWithEveryContractField() {
        JsonNode response = chat("I need help with my computer", null);

        JsonNode message = response.get("message");
        assertThat(message.get("id").asString()).isNotBlank();
        assertThat(message.get("role").asString()).isEqualTo("assistant");
        assertThat(message.get("content").asString()).isNotBlank();
        assertThat(Instant.parse(message.get("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode metadata = message.get("metadata");
        assertThat(metadata.get("model").asString()).isNotBlank();
        assertThat(metadata.get("provider").asString()).isEqualTo("local");
        assertThat(metadata.get("confusion_level").isNumber()).isTrue();
        JsonNode usage = metadata.get("token_usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt())
                .isPositive();
        assertThat(metadata.get("fallback").asBoolean()).isFalse();
        assertThat(response.get("conversation_id").asString()).isNotBlank();
        assertThat(response.get("should_request_screen_share").isBoolean()).isTrue();
        assertThat(response.get("confidence_score").asDouble()).isEqualTo(metadata.get("confusion_level").asDouble());
    }

    @Test
    void passwordQuestionGetsTheResetStepsFromTheHelpArticles() {
        JsonNode message = chat("How do I reset my password?", null).get("message");

        assertThat(message.get("content").asString()).containsIgnoringCase("reset").contains("1.");
        assertThat(message.get("metadata").get("sources").get(0).get("chunk_id").asString())
                .startsWith("password-reset#");
    }

    /** Up to three sections when more than one is relevant, best first, each with its score (issue 34). */
    @Test
    void sourcesComeBestFirstWithTheirScores() {
        JsonNode sources = chat("what are the pasword requirments", null).get("message").get("metadata").get("sources");

        assertThat(sources.get(0).get("chunk_id").asString()).startsWith("password-reset#");
        assertThat(sources.size()).isBetween(1, 3);
        double previous = 1;
        for (JsonNode source : sources) {
            assertThat(source.get("score").asDouble()).isBetween(0.4, previous);
            previous = source.get("score").asDouble();
        }
    }

    @Test
    void frustratedCustomerWithAnErrorCodeIsOfferedScreenSharing() {
        JsonNode response = chat("I tried everything and it STILL DOES NOT WORK!! Error 0x80070005 when installing", null);

        assertThat(response.get("should_request_screen_share").asBoolean()).isTrue();
        assertThat(response.get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(response.get("message").get("content").asString()).containsIgnoringCase("share your screen");
    }

    @Test
    void closingsGetAShortReplyAndNoScreenShareOffer() {
        for (String closing : List.of("Thanks, that is all.", "Great, it works now. Thank you!")) {
            JsonNode response = chat(closing, null);

            assertThat(response.get("should_request_screen_share").asBoolean()).as(closing).isFalse();
            assertThat(response.get("message").get("content").asString()).as(closing)
                    .doesNotContain("couldn't find").doesNotContainIgnoringCase("screen");
            String conversationId = response.get("conversation_id").asString();
            assertThat(api.get("/api/v1/conversation/" + conversationId).json().get("messages").valueStream()
                    .map(message -> message.get("role").asString())).containsExactly("user", "assistant");
        }
    }

    @Test
    void twoPlainMessagesGetQuestionsBackNotScreenSharingNorAPerson() {
        JsonNode first = chat("I need help with my computer", null);
        String conversationId = first.get("conversation_id").asString();
        JsonNode second = chat("I cannot log in", conversationId);

        assertThat(first.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(first.get("confidence_score").asDouble()).isLessThan(0.6);
        assertThat(first.get("message").get("content").asString()).contains("what were you doing")
                .doesNotContain("Uninstall");
        assertThat(second.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(second.get("confidence_score").asDouble()).isLessThan(0.6);
        assertThat(second.get("message").get("metadata").get("provider").asString()).isEqualTo("local");
        assertThat(api.get("/api/v1/conversation/" + conversationId).json().get("messages").valueStream()
                .map(message -> message.get("role").asString())).containsExactly("user", "assistant", "user", "assistant");
    }

    @Test
    void clearQuestionIsNotOfferedScreenSharing() {
        JsonNode response = chat("Can I get a refund?", null);

        assertThat(response.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(response.get("confidence_score").asDouble()).isLessThan(0.6);
    }

    @Test
    void conversationOfSeveralTurnsReadsBackCompleteAndOldestFirst() {
        List<String> questions = List.of("How do I reset my password?", "The reset email never arrived",
                "Now my account is locked", "thanks");
        String conversationId = null;
        List<String> assistantIds = new ArrayList<>();
        for (String question : questions) {
            JsonNode response = chat(question, conversationId);
            if (conversationId != null) {
                assertThat(response.get("conversation_id").asString()).isEqualTo(conversationId);
            }
            conversationId = response.get("conversation_id").asString();
            assistantIds.add(response.get("message").get("id").asString());
        }

        var read = api.get("/api/v1/conversation/" + conversationId);

        assertThat(read.status()).isEqualTo(200);
        JsonNode conversation = read.json();
        assertThat(conversation.get("conversation_id").asString()).isEqualTo(conversationId);
        assertThat(conversation.get("user_id").asString()).isEqualTo("test_user");
        JsonNode messages = conversation.get("messages");
        assertThat(messages).hasSize(8);
        for (int turn = 0; turn < questions.size(); turn++) {
            JsonNode user = messages.get(2 * turn);
            JsonNode assistant = messages.get(2 * turn + 1);
            assertThat(user.get("role").asString()).isEqualTo("user");
            assertThat(user.get("content").asString()).isEqualTo(questions.get(turn));
            assertThat(user.get("metadata").get("confusion_level").isNumber()).isTrue();
            assertThat(assistant.get("role").asString()).isEqualTo("assistant");
            assertThat(assistant.get("id").asString()).isEqualTo(assistantIds.get(turn));
            assertThat(assistant.get("metadata").get("token_usage").get("total_tokens").asInt()).isPositive();
        }
        Instant created = Instant.parse(conversation.get("created_at").asString());
        Instant updated = Instant.parse(conversation.get("updated_at").asString());
        assertThat(updated).isAfterOrEqualTo(created)
                .isEqualTo(Instant.parse(messages.get(7).get("timestamp").asString()));
    }

    @Test
    void aConversationStartedWithoutUserIdReadsBackWithUserIdNull() {
        var response = api.chat("How do I reset my password?");

        JsonNode conversation = api.get("/api/v1/conversation/" + response.json().get("conversation_id").asString())
                .json();

        // The contract lists user_id; the old backend sent it as null, and clients may read it.
        assertThat(conversation.has("user_id")).isTrue();
        assertThat(conversation.get("user_id").isNull()).isTrue();
    }

    @Test
    void unknownConversationIdStartsANewConversation() {
        JsonNode response = chat("Hello", "no-such-conversation");

        String conversationId = response.get("conversation_id").asString();
        assertThat(conversationId).isNotEqualTo("no-such-conversation");
        assertThat(api.get("/api/v1/conversation/" + conversationId).json().get("messages")).hasSize(2);
    }

    @Test
    void unknownConversationIsA404WithDetail() {
        var response = api.get("/api/v1/conversation/does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Conversation not found");
    }

    @Test
    void blankMessageIsRejectedWithDetail() {
        assertRejected("{\"message\": \"   \"}", "message");
        assertRejected("{\"message\": \"\"}", "message");
        assertRejected("{\"conversation_id\": null}", "message");
    }

    @Test
    void malformedJsonIsRejectedWithDetail() {
        assertRejected("{\"message\": ", "Malformed JSON");
        assertRejected("[1, 2]", "Malformed JSON");
        assertRejected("not json at all", "Malformed JSON");
    }

    @Test
    void overlongMessageIsRejected() {
        assertRejected("{\"message\": \"" + "a".repeat(4001) + "\"}", "at most 4000 characters");
    }

    @Test
    void errorsNeverLeakStackTraces() {
        var response = api.post("/api/v1/chat", "{\"message\": {\"nested\": true}}");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("trace");
    }

    private void assertRejected(String body, String detailMentions) {
        var response = api.post("/api/v1/chat", body);

        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.header("Content-Type")).contains("json");
        assertThat(response.json().get("detail").asString()).contains(detailMentions);
    }
}
