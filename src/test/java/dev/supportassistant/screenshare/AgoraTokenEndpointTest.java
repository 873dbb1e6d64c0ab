package dev.supportassistant.screenshare;

import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_APP_ID;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_CERTIFICATE;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import io.agora.media.AccessToken2;
import io.agora.media.AccessToken2.PrivilegeRtc;

class AgoraTokenEndpointTest extends ApiTest {

    private static final String PATH = "/api/v1/agora/token";

    @Test
    void contractRequestGetsAnAccessToken2WithAppIdAndExpiry() {
        var response = api.post(PATH, """
                {"channel_name": "support_session_123", "uid": 0, "role": 1, "privilege_expired_ts": null}
                """);

        assertThat(response.status()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("token").asString()).startsWith("007");
        assertThat(body.get("channel_name").asString()).isEqualTo("support_session_123");
        assertThat(body.get("uid").asLong()).isZero();
        assertThat(body.get("app_id").asString()).isEqualTo(SAMPLE_APP_ID);
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        Instant expiresAt = Instant.parse(body.get("expires_at").asString());
        assertThat(expiresAt.getEpochSecond()).isCloseTo(Instant.now().getEpochSecond() + 3600, within(5L));

        AccessToken2 token = AgoraTokens.parse(body.get("token").asString());
        assertThat(token.appId).isEqualTo(SAMPLE_APP_ID);
        assertThat(AgoraTokens.rtc(token).getChannelName()).isEqualTo("support_session_123");
        assertThat(AgoraTokens.rtc(token).getUid()).isEmpty();
        assertThat(AgoraTokens.rtc(token).getPrivileges()).hasSize(4);
        assertThat((long) token.issueTs + token.expire).isCloseTo(expiresAt.getEpochSecond(), within(1L));
    }

    @Test
    void agorasSampleInputsGiveATokenSignedWithTheCertificate() {
        var response = api.post(PATH, "{\"channel_name\": \"" + SAMPLE_CHANNEL + "\", \"uid\": 2882341273, \"role\": 2, "
                + "\"expire_seconds\": 600}");

        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("token").asString();
        assertThat(AgoraTokens.signedWith(token, SAMPLE_CERTIFICATE)).isTrue();
        AccessToken2 parsed = AgoraTokens.parse(token);
        assertThat(AgoraTokens.rtc(parsed).getUid()).isEqualTo("2882341273");
        assertThat(AgoraTokens.rtc(parsed).getPrivileges()).containsOnlyKeys(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue);
        assertThat(parsed.expire).isEqualTo(600);
        assertThat(response.json().get("uid").asLong()).isEqualTo(2882341273L);
        assertThat(response.json().get("role").asInt()).isEqualTo(2);
    }

    @Test
    void accountRequestGetsATokenBoundToTheAccount() {
        var response = api.post(PATH, "{\"channel_name\": \"room\", \"account\": \"agent.smith@example.com\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("account").asString()).isEqualTo("agent.smith@example.com");
        assertThat(AgoraTokens.rtc(AgoraTokens.parse(response.json().get("token").asString())).getUid())
                .isEqualTo("agent.smith@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing channel              | {"uid": 1}                                                  | channel_name:
            empty channel                | {"channel_name": ""}                                        | channel_name:
            64-byte channel              | {"channel_name": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} | channel_name:
            slash in channel             | {"channel_name": "a/b"}                                     | channel_name:
            non-ASCII channel            | {"channel_name": "caf\\u00e9"}                              | channel_name:
            negative uid                 | {"channel_name": "c", "uid": -1}                            | uid:
            uid over 32 bits             | {"channel_name": "c", "uid": 4294967296}                    | uid:
            fractional uid               | {"channel_name": "c", "uid": 1.5}                           | uid:
            text uid                     | {"channel_name": "c", "uid": "abc"}                         | uid:
            role 0                       | {"channel_name": "c", "role": 0}                            | role:
            role 3                       | {"channel_name": "c", "role": 3}                            | role:
            account over 255 bytes       | {"channel_name": "c", "account": "%ACCOUNT256%"}            | account:
            empty account                | {"channel_name": "c", "account": ""}                        | account:
            account with uid             | {"channel_name": "c", "uid": 5, "account": "x"}             | uid, account:
            expiry in the past           | {"channel_name": "c", "privilege_expired_ts": 1000000000}   | privilege_expired_ts:
            expiry over 24 hours         | {"channel_name": "c", "privilege_expired_ts": %IN_25_HOURS%} | privilege_expired_ts:
            relative expiry zero         | {"channel_name": "c", "expire_seconds": 0}                  | expire_seconds:
            relative expiry over 24 h    | {"channel_name": "c", "expire_seconds": 86401}              | expire_seconds:
            both expiries                | {"channel_name": "c", "expire_seconds": 60, "privilege_expired_ts": %IN_25_HOURS%} | privilege_expired_ts, expire_seconds:
            not JSON                     | not json                                                    | Malformed JSON
            """)
    void everyBrokenRuleIsRejectedWithADetailNamingIt(String rule, String body, String detailStart) {
        String json = body.replace("%ACCOUNT256%", "a".repeat(256))
                .replace("%IN_25_HOURS%", String.valueOf(Instant.now().getEpochSecond() + 25 * 3600));

        var response = api.post(PATH, json);

        assertThat(response.status()).as(rule).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).as(rule).startsWith(detailStart);
        assertThat(response.body()).doesNotContain(SAMPLE_CERTIFICATE);
    }

    @Test
    void renewingWithTheSameChannelAndUidIssuesAFreshToken() {
        String request = "{\"channel_name\": \"support_session_123\", \"uid\": 42, \"role\": 1}";

        var first = api.post(PATH, request).json();
        var renewed = api.post(PATH, request).json();

        assertThat(renewed.get("token").asString()).isNotEqualTo(first.get("token").asString());
        assertThat(AgoraTokens.rtc(AgoraTokens.parse(renewed.get("token").asString())).getUid()).isEqualTo("42");
        assertThat(AgoraTokens.signedWith(renewed.get("token").asString(), SAMPLE_CERTIFICATE)).isTrue();
    }

    @Test
    void healthSaysAgoraIsConfigured() {
        assertThat(api.get("/api/v1/health").json().get("agora_configured").asBoolean()).isTrue();
    }

    @Test
    void theCertificateAppearsInNoResponseBody() {
        List<ApiClient.Response> responses = new ArrayList<>();
        responses.add(api.post(PATH, "{\"channel_name\": \"c\", \"uid\": 1}"));
        responses.add(api.post(PATH, "{\"channel_name\": \"c\", \"account\": \"x\"}"));
        responses.add(api.post(PATH, "{\"channel_name\": \"bad/name\"}"));
        responses.add(api.post(PATH, "{\"channel_name\": \"c\", \"uid\": \"x\"}"));
        responses.add(api.post(PATH, "{"));
        responses.add(api.get("/api/v1/health"));
        responses.add(api.get("/"));
        var chat = api.chat("I'm so confused and frustrated, nothing works and I "
                + "don't understand why it keeps failing!!");
        responses.add(chat);
        String conversation = chat.json().get("conversation_id").asString();
        responses.add(api.post("/api/v1/conversation/" + conversation + "/screen-share", null));
        responses.add(api.get("/api/v1/conversation/" + conversation));

        assertThat(responses).allSatisfy(response -> assertThat(response.body().toLowerCase(Locale.ROOT))
                .doesNotContain(SAMPLE_CERTIFICATE.toLowerCase(Locale.ROOT)));
        assertThat(responses.get(0).status()).isEqualTo(200);
        assertThat(responses.get(8).status()).isEqualTo(200);
    }
}
