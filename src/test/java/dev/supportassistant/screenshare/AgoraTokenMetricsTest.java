package dev.supportassistant.screenshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.Scrape;

/** Every Agora token issued is counted by role in {@code support_agora_tokens_issued_total}. */
class AgoraTokenMetricsTest extends ApiTest {

    @Test
    void issuedTokensAreCountedByRole() {
        Map<String, String> subscriber = Map.of("role", "subscriber");
        Map<String, String> publisher = Map.of("role", "publisher");
        Scrape before = Scrape.of(api);

        var response = api.post("/api/v1/agora/token", "{\"channel_name\": \"support_metrics_1\", \"role\": 2}");
        var refused = api.post("/api/v1/agora/token", "{\"channel_name\": \"support_metrics_1\", \"role\": 3}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(refused.status()).isIn(400, 422);
        Scrape after = Scrape.of(api);
        assertThat(after.value("support_agora_tokens_issued_total", subscriber)
                - before.value("support_agora_tokens_issued_total", subscriber)).isEqualTo(1);
        assertThat(after.value("support_agora_tokens_issued_total", publisher))
                .isEqualTo(before.value("support_agora_tokens_issued_total", publisher));
    }
}
