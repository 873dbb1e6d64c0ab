package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** Every response, error or not, carries the security headers. */
class SecurityHeadersTest extends ApiTest {

    @Test
    void successesAndErrorsCarryTheSecurityHeaders() {
        // With DEBUG=false the docs' paths are 404s like any other (their exemption is for the docs pages).
        // Refusals of the security rules and of the body limit (which answers before reading) too.
        for (var response : new dev.supportassistant.ApiClient.Response[] {api.get("/api/v1/health"),
                api.get("/api/v1/conversation/nope"), api.post("/api/v1/chat", "{bad"), api.get("/docs"),
                api.get("/openapi.json"), api.get("/swagger-ui/index.html"), api.get("/api/v1/stats"),
                api.chat("x".repeat(1_100_000))}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
    }
}
