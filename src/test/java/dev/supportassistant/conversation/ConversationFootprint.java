package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;

/**
 * A customer's conversation with something in every table a conversation reaches (messages, their
 * rating and the conversation's, events, a handoff, screen sharing, a staff note, a screenshot in it
 * and one outside any conversation), and the count
 * of its rows in every table that references it: found from the database's own catalogue, every
 * table with a {@code conversation_id} column, so that tables other features add later are counted
 * too. For the tests of retention and erasure, on H2 and PostgreSQL alike.
 */
public final class ConversationFootprint {

    /**
     * The tables {@link #conversation} puts rows in. Other tables that reference a conversation (a
     * feature's added later, say) are counted by {@link #rows} too, so a test sees them emptied.
     */
    public static final List<String> FILLED = List.of("conversations", "messages", "message_feedback",
            "conversation_events", "conversation_ratings", "handoffs", "screen_share_channels",
            "screen_share_sessions", "screenshots", "screen_errors_noticed", "staff_notes");

    private ConversationFootprint() {
    }

    /** Every table {@link #conversation} fills has rows of it. */
    public static void assertFilled(Map<String, Long> rows) {
        assertThat(rows).containsKeys(FILLED.toArray(String[]::new));
        FILLED.forEach(table -> assertThat(rows.get(table)).as(table).isPositive());
    }

    /** A customer with a token of their own, for the conversation and the screenshots. */
    public static ApiClient customer(ApiClient api, String userId) {
        return api.withBearer(CustomerTokensForTests.tokenFor(userId));
    }

    /**
     * The conversation, with a rated answer, a screenshot, a rating of the conversation, a
     * screen-sharing session, a handoff, a staff's internal note and their events.
     */
    public static String conversation(ApiClient customer, ApiClient staff, byte[] screenshot) {
        var first = customer.chat(ChatRequest.message("How do I reset my password? Write to jane.doe@example.com"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String id = first.json().get("conversation_id").asString();
        String answer = first.json().get("message").get("id").asString();
        assertThat(customer.post("/api/v1/conversation/" + id + "/messages/" + answer + "/feedback",
                "{\"rating\": \"up\", \"comment\": \"Clear\"}").status()).isEqualTo(200);
        assertThat(customer.upload("/api/v1/screenshots", "file", "screen.png", "image/png", screenshot,
                "conversation_id", id).status()).isEqualTo(200);
        assertThat(customer.post("/api/v1/conversation/" + id + "/rating", "{\"score\": 4}").status()).isEqualTo(201);
        assertThat(customer.chat(ChatRequest.message("The email never arrived").in(id)).status()).isEqualTo(200);
        assertThat(customer.post("/api/v1/conversation/" + id + "/screen-share", null).status()).isEqualTo(200);
        customer.post("/api/v1/conversation/" + id + "/handoff", "{}");
        assertThat(staff.post("/api/v1/desk/conversations/" + id + "/notes", "{\"text\": \"Called back\"}").status())
                .isEqualTo(201);
        return id;
    }

    /** A screenshot the customer shared outside any conversation. */
    public static void looseScreenshot(ApiClient customer, byte[] screenshot) {
        assertThat(customer.upload("/api/v1/screenshots", "file", "screen.png", "image/png", screenshot).status())
                .isEqualTo(200);
    }

    /** Its rows in every table with a {@code conversation_id} column, and its messages' ratings. */
    public static Map<String, Long> rows(JdbcClient jdbc, String conversationId) {
        List<String> tables = jdbc.sql("""
                SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
                WHERE LOWER(column_name) = 'conversation_id' AND LOWER(table_schema) IN ('public', 'public_')
                ORDER BY 1
                """).query(String.class).list();
        assertThat(tables).contains("messages", "conversation_events", "screenshots", "handoffs");
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("conversations", jdbc.sql("SELECT COUNT(*) FROM conversations WHERE id = :id")
                .param("id", conversationId).query(Long.class).single());
        for (String table : tables) {
            rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE conversation_id = :id")
                    .param("id", conversationId).query(Long.class).single());
        }
        rows.put("message_feedback", jdbc.sql("""
                SELECT COUNT(*) FROM message_feedback f WHERE f.message_id IN
                    (SELECT id FROM messages WHERE conversation_id = :id)
                """).param("id", conversationId).query(Long.class).single());
        return rows;
    }

    /** Its messages' ids, to look for their ratings once the messages are gone. */
    public static List<String> messageIds(JdbcClient jdbc, String conversationId) {
        return jdbc.sql("SELECT id FROM messages WHERE conversation_id = :id").param("id", conversationId)
                .query(String.class).list();
    }

    /** The ratings of these messages still stored. */
    public static long ratings(JdbcClient jdbc, List<String> messageIds) {
        return jdbc.sql("SELECT COUNT(*) FROM message_feedback WHERE message_id IN (:ids)").param("ids", messageIds)
                .query(Long.class).single();
    }

    /** The customer's screenshots outside any conversation. */
    public static long looseScreenshots(JdbcClient jdbc, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM screenshots WHERE conversation_id IS NULL AND owner_id = :userId")
                .param("userId", userId).query(Long.class).single();
    }
}
