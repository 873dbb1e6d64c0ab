package dev.supportassistant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A known day of conversations (1 January 2020, long before any test's own chats), stored the way
 * the conversation module stores them, and the statistics it must add up to.
 */
final class StatsFixture {

    static final String FROM = "2020-01-01T00:00:00Z";
    static final String TO = "2020-01-02T00:00:00Z";

    private StatsFixture() {
    }

    static void store(JdbcClient jdbc) {
        String first = conversation(jdbc);
        message(jdbc, first, "user", "2020-01-01T10:00:00Z", null, null, 0.2, null);
        message(jdbc, first, "assistant", "2020-01-01T10:00:01Z", "openai", new int[] {100, 20}, 0.2, false);
        message(jdbc, first, "user", "2020-01-01T10:01:00Z", null, null, 0.8, null);
        message(jdbc, first, "assistant", "2020-01-01T10:01:01Z", "openai", new int[] {200, 30}, 0.8, false);
        system(jdbc, first, "2020-01-01T10:01:01Z", "{\"screen_share\":{\"event\":\"offered\",\"channel_name\":\"support_1\"}}");
        system(jdbc, first, "2020-01-01T10:02:00Z", "{\"screen_share\":{\"event\":\"started\",\"channel_name\":\"support_1\"}}");

        String second = conversation(jdbc);
        message(jdbc, second, "user", "2020-01-01T11:00:00Z", null, null, 0.2, null);
        message(jdbc, second, "assistant", "2020-01-01T11:00:01Z", "anthropic", new int[] {50, 10}, 0.2, true);
        // A later event in the conversation is no offer made with that reply.
        system(jdbc, second, "2020-01-01T11:05:00Z", "{\"screen_share\":{\"event\":\"started\",\"channel_name\":\"support_2\"}}");
        // Just outside the window on either side: the start is inclusive, the end exclusive.
        message(jdbc, second, "assistant", "2019-12-31T23:59:59.999Z", "openai", new int[] {1000, 1000}, 0.9, true);
        message(jdbc, second, "assistant", TO, "anthropic", new int[] {1000, 1000}, 0.9, true);

        // A handoff: the holding reply and two people's replies, none of them a provider's.
        String third = conversation(jdbc);
        message(jdbc, third, "user", "2020-01-01T12:00:00Z", null, null, 0.9, null);
        written(jdbc, third, "2020-01-01T12:00:01Z", "{\"handoff\":{\"status\":\"waiting_for_human\"}}");
        written(jdbc, third, "2020-01-01T12:05:00Z", "{\"author\":\"bob\",\"human\":true,\"handoff\":{\"status\":\"with_human\"}}");
        written(jdbc, third, "2020-01-01T12:06:00Z", "{\"author\":\"bob\",\"human\":true,\"handoff\":{\"status\":\"with_human\"}}");
        written(jdbc, third, "2020-01-01T12:07:00Z", "{\"author\":\"alice\",\"human\":true,\"handoff\":{\"status\":\"with_human\"}}");
    }

    /** The statistics of the fixture's window, as {@code GET /api/v1/stats} answers them. */
    static void assertStats(JsonNode stats) {
        assertThat(stats.get("from").asString()).isEqualTo(FROM);
        assertThat(stats.get("to").asString()).isEqualTo(TO);
        JsonNode providers = stats.get("providers");
        assertThat(providers).extracting(provider -> provider.get("provider").asString())
                .containsExactly("anthropic", "openai");
        assertRow(providers.get(1), 2, 300, 50, 350, 0, 0.5, 1, 0.5);
        assertRow(providers.get(0), 1, 50, 10, 60, 1, 0.2, 0, 0.0);
        assertThat(stats.get("totals").get("provider").asString()).isEqualTo("all");
        assertRow(stats.get("totals"), 3, 350, 60, 410, 1, 0.4, 1, 0.3333);
        JsonNode handoff = stats.get("handoff");
        assertThat(handoff.get("human_replies").asLong()).isEqualTo(3);
        assertThat(handoff.get("holding_replies").asLong()).isEqualTo(1);
        assertThat(handoff.get("agents")).extracting(agent -> agent.get("agent").asString() + " "
                + agent.get("replies").asLong()).containsExactly("alice 1", "bob 2");
    }

    private static void assertRow(JsonNode row, long messages, long prompt, long completion, long total,
            long fallbacks, double confusion, long offers, double rate) {
        assertThat(row.get("messages").asLong()).isEqualTo(messages);
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(prompt);
        assertThat(row.get("completion_tokens").asLong()).isEqualTo(completion);
        assertThat(row.get("total_tokens").asLong()).isEqualTo(total);
        assertThat(row.get("fallbacks").asLong()).isEqualTo(fallbacks);
        assertThat(row.get("average_confusion").asDouble()).isCloseTo(confusion, within(1e-9));
        assertThat(row.get("screen_share_offers").asLong()).isEqualTo(offers);
        assertThat(row.get("screen_share_rate").asDouble()).isCloseTo(rate, within(1e-9));
    }

    private static String conversation(JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO conversations (id, user_id, created_at, updated_at) VALUES (:id, 'stats', :at, :at)")
                .param("id", id).param("at", at("2020-01-01T09:00:00Z")).update();
        return id;
    }

    private static void message(JdbcClient jdbc, String conversation, String role, String at, String provider,
            int[] tokens, Double confusion, Boolean fallback) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, provider, model, prompt_tokens,
                    completion_tokens, total_tokens, tokens_estimated, confusion_level, fallback, details)
                VALUES (:id, :conversation, :role, 'text', :at, :provider, :model, :prompt, :completion, :total,
                    :estimated, :confusion, :fallback, '{}')
                """)
                .param("id", UUID.randomUUID().toString()).param("conversation", conversation).param("role", role)
                .param("at", at(at)).param("provider", provider).param("model", provider == null ? null : "m")
                .param("prompt", tokens == null ? null : tokens[0])
                .param("completion", tokens == null ? null : tokens[1])
                .param("total", tokens == null ? null : tokens[0] + tokens[1])
                .param("estimated", tokens == null ? null : false)
                .param("confusion", confusion).param("fallback", fallback)
                .update();
    }

    /** An assistant message no provider wrote (a holding reply, or a person's), with its details. */
    private static void written(JdbcClient jdbc, String conversation, String at, String details) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, details)
                VALUES (:id, :conversation, 'assistant', 'text', :at, :details)
                """)
                .param("id", UUID.randomUUID().toString()).param("conversation", conversation)
                .param("at", at(at)).param("details", details).update();
    }

    private static void system(JdbcClient jdbc, String conversation, String at, String details) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, details)
                VALUES (:id, :conversation, 'system', 'Screen sharing', :at, :details)
                """)
                .param("id", UUID.randomUUID().toString()).param("conversation", conversation)
                .param("at", at(at)).param("details", details).update();
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
