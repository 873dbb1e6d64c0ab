package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** A request Spring Security's firewall rejects is a 400 problem detail saying why, like every refusal. */
class RequestFirewallTest extends ApiTest {

    @Test
    void aUrlWithAnEncodedSemicolonIsA400SayingWhy() {
        var response = api.get("/api/v1/conversation/a%3Bb");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("not in normal form");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/conversation/a%3Bb");
    }
}
