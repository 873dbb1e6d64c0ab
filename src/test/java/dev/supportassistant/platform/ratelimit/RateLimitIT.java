package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.RunningService;

/**
 * Per-client budgets on the real chat, token and media endpoints, answered with 429 and
 * Retry-After. One service for all but the last test: the tests' loopback address is a trusted
 * proxy, so each test is a client of its own through {@code X-Forwarded-For}.
 * {@link RateLimitInterceptorTest} covers the budgets' arithmetic, {@link SharedRateLimitsIT} the
 * budgets instances share on PostgreSQL.
 */
class RateLimitIT {

    private static final ChatRequest CHAT = ChatRequest.message("hello");
    private static final String FORWARDED = "X-Forwarded-For";

    private static RunningService service;
    private static ApiClient api;

    private static RunningService start(String... settings) {
        String[] all = new String[settings.length + 4];
        all[0] = "RATE_LIMIT_CHAT_PER_MINUTE=2";
        all[1] = "RATE_LIMIT_TOKEN_PER_MINUTE=1";
        all[2] = "RATE_LIMIT_MEDIA_PER_MINUTE=1";
        all[3] = "spring.datasource.url=jdbc:h2:mem:ratelimit_" + System.nanoTime();
        System.arraycopy(settings, 0, all, 4, settings.length);
        return RunningService.start(all);
    }

    @BeforeAll
    static void startBehindAProxy() {
        service = start("TRUSTED_PROXIES=127.0.0.1,::1");
        api = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aClientOverItsChatBudgetGets429WithRetryAfter() {
        String client = "203.0.113.1";
        assertThat(api.chat(CHAT, FORWARDED, client).status()).isEqualTo(200);
        assertThat(api.chat(CHAT, FORWARDED, client).status()).isEqualTo(200);

        var refused = api.chat(CHAT, FORWARDED, client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.json().get("detail").asString()).contains("at most 2 a minute");
        // Streaming shares the chat budget; other endpoints are not limited.
        assertThat(api.chatStream(CHAT, FORWARDED, client).status()).isEqualTo(429);
        assertThat(api.get("/api/v1/health", FORWARDED, client).status()).isEqualTo(200);
        // The nearest hop the proxy did not add is the client, whatever the client put before it.
        assertThat(api.chat(CHAT, FORWARDED, "198.51.100.7, " + client).status()).isEqualTo(429);
        assertThat(api.chat(CHAT, FORWARDED, "198.51.100.7").status()).isEqualTo(200);
    }

    @Test
    void screenshotsTranscriptionsAndSpeechShareABudgetOfTheirOwn() {
        ApiClient customer = api.withBearer(CustomerTokensForTests.tokenFor("media-customer"));
        assertThat(customer.post("/api/v1/tts", "{\"text\": \"\"}").status()).isEqualTo(400);
        assertThat(customer.post("/api/v1/tts", "{\"text\": \"\"}").status()).isEqualTo(429);
        assertThat(customer.upload("/api/v1/screenshots", "file", "s.png", "image/png", new byte[] {1}).status())
                .isEqualTo(429);
        assertThat(customer.chat(CHAT).status()).isEqualTo(200);
    }

    @Test
    void tokenEndpointsHaveTheirOwnBudget() {
        String client = "203.0.113.3";
        String request = "{\"channel_name\": \"support_1\"}";
        assertThat(api.post("/api/v1/agora/token", request, FORWARDED, client).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/agora/token", request, FORWARDED, client).status()).isEqualTo(429);
        assertThat(api.chat(CHAT, FORWARDED, client).status()).isEqualTo(200);
    }

    @Test
    void eachCustomerHasABudgetOfTheirOwnAndOperatorsAreNotLimited() {
        String client = "203.0.113.4";
        api.chat(CHAT, FORWARDED, client);
        api.chat(CHAT, FORWARDED, client);
        assertThat(api.chat(CHAT, FORWARDED, client).status()).isEqualTo(429);

        assertThat(api.withBearer(CustomerTokensForTests.tokenFor("grace")).chat(CHAT, FORWARDED, client)
                .status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(api.asAdmin().chat(CHAT, FORWARDED, client).status()).isEqualTo(200);
        }
    }

    @Test
    void addressesOfOneIpv6Slash64AreOneClient() {
        assertThat(api.chat(CHAT, FORWARDED, "2001:db8:5:1::1").status()).isEqualTo(200);
        assertThat(api.chat(CHAT, FORWARDED, "2001:db8:5:1:ffff::2").status()).isEqualTo(200);

        assertThat(api.chat(CHAT, FORWARDED, "2001:db8:5:1::3").status()).isEqualTo(429);
        assertThat(api.chat(CHAT, FORWARDED, "2001:db8:5:2::1").status()).isEqualTo(200);
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        try (RunningService untrusted = start("TRUSTED_PROXIES=")) {
            ApiClient direct = untrusted.api();
            direct.chat(CHAT, FORWARDED, "203.0.113.1");
            direct.chat(CHAT, FORWARDED, "203.0.113.2");
            // A client cannot escape its budget by naming another address.
            assertThat(direct.chat(CHAT, FORWARDED, "203.0.113.3").status()).isEqualTo(429);
        }
    }
}
