package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** Bodies over {@code MAX_REQUEST_BYTES} are refused before anything reads them. */
class RequestSizeTest extends ApiTest {

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        var response = api.post("/api/v1/chat", "{\"message\": \"" + "x".repeat(1_100_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("larger than 1048576 bytes");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/chat");
    }
}
