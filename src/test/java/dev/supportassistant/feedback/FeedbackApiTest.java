package dev.supportassistant.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;
import tools.jackson.databind.JsonNode;

/** Customers rate the assistant's messages: only their own, one rating a message. */
class FeedbackApiTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    private ApiClient alice;
    private String conversation;
    private String reply;
    private String question;

    @BeforeEach
    void aliceAsksSomething() {
        alice = api.withBearer(CustomerTokensForTests.tokenFor("alice"));
        JsonNode answer = alice.chat("How do I reset my password?").json();
        conversation = answer.get("conversation_id").asString();
        reply = answer.at("/message/id").asString();
        question = alice.get("/api/v1/conversation/" + conversation).json().at("/messages/0/id").asString();
    }

    private ApiClient.Response rate(ApiClient client, String messageId, String body) {
        return client.post("/api/v1/conversation/" + conversation + "/messages/" + messageId + "/feedback", body);
    }

    private JsonNode replyMetadata() {
        JsonNode messages = alice.get("/api/v1/conversation/" + conversation).json().get("messages");
        for (JsonNode message : messages) {
            if (message.get("id").asString().equals(reply)) {
                return message.get("metadata");
            }
        }
        throw new AssertionError("reply " + reply + " not in " + messages);
    }

    @Test
    void theOwnersRatingIsShownInTheMessagesMetadata() {
        var response = rate(alice, reply, "{\"rating\": \"up\", \"comment\": \"Clear steps, thanks\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("message_id").asString()).isEqualTo(reply);
        assertThat(replyMetadata().at("/feedback/rating").asString()).isEqualTo("up");
        assertThat(replyMetadata().at("/feedback/comment").asString()).isEqualTo("Clear steps, thanks");
    }

    @Test
    void aSecondRatingReplacesTheFirst() {
        rate(alice, reply, "{\"rating\": \"up\", \"comment\": \"Clear steps\"}");

        var second = rate(alice, reply, "{\"rating\": \"down\"}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(replyMetadata().at("/feedback/rating").asString()).isEqualTo("down");
        assertThat(replyMetadata().at("/feedback/comment").isMissingNode()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM message_feedback WHERE message_id = :id").param("id", reply)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherCustomerAndAnAnonymousCallerCannotFindIt() {
        var bob = rate(api.withBearer(CustomerTokensForTests.tokenFor("bob")), reply, "{\"rating\": \"down\"}");
        var anonymous = rate(api, reply, "{\"rating\": \"down\"}");

        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.json().get("detail").asString()).isEqualTo("Conversation not found");
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(replyMetadata().has("feedback")).isFalse();
    }

    @Test
    void anOperatorCannotRateForTheCustomer() {
        var response = rate(api.asAdmin(), reply, "{\"rating\": \"up\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(replyMetadata().has("feedback")).isFalse();
    }

    @Test
    void aRatingOtherThanUpOrDownIsRefused() {
        var response = rate(alice, reply, "{\"rating\": \"meh\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("\"up\" or \"down\"");
    }

    @Test
    void onlyTheAssistantsMessagesOfTheConversationCanBeRated() {
        assertThat(rate(alice, question, "{\"rating\": \"up\"}").status()).isEqualTo(422);
        assertThat(rate(alice, "no-such-message", "{\"rating\": \"up\"}").status()).isEqualTo(404);
    }

    @Test
    void anAnonymousConversationIsRatedByWhoeverHoldsItsId() {
        JsonNode answer = api.chat("hello").json();
        String id = answer.get("conversation_id").asString();

        var response = api.post("/api/v1/conversation/" + id + "/messages/" + answer.at("/message/id").asString()
                + "/feedback", "{\"rating\": \"up\"}");

        assertThat(response.status()).isEqualTo(200);
    }
}
