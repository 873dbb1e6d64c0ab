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

import io.agora.media.AccessToken2;
import io.agora.media.AccessToken2.PrivilegeRtc;
import tools.jackson.databind.JsonNode;

/** Screen sharing as the chat uses it: offered with a reply, started for a customer and an agent. */
class ConversationScreenShareTest extends AgoraConfiguredTest {

    private static final String CONFUSED = "I'm so confused and frustrated, nothing works and I don't understand why "
            + "it keeps failing!!";

    @Autowired
    private JdbcClient jdbc;

    private JsonNode chat(String message) {
        var response = api.post("/api/v1/chat", "{\"message\": \"" + message + "\", \"user_id\": \"test_user\"}");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aReplyThatRequestsScreenSharingCarriesTheConversationsChannel() {
        JsonNode reply = chat(CONFUSED);

        assertThat(reply.get("should_request_screen_share").asBoolean()).isTrue();
        String conversation = reply.get("conversation_id").asString();
        String channel = reply.get("screen_share").get("channel_name").asString();
        assertThat(channel).isEqualTo("support_" + conversation);
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
    void startingScreenShareIssuesPublisherAndSubscriberTokensForTwoExplicitUids() {
        JsonNode reply = chat(CONFUSED);
        String conversation = reply.get("conversation_id").asString();
        String channel = reply.get("screen_share").get("channel_name").asString();

        var response = api.post("/api/v1/conversation/" + conversation + "/screen-share", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode session = response.json();
        assertThat(session.get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(session.get("channel_name").asString()).isEqualTo(channel);
        assertThat(session.get("app_id").asString()).isEqualTo(SAMPLE_APP_ID);
        long customerUid = session.get("customer").get("uid").asLong();
        long agentUid = session.get("agent").get("uid").asLong();
        assertThat(customerUid).isBetween(1L, 4294967295L).isNotEqualTo(agentUid);
        assertThat(agentUid).isBetween(1L, 4294967295L);

        AccessToken2 customer = AgoraTokens.parse(session.get("customer").get("token").asString());
        assertThat(AgoraTokens.rtc(customer).getChannelName()).isEqualTo(channel);
        assertThat(AgoraTokens.rtc(customer).getUid()).isEqualTo(Long.toString(customerUid));
        assertThat(AgoraTokens.rtc(customer).getPrivileges()).containsOnlyKeys(
                PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue, PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM.intValue,
                PrivilegeRtc.PRIVILEGE_PUBLISH_VIDEO_STREAM.intValue, PrivilegeRtc.PRIVILEGE_PUBLISH_DATA_STREAM.intValue);
        assertThat(session.get("customer").get("role").asInt()).isEqualTo(1);

        AccessToken2 agent = AgoraTokens.parse(session.get("agent").get("token").asString());
        assertThat(AgoraTokens.rtc(agent).getChannelName()).isEqualTo(channel);
        assertThat(AgoraTokens.rtc(agent).getUid()).isEqualTo(Long.toString(agentUid));
        assertThat(AgoraTokens.rtc(agent).getPrivileges()).containsExactlyEntriesOf(
                Map.of(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue, 3600));
        assertThat(session.get("agent").get("role").asInt()).isEqualTo(2);

        assertThat(AgoraTokens.signedWith(session.get("customer").get("token").asString(), SAMPLE_CERTIFICATE)).isTrue();
        assertThat(AgoraTokens.signedWith(session.get("agent").get("token").asString(), SAMPLE_CERTIFICATE)).isTrue();
        Instant expiresAt = Instant.parse(session.get("expires_at").asString());
        assertThat((long) customer.issueTs + customer.expire).isCloseTo(expiresAt.getEpochSecond(), within(1L));
    }

    @Test
    void aStartedSessionIsRecordedOnTheConversationWithoutItsTokens() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();
        JsonNode session = api.post("/api/v1/conversation/" + conversation + "/screen-share", null).json();

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM screen_share_sessions WHERE conversation_id = :id")
                .param("id", conversation).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("channel_name")).isEqualTo(session.get("channel_name").asString());
            assertThat(((Number) row.get("customer_uid")).longValue()).isEqualTo(session.get("customer").get("uid").asLong());
            assertThat(((Number) row.get("agent_uid")).longValue()).isEqualTo(session.get("agent").get("uid").asLong());
        });

        var history = api.get("/api/v1/conversation/" + conversation);
        JsonNode messages = history.json().get("messages");
        assertThat(messages).extracting(message -> message.get("role").asString())
                .containsExactly("user", "assistant", "system", "system");
        JsonNode started = messages.get(3).get("metadata").get("screen_share");
        assertThat(started.get("event").asString()).isEqualTo("started");
        assertThat(started.get("customer_uid").asLong()).isEqualTo(session.get("customer").get("uid").asLong());
        assertThat(started.get("agent_uid").asLong()).isEqualTo(session.get("agent").get("uid").asLong());
        assertThat(started.get("expires_at").asString()).isEqualTo(session.get("expires_at").asString());
        assertThat(history.body()).doesNotContain(session.get("customer").get("token").asString(),
                session.get("agent").get("token").asString());
    }

    @Test
    void theCustomersTokenRenewsThroughTheTokenEndpoint() {
        String conversation = chat(CONFUSED).get("conversation_id").asString();
        JsonNode session = api.post("/api/v1/conversation/" + conversation + "/screen-share", null).json();

        var renewed = api.post("/api/v1/agora/token", "{\"channel_name\": \"" + session.get("channel_name").asString()
                + "\", \"uid\": " + session.get("customer").get("uid").asLong() + ", \"role\": 1}");

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(AgoraTokens.rtc(AgoraTokens.parse(renewed.json().get("token").asString())).getUid())
                .isEqualTo(Long.toString(session.get("customer").get("uid").asLong()));
    }

    @Test
    void screenShareForAnUnknownConversationIsNotFound() {
        var response = api.post("/api/v1/conversation/no-such-conversation/screen-share", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Conversation not found");
    }
}
