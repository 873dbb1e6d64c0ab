package dev.supportassistant.screenshare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ApiClient;
import dev.supportassistant.NothingConfigured;
import tools.jackson.databind.JsonNode;

/**
 * Without AGORA_APP_ID and AGORA_APP_CERTIFICATE the service runs with screen sharing off: nobody
 * is offered it (a customer who accepted would get a 503), health says so, and the token endpoints
 * say what is missing.
 */
@ExtendWith(NothingConfigured.class)
class ScreenShareUnconfiguredIT {

    private static final String CONFUSED = "I'm stuck and confused, the installer shows 0x80070005 every single time "
            + "and nothing works!!";

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = NothingConfigured.api();
    }

    @Test
    void tokenEndpointIsUnavailableNamingBothVariables() {
        var response = api.post("/api/v1/agora/token", "{\"channel_name\": \"support_session_123\", \"uid\": 0}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
    }

    @Test
    void conversationScreenShareIsUnavailableNamingBothVariables() {
        String conversation = api.chat("hello").json().get("conversation_id")
                .asString();

        var response = api.post("/api/v1/conversation/" + conversation + "/screen-share", null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
        assertThat(api.get("/api/v1/conversation/" + conversation).json().get("messages"))
                .extracting(message -> message.get("role").asString()).doesNotContain("system");
    }

    @Test
    void aConfusedCustomerIsNotOfferedWhatCannotBeGiven() {
        JsonNode chat = api.chat(CONFUSED).json();

        assertThat(chat.get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(chat.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(chat.has("screen_share")).isFalse();
        assertThat(chat.get("message").get("content").asString()).doesNotContainIgnoringCase("share your screen");
        assertThat(api.get("/api/v1/conversation/" + chat.get("conversation_id").asString()).json().get("messages"))
                .extracting(message -> message.get("role").asString()).doesNotContain("system");
    }

    @Test
    void healthSaysScreenSharingIsOff() {
        JsonNode health = api.get("/api/v1/health").json();

        assertThat(health.get("agora_configured").asBoolean()).isFalse();
        assertThat(health.get("screen_sharing").asString()).isEqualTo("off");
    }
}
