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
 * A known history (March 2021, long before any test's own chats, and apart from {@link StatsFixture}'s
 * day) stored the way the conversation, handoff and rating tables hold it, and the outcomes it must
 * add up to in {@code GET /api/v1/stats/outcomes?days=3&to=}{@value #TO}.
 */
final class OutcomesFixture {

    static final String TO = "2021-03-04T00:00:00Z";
    static final String QUERY = "/api/v1/stats/outcomes?days=3&to=" + TO;

    private OutcomesFixture() {
    }

    static void store(JdbcClient jdbc) {
        // The AI answered and nothing was written for a day: resolved by the AI alone, rated 5.
        String ai = conversation(jdbc, "2021-03-01T10:00:00Z", "2021-03-01T10:00:01Z");
        message(jdbc, ai, "user", "2021-03-01T10:00:00Z", null, "{}");
        message(jdbc, ai, "assistant", "2021-03-01T10:00:01Z", "openai", "{}");
        rating(jdbc, ai, "ai", false, 5);
        // Still going: the AI answered within the last 24 hours of the window.
        String open = conversation(jdbc, "2021-03-03T20:00:00Z", "2021-03-03T20:00:01Z");
        message(jdbc, open, "user", "2021-03-03T20:00:00Z", null, "{}");
        message(jdbc, open, "assistant", "2021-03-03T20:00:01Z", "openai", "{}");
        // Handed over, first human reply after 10 minutes, resolved, rated 3.
        String resolved = conversation(jdbc, "2021-03-01T12:00:00Z", "2021-03-01T12:20:00Z");
        message(jdbc, resolved, "user", "2021-03-01T12:00:00Z", null, "{}");
        message(jdbc, resolved, "system", "2021-03-01T12:00:01Z", null, "{\"handoff\":{\"status\":\"waiting_for_human\",\"previous_status\":\"bot\"}}");
        message(jdbc, resolved, "assistant", "2021-03-01T12:10:01Z", null, "{\"author\":\"bob\",\"human\":true}");
        message(jdbc, resolved, "system", "2021-03-01T12:20:00Z", null, "{\"handoff\":{\"status\":\"resolved\",\"previous_status\":\"with_human\",\"by\":\"bob\"}}");
        rating(jdbc, resolved, "resolved:1", true, 3);
        // Handed over, first human reply after 20 minutes, resolved, and the customer wrote again 2 hours later.
        String reopened = conversation(jdbc, "2021-03-02T09:00:00Z", "2021-03-02T11:30:00Z");
        message(jdbc, reopened, "user", "2021-03-02T09:00:00Z", null, "{}");
        message(jdbc, reopened, "system", "2021-03-02T09:00:00Z", null, "{\"handoff\":{\"status\":\"waiting_for_human\"}}");
        message(jdbc, reopened, "assistant", "2021-03-02T09:20:00Z", null, "{\"author\":\"amy\",\"human\":true}");
        message(jdbc, reopened, "system", "2021-03-02T09:30:00Z", null, "{\"handoff\":{\"status\":\"resolved\",\"previous_status\":\"with_human\"}}");
        message(jdbc, reopened, "user", "2021-03-02T11:30:00Z", null, "{}");
        // Handed over and still waiting.
        String waiting = conversation(jdbc, "2021-03-02T15:00:00Z", "2021-03-02T15:00:01Z");
        message(jdbc, waiting, "user", "2021-03-02T15:00:00Z", null, "{}");
        message(jdbc, waiting, "system", "2021-03-02T15:00:01Z", null, "{\"handoff\":{\"status\":\"waiting_for_human\"}}");
        // Before the window: not counted.
        String before = conversation(jdbc, "2021-02-28T23:59:59Z", "2021-02-28T23:59:59Z");
        message(jdbc, before, "user", "2021-02-28T23:59:59Z", null, "{}");
    }

    static void assertReport(JsonNode report) {
        assertThat(report.get("from").asString()).isEqualTo("2021-03-01T00:00:00Z");
        assertThat(report.get("truncated").asBoolean()).isFalse();
        assertFigures(report.get("totals"), 5, 1, 1, 3, 2, 1);
        assertThat(report.get("totals").get("median_first_human_reply_seconds").asDouble()).isCloseTo(900, within(0.01));
        JsonNode days = report.get("per_day");
        assertThat(days).extracting(day -> day.get("date").asString())
                .containsExactly("2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04");
        assertFigures(days.get(0).get("figures"), 2, 1, 0, 1, 1, 0);
        assertThat(days.get(0).get("figures").get("median_first_human_reply_seconds").asDouble()).isCloseTo(600, within(0.01));
        assertFigures(days.get(1).get("figures"), 2, 0, 0, 2, 1, 1);
        assertFigures(days.get(2).get("figures"), 1, 0, 1, 0, 0, 0);
        assertThat(days.get(2).get("figures").has("median_first_human_reply_seconds")).as("no human reply, no median").isFalse();
        JsonNode ratings = report.get("ratings");
        assertThat(ratings.get("ai_only").get("count").asLong()).isEqualTo(1);
        assertThat(ratings.get("ai_only").get("average").asDouble()).isEqualTo(5.0);
        assertThat(ratings.get("human").get("count").asLong()).isEqualTo(1);
        assertThat(ratings.get("human").get("average").asDouble()).isEqualTo(3.0);
    }

    private static void assertFigures(JsonNode figures, long conversations, long resolvedByAi, long openWithAi,
            long handed, long resolvedByPerson, long reopened) {
        assertThat(figures.get("conversations").asLong()).as("conversations in %s", figures).isEqualTo(conversations);
        assertThat(figures.get("resolved_by_ai").asLong()).as("resolved by the AI in %s", figures).isEqualTo(resolvedByAi);
        assertThat(figures.get("open_with_ai").asLong()).as("open with the AI in %s", figures).isEqualTo(openWithAi);
        assertThat(figures.get("handed_to_person").asLong()).as("handed in %s", figures).isEqualTo(handed);
        assertThat(figures.get("resolved_by_person").asLong()).as("resolved in %s", figures).isEqualTo(resolvedByPerson);
        assertThat(figures.get("reopened").asLong()).as("reopened in %s", figures).isEqualTo(reopened);
    }

    private static String conversation(JdbcClient jdbc, String createdAt, String updatedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO conversations (id, user_id, created_at, updated_at) VALUES (:id, 'outcomes', :c, :u)")
                .param("id", id).param("c", at(createdAt)).param("u", at(updatedAt)).update();
        return id;
    }

    private static void message(JdbcClient jdbc, String conversation, String role, String at, String provider, String details) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, provider, details)
                VALUES (:id, :conversation, :role, 'text', :at, :provider, :details)
                """)
                .param("id", UUID.randomUUID().toString()).param("conversation", conversation).param("role", role)
                .param("at", at(at)).param("provider", provider).param("details", details).update();
    }

    private static void rating(JdbcClient jdbc, String conversation, String resolution, boolean human, int score) {
        jdbc.sql("""
                INSERT INTO conversation_ratings (conversation_id, resolution, human, score, created_at)
                VALUES (:id, :resolution, :human, :score, :at)
                """)
                .param("id", conversation).param("resolution", resolution).param("human", human).param("score", score)
                .param("at", at("2021-03-03T00:00:00Z")).update();
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
