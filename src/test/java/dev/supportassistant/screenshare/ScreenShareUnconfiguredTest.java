package dev.supportassistant.screenshare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** Without AGORA_APP_ID and AGORA_APP_CERTIFICATE the service runs; screen sharing says what is missing. */
class ScreenShareUnconfiguredTest extends ApiTest {

    @Test
    void tokenEndpointIsUnavailableNamingBothVariables() {
        var response = api.post("/api/v1/agora/token", "{\"channel_name\": \"support_session_123\", \"uid\": 0}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
    }

    @Test
    void conversationScreenShareIsUnavailableNamingBothVariables() {
        String conversation = api.post("/api/v1/chat", "{\"message\": \"hello\"}").json().get("conversation_id")
                .asString();

        var response = api.post("/api/v1/conversation/" + conversation + "/screen-share", null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
        assertThat(api.get("/api/v1/conversation/" + conversation).json().get("messages"))
                .extracting(message -> message.get("role").asString()).doesNotContain("system");
    }

    @Test
    void healthSaysAgoraIsNotConfigured() {
        assertThat(api.get("/api/v1/health").json().get("agora_configured").asBoolean()).isFalse();
    }
}
