package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The browser frontend's origins may call the API with credentials; other origins may not. */
class CorsTest extends ApiTest {

    @Test
    void preflightFromTheFrontendOriginIsAllowedWithCredentials() {
        var response = api.send("OPTIONS", "/api/v1/chat", null,
                "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,authorization");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
    }

    @Test
    void preflightForDeleteFromTheSecondDefaultOriginIsAllowed() {
        var response = api.send("OPTIONS", "/api/v1/conversation/x", null,
                "Origin", "http://127.0.0.1:3000",
                "Access-Control-Request-Method", "DELETE");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:3000");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        var response = api.send("OPTIONS", "/api/v1/chat", null,
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void simpleRequestFromTheFrontendCarriesTheAllowOriginHeader() {
        var response = api.get("/api/v1/health", "Origin", "http://localhost:3000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    }

    @Test
    void aPageOnAnAllowedOriginMayReadTheHeadersTheApiAnswersWith() {
        var response = api.get("/api/v1/health", "Origin", "http://localhost:3000");

        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Speech-Provider",
                "X-Speech-Fallback", "X-Speech-Error", "X-Speech-Truncated", "X-Request-Id", "Retry-After");
    }
}
