package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** Bodies over {@code MAX_REQUEST_BYTES} are refused: before anything reads them, or while a chunked one is read. */
class RequestSizeTest extends ApiTest {

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        var response = api.post("/api/v1/chat", "{\"message\": \"" + "x".repeat(1_100_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("larger than 1048576 bytes");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/chat");
    }

    @Test
    void aBodySentWithoutItsLengthIsRefusedOnceItRunsOver() throws Exception {
        byte[] body = ("{\"message\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/chat"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"Request body larger than 1048576 bytes\"");
    }
}
