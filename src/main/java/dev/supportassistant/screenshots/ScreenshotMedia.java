package dev.supportassistant.screenshots;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.supportassistant.conversation.ConversationMedia;

/**
 * Screenshots as media of their conversation: erased with it (by retention or on the customer's
 * request), after {@code MEDIA_RETENTION_DAYS} on their own, and listed in a customer's export by
 * where they are served, not their bytes. Their bytes are in the database (see
 * V7__screenshots.sql), so deleting the rows leaves nothing on disk.
 */
@Component
class ScreenshotMedia implements ConversationMedia {

    private final JdbcClient jdbc;
    private final ScreenshotStore store;

    ScreenshotMedia(JdbcClient jdbc, ScreenshotStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public String kind() {
        return "screenshots";
    }

    @Override
    public int eraseOf(List<String> conversationIds) {
        return conversationIds.isEmpty() ? 0 : jdbc.sql("DELETE FROM screenshots WHERE conversation_id IN (:ids)")
                .param("ids", conversationIds).update();
    }

    @Override
    public int eraseOwnedBy(String userId) {
        return jdbc.sql("DELETE FROM screenshots WHERE conversation_id IS NULL AND owner_id = :userId")
                .param("userId", userId).update();
    }

    @Override
    public int eraseOlderThan(Instant before) {
        return store.deleteOlderThan(before);
    }

    @Override
    public List<MediaReference> references(List<String> conversationIds, String userId) {
        String inConversations = conversationIds.isEmpty() ? "FALSE" : "conversation_id IN (:ids)";
        var query = jdbc.sql("""
                SELECT name, conversation_id, media_type, created_at, ocr_text FROM screenshots
                WHERE %s OR (conversation_id IS NULL AND owner_id = :userId) ORDER BY created_at, name
                """.formatted(inConversations)).param("userId", userId);
        if (!conversationIds.isEmpty()) {
            query = query.param("ids", conversationIds);
        }
        return query.query((rs, row) -> new MediaReference(kind(), rs.getString("conversation_id"),
                "/uploads/" + rs.getString("name") + ("image/png".equals(rs.getString("media_type")) ? ".png" : ".jpg"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("ocr_text"))).list();
    }
}
