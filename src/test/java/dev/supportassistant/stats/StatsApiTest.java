package dev.supportassistant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/stats}: per-provider totals of a time window from the stored conversations.
 * The shared context holds other tests' chats, so each test looks at a window only it wrote in.
 */
class StatsApiTest extends ApiTest {

    private static final String CONFUSED = "I'm so confused and frustrated, nothing works and I don't understand why "
            + "the app keeps failing, I have tried everything";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aKnownDayAddsUpPerProviderAndInTotal() {
        StatsFixture.store(jdbc);

        var response = api.asAdmin().get("/api/v1/stats?from=" + StatsFixture.FROM + "&to=" + StatsFixture.TO);

        assertThat(response.status()).isEqualTo(200);
        StatsFixture.assertStats(response.json());
    }

    @Test
    void realChatsAreCountedWithTheirTokensConfusionAndScreenShareOffers() {
        Instant start = Instant.now().minusMillis(1);
        JsonNode confused = api.chat(CONFUSED).json();
        JsonNode calm = api.chat("How do I reset my password?").json();

        JsonNode stats = api.asAdmin().get("/api/v1/stats?from=" + start).json();

        assertThat(confused.get("should_request_screen_share").asBoolean()).isTrue();
        assertThat(calm.get("should_request_screen_share").asBoolean()).isFalse();
        assertThat(stats.get("providers")).hasSize(1);
        JsonNode local = stats.get("providers").get(0);
        assertThat(local.get("provider").asString()).isEqualTo("local");
        assertThat(local.get("messages").asLong()).isEqualTo(2);
        assertThat(local.get("total_tokens").asLong()).isEqualTo(tokens(confused) + tokens(calm));
        assertThat(local.get("fallbacks").asLong()).isZero();
        assertThat(local.get("average_confusion").asDouble()).isCloseTo(
                (confused.get("confidence_score").asDouble() + calm.get("confidence_score").asDouble()) / 2,
                within(1e-4));
        assertThat(local.get("screen_share_offers").asLong()).isEqualTo(1);
        assertThat(local.get("screen_share_rate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void peoplesRepliesAndTheHoldingReplyCountApartFromTheProviders() {
        Instant start = Instant.now().minusMillis(1);
        JsonNode calm = api.chat("How do I reset my password?").json();
        String conversation = calm.get("conversation_id").asString();
        api.post("/api/v1/conversation/" + conversation + "/handoff", "{}");
        String agent = "stats-agent-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient desk = api.withBearer(CustomerTokensForTests.agentToken(agent));
        desk.post("/api/v1/desk/conversations/" + conversation + "/claim", null);
        assertThat(desk.post("/api/v1/desk/conversations/" + conversation + "/messages", "{\"content\": \"Hi, Bob here\"}")
                .status()).isEqualTo(201);

        JsonNode stats = api.asAdmin().get("/api/v1/stats?from=" + start).json();

        assertThat(stats.get("providers")).singleElement()
                .satisfies(local -> assertThat(local.get("provider").asString()).isEqualTo("local"));
        assertThat(stats.get("totals").get("messages").asLong()).isEqualTo(1);
        assertThat(stats.get("totals").get("total_tokens").asLong()).isEqualTo(tokens(calm));
        assertThat(stats.get("handoff").get("human_replies").asLong()).isEqualTo(1);
        assertThat(stats.get("handoff").get("holding_replies").asLong()).isEqualTo(1);
        assertThat(stats.get("handoff").get("agents")).singleElement().satisfies(row -> {
            assertThat(row.get("agent").asString()).isEqualTo(agent);
            assertThat(row.get("replies").asLong()).isEqualTo(1);
        });
    }

    @Test
    void theWindowDefaultsToTheLast24Hours() {
        JsonNode stats = api.asAdmin().get("/api/v1/stats").json();

        Instant from = Instant.parse(stats.get("from").asString());
        Instant to = Instant.parse(stats.get("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(stats.get("totals").get("messages").asLong()).isNotNegative();
    }

    @Test
    void aWindowWithoutRepliesIsEmptyWithZeroTotals() {
        JsonNode stats = api.asAdmin().get("/api/v1/stats?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z").json();

        assertThat(stats.get("providers")).isEmpty();
        assertThat(stats.get("totals").get("messages").asLong()).isZero();
        assertThat(stats.get("totals").get("screen_share_rate").asDouble()).isZero();
        assertThat(stats.get("totals").has("average_confusion")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-11-24",
            "from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z"})
    void aBadWindowIsRefusedWith422(String query) {
        var response = api.asAdmin().get("/api/v1/stats?" + query);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).containsAnyOf("from:", "to:");
    }

    @Test
    void statsAreForOperatorsOnly() {
        var response = api.get("/api/v1/stats");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("providers");
    }

    private static long tokens(JsonNode chat) {
        return chat.get("message").get("metadata").get("token_usage").get("total_tokens").asLong();
    }
}
