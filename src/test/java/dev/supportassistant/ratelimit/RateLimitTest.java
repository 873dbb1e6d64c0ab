package dev.supportassistant.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EmbeddedPostgres;
import dev.supportassistant.RunningService;

/** Per-client budgets on chat, token and media endpoints, answered with 429 and Retry-After. */
class RateLimitTest {

    private static final String CHAT = "{\"message\": \"hello\"}";

    private static RunningService start(String... settings) {
        String[] all = new String[settings.length + 3];
        all[0] = "RATE_LIMIT_CHAT_PER_MINUTE=2";
        all[1] = "RATE_LIMIT_TOKEN_PER_MINUTE=1";
        all[2] = "RATE_LIMIT_MEDIA_PER_MINUTE=1";
        System.arraycopy(settings, 0, all, 3, settings.length);
        return RunningService.start(all);
    }

    @Test
    void aClientOverItsChatBudgetGets429WithRetryAfter() {
        try (RunningService service = start("spring.datasource.url=jdbc:h2:mem:ratelimit1")) {
            ApiClient api = service.api();
            assertThat(api.post("/api/v1/chat", CHAT).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/chat", CHAT).status()).isEqualTo(200);

            var refused = api.post("/api/v1/chat", CHAT);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.json().get("detail").asString()).contains("at most 2 a minute");
            // Streaming shares the chat budget; other endpoints are not limited.
            assertThat(api.post("/api/v1/chat/stream", CHAT).status()).isEqualTo(429);
            assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
            // Screenshots, transcriptions and speech have a budget of their own (each runs an engine).
            assertThat(api.post("/api/v1/tts", "{\"text\": \"\"}").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/tts", "{\"text\": \"\"}").status()).isEqualTo(429);
            assertThat(api.upload("/api/v1/screenshots", "file", "s.png", "image/png", new byte[] {1}).status())
                    .isEqualTo(429);
        }
    }

    @Test
    void eachCustomerHasABudgetOfTheirOwnAndOperatorsAreNotLimited() {
        try (RunningService service = start("spring.datasource.url=jdbc:h2:mem:ratelimit2")) {
            ApiClient api = service.api();
            api.post("/api/v1/chat", CHAT);
            api.post("/api/v1/chat", CHAT);
            assertThat(api.post("/api/v1/chat", CHAT).status()).isEqualTo(429);

            assertThat(api.withBearer(CustomerTokensForTests.tokenFor("grace")).post("/api/v1/chat", CHAT).status())
                    .isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(api.asAdmin().post("/api/v1/chat", CHAT).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        try (RunningService untrusted = start("spring.datasource.url=jdbc:h2:mem:ratelimit3", "TRUSTED_PROXIES=")) {
            ApiClient api = untrusted.api();
            api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.1");
            api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.2");
            // A client cannot escape its budget by naming another address.
            assertThat(api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.3").status()).isEqualTo(429);
        }
        try (RunningService behindProxy = start("spring.datasource.url=jdbc:h2:mem:ratelimit4",
                "TRUSTED_PROXIES=127.0.0.1,::1")) {
            ApiClient api = behindProxy.api();
            api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.1");
            api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.1");
            assertThat(api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "203.0.113.1").status()).isEqualTo(429);
            assertThat(api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "198.51.100.7, 203.0.113.1").status())
                    .isEqualTo(429);
            assertThat(api.post("/api/v1/chat", CHAT, "X-Forwarded-For", "198.51.100.7").status()).isEqualTo(200);
        }
    }

    @Test
    void tokenEndpointsHaveTheirOwnBudget() {
        try (RunningService service = start("spring.datasource.url=jdbc:h2:mem:ratelimit5")) {
            ApiClient api = service.api();
            String request = "{\"channel_name\": \"support_1\"}";
            assertThat(api.post("/api/v1/agora/token", request).status()).isEqualTo(503);

            assertThat(api.post("/api/v1/agora/token", request).status()).isEqualTo(429);
            assertThat(api.post("/api/v1/chat", CHAT).status()).isEqualTo(200);
        }
    }

    @Test
    void instancesOnOnePostgresShareEachClientsBudget() {
        String database = "DATABASE_URL=" + EmbeddedPostgres.newDatabaseUrl("ratelimit_" + System.nanoTime());
        try (RunningService first = start(database); RunningService second = start(database)) {
            assertThat(first.api().post("/api/v1/chat", CHAT).status()).isEqualTo(200);
            assertThat(second.api().post("/api/v1/chat", CHAT).status()).isEqualTo(200);

            assertThat(first.api().post("/api/v1/chat", CHAT).status()).isEqualTo(429);
            assertThat(second.api().post("/api/v1/chat", CHAT).status()).isEqualTo(429);
        }
    }
}
