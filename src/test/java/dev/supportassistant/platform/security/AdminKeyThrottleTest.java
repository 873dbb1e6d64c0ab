package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;

/**
 * Wrong admin keys are throttled per client: after ten in a minute every attempt with a key from
 * that client is refused, the right key included, so guessing it is hopeless. Each test is a client
 * of its own (the tests' loopback address is a trusted proxy, so X-Forwarded-For names the client).
 */
class AdminKeyThrottleTest extends ApiTest {

    private static final String SWITCH = "/api/v1/agent/switch?provider=local";

    @Test
    void afterTenWrongKeysEvenTheRightKeyIsRefusedForThatClientOnly() {
        String guesser = "198.51.100.31";
        for (int i = 0; i < OperatorKeyFilter.WRONG_KEYS_PER_MINUTE; i++) {
            var wrong = api.post(SWITCH, null, "X-API-Key", "guess-" + i, "X-Forwarded-For", guesser);
            assertThat(wrong.status()).as("guess %d", i).isEqualTo(401);
        }

        var throttled = api.post(SWITCH, null, "X-API-Key", "guess-10", "X-Forwarded-For", guesser);
        var rightKeyTooLate = api.post(SWITCH, null, "X-API-Key", ApiClient.TEST_ADMIN_KEY, "X-Forwarded-For", guesser);

        for (var refused : new ApiClient.Response[] {throttled, rightKeyTooLate}) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.json().get("detail").asString()).contains("failed attempts with an admin API key");
        }
        assertThat(api.post(SWITCH, null, "X-API-Key", ApiClient.TEST_ADMIN_KEY, "X-Forwarded-For", "198.51.100.32")
                .status()).isEqualTo(200);
    }

    @Test
    void guessesCountOnEveryEndpointAndAsBearerTokensToo() {
        String guesser = "2001:db8:77:1::5";
        for (int i = 0; i < OperatorKeyFilter.WRONG_KEYS_PER_MINUTE; i++) {
            // A wrong key where a customer may also ask is no refusal (404 as for anyone), but it is a guess.
            assertThat(api.get("/api/v1/conversation/someone-elses", "X-API-Key", "guess-" + i,
                    "X-Forwarded-For", guesser).status()).isEqualTo(404);
        }

        // The same /64 is the same client; a bearer key is a key.
        var throttled = api.get("/actuator/prometheus", "Authorization", "Bearer " + ApiClient.TEST_ADMIN_KEY,
                "X-Forwarded-For", "2001:db8:77:1:ffff::9");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("detail").asString()).isNotBlank();
    }
}
