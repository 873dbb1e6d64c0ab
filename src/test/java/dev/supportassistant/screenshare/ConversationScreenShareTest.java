package dev.supportassistant.screenshare;

import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_APP_ID;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import io.agora.media.AccessToken2;
import io.agora.media.AccessToken2.PrivilegeRtc;
import tools.jackson.databind.JsonNode;

/** Screen sharing as the chat uses it: offered with a reply, started for a customer and an agent. */
class ConversationScreenShareTest extends ApiTest {

    private static final String CONFUSED = "I'm so confused and frustrated, nothing works and I don't understand why "
            + "it keeps failing!!";

    @Autowired
    private JdbcClient jdbc;

    private JsonNode chat(String message) {
        var response = api.chat(ChatRequest.message(message).from("test_user"));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aReplyThatRequestsScreenSharingCarriesTheConversationsChannel() {
        JsonNode reply = chat(CONFUSED);

        assertThat(reply.get("should_request_screen_share").asBoolean()).isTrue();
        String conversation = reply.get("conversation_id").asString();
        String channel = reply.get("screen_share").get("channel_name").asString();
        // A random name in the conversations' namespace, which says nothing about the conversation's id.
        assertThat(channel).matches("support_conv_[a-z2-7]{26}").doesNotContain(conversation)
                .doesNotContain(conversation.substring(0, 8));
        assertThat(AgoraRules.channelNameViolation(channel)).isEmpty();

        JsonNode history = api.get("/api/v1/conversation/" + conversation).json().get("messages");
        JsonNode offered = history.get(history.size() - 1);
        assertThat(offered.get("role").asString()).isEqualTo("system");
        assertThat(offered.get("content").asString()).contains("offered", channel);
        assertThat(offered.get("metadata").get("screen_share").get("event").asString()).isEqualTo("offered");
        assertThat(offered.get("metadata").get("screen_share").get("channel_name").asString()).isEqualTo(channel);
    }

    @Test
    void aReplyThatDoesNotRequestScreenSharingOffersNoChannel() {
        JsonNode reply = chat("How do I change my password?");

        assertThat(reply.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(reply.has("screen_share")).isFalse();
        JsonNode history = api.get("/api/v1/conversation/" + reply.get("conversation_id").asString()).json()
                .get("messages");
        assertThat(history).extracting(message -> message.get("role").asString()).containsExactly("user", "assistant");
    }

    @Test
    void startingScreenShareGivesTheCustomerTheirPublisherTokenAndTheDeskTheAgentsSubscriberToken() {
        JsonNode reply = chat(CONFUSED);
        String conversation = reply.get("conversation_id").asString();
        String channel = reply.get("screen_share").get("channel_name").asString();

        var response = api.post("/api/v1/conversation/" + conversation + "/screen-share", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode session = response.json();
        assertThat(session.get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(session.get("channel_name").asString()).isEqualTo(channel);
        assertThat(session.get("app_id").asString()).isEqualTo(SAMPLE_APP_ID);
        // The customer gets their own seat only: the agent's token would let anyone holding the id take it.
        assertThat(session.has("agent")).isFalse();
        long customerUid = session.get("customer").get("uid").asLong();
        assertThat(customerUid).isBetween(1L, 4294967295L);

        AccessToken2 customer = AgoraTokens.parse(session.get("customer").get("token").asString());
        assertThat(AgoraTokens.rtc(customer).getChannelName()).isEqualTo(channel);
        assertThat(AgoraTokens.rtc(customer).getUid()).isEqualTo(Long.toString(customerUid));
        assertThat(AgoraTokens.rtc(customer).getPrivileges()).containsOnlyKeys(
                PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue, PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM.intValue,
                PrivilegeRtc.PRIVILEGE_PUBLISH_VIDEO_STREAM.intValue, PrivilegeRtc.PRIVILEGE_PUBLISH_DATA_STREAM.intValue);
        assertThat(session.get("customer").get("role").asInt()).isEqualTo(1);
        assertThat(AgoraTokens.signedWith(session.get("customer").get("token").asString(), SAMPLE_CERTIFICATE)).isTrue();
        Instant expiresAt = Instant.parse(session.get("expires_at").asString());
        assertThat((long) customer.issueTs + customer.expire).isCloseTo(expiresAt.getEpochSecond(), within(1L));

        var desk = api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/screen-share", null);
        assertThat(desk.status()).isEqualTo(200);
        long agentUid = desk.json().get("uid").asLong();
        assertThat(agentUid).isBetween(1L, 4294967295L).isNotEqualTo(customerUid);
        AccessToken2 agent = AgoraTokens.parse(desk.json().get("token").asString());
        assertThat(AgoraTokens.rtc(agent).getChannelName()).isEqualTo(channel);
        assertThat(AgoraTokens.rtc(agent).getUid()).isEqualTo(Long.toString(agentUid));
        assertThat(AgoraTokens.rtc(agent).getPrivileges()).containsExactlyEntriesOf(
                Map.of(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue, 3600));
        assertThat(desk.json().get("role").asInt()).isEqualTo(2);
        assertThat(AgoraTokens.signedWith(desk.json().get("token").asString(), SAMPLE_CERTIFICATE)).isTrue();
        // A customer cannot ask the desk for it.
        assertThat(api.post("/api/v1/desk/conversations/" + conversation + "/screen-share", null).status())
                .isEqualTo(401);
    }

    @Test
    void theDeskHasNoAgentTokenBeforeTheCustomerStartsSharing() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();

        var response = api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/screen-share", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("not started screen sharing");
    }

    @Test
    void aStartedSessionIsRecordedOnTheConversationWithoutItsTokens() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();
        JsonNode session = api.post("/api/v1/conversation/" + conversation + "/screen-share", null).json();

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM screen_share_sessions WHERE conversation_id = :id")
                .param("id", conversation).query().listOfRows();
        long agentUid = api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/screen-share", null)
                .json().get("uid").asLong();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("channel_name")).isEqualTo(session.get("channel_name").asString());
            assertThat(((Number) row.get("customer_uid")).longValue()).isEqualTo(session.get("customer").get("uid").asLong());
            assertThat(((Number) row.get("agent_uid")).longValue()).isEqualTo(agentUid);
        });

        var history = api.get("/api/v1/conversation/" + conversation);
        JsonNode messages = history.json().get("messages");
        assertThat(messages).extracting(message -> message.get("role").asString())
                .containsExactly("user", "assistant", "system", "system");
        JsonNode started = messages.get(3).get("metadata").get("screen_share");
        assertThat(started.get("event").asString()).isEqualTo("started");
        assertThat(started.get("customer_uid").asLong()).isEqualTo(session.get("customer").get("uid").asLong());
        assertThat(started.get("agent_uid").asLong()).isEqualTo(agentUid);
        assertThat(started.get("expires_at").asString()).isEqualTo(session.get("expires_at").asString());
        assertThat(history.body()).doesNotContain(session.get("customer").get("token").asString());
    }

    @Test
    void theCustomersTokenRenewsThroughTheConversationForTheSameChannelAndUid() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();
        JsonNode session = api.post("/api/v1/conversation/" + conversation + "/screen-share", null).json();

        var renewed = api.post("/api/v1/conversation/" + conversation + "/screen-share/renew", null);

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("id").asString()).isEqualTo(session.get("id").asString());
        assertThat(renewed.json().has("agent")).isFalse();
        AccessToken2 token = AgoraTokens.parse(renewed.json().get("customer").get("token").asString());
        assertThat(AgoraTokens.rtc(token).getChannelName()).isEqualTo(session.get("channel_name").asString());
        assertThat(AgoraTokens.rtc(token).getUid())
                .isEqualTo(Long.toString(session.get("customer").get("uid").asLong()));
    }

    @Test
    void renewingWithoutASessionIsNotFound() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();

        var response = api.post("/api/v1/conversation/" + conversation + "/screen-share/renew", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("no screen-sharing session");
    }

    @Test
    void theGenericTokenEndpointRefusesConversationChannelsToEveryoneAndServesTheFrontendsOwn() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();
        JsonNode session = api.post("/api/v1/conversation/" + conversation + "/screen-share", null).json();
        String channel = session.get("channel_name").asString();
        String request = "{\"channel_name\": \"" + channel + "\", \"uid\": 0, \"role\": 1}";

        var anonymous = api.post("/api/v1/agora/token", request);
        var anotherCustomer = api.withBearer(CustomerTokensForTests.tokenFor("mallory")).post("/api/v1/agora/token",
                request);
        var withTheCustomersUid = api.post("/api/v1/agora/token", "{\"channel_name\": \"" + channel + "\", \"uid\": "
                + session.get("customer").get("uid").asLong() + ", \"role\": 1}");
        // Earlier versions named a conversation's channel after its id: still the conversation's.
        var derivedFromTheId = api.post("/api/v1/agora/token", "{\"channel_name\": \"support_" + conversation + "\"}");

        for (var refused : List.of(anonymous, anotherCustomer, withTheCustomersUid, derivedFromTheId)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).contains("conversation's screen-sharing channel");
            assertThat(refused.body()).doesNotContain("\"token\"");
        }
        // The original frontend's own channels, as agoraService.generateChannelName makes them.
        var frontend = api.post("/api/v1/agora/token",
                "{\"channel_name\": \"support_session_session_1764255000000_1764255000001_k3j9xq\", \"uid\": 0, \"role\": 1}");
        assertThat(frontend.status()).isEqualTo(200);
        assertThat(frontend.json().get("token").asString()).startsWith("007");
    }

    @Test
    void screenShareForAnUnknownConversationIsNotFound() {
        var response = api.post("/api/v1/conversation/no-such-conversation/screen-share", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Conversation not found");
    }
}
