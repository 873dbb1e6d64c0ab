package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.ApiTest;

/**
 * Requests Tomcat turns away before any filter or controller sees them are answered as every
 * other error is: RFC 9457 JSON with a {@code detail}, not the container's HTML page.
 */
class ContainerRefusalsTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/conversation/..%2F..%2Fetc%2Fpasswd", "/api/v1/conversation/%00",
            "/api/v1/conversation/a%5C..%5Cb%00", "/%2e%2e%2F%2e%2e%2Fetc/passwd"})
    void refusedPathsGetAProblemDetail(String path) {
        var response = api.get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("title").asString()).isEqualTo("Bad Request");
        assertThat(response.json().get("detail").asString()).contains("malformed");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
