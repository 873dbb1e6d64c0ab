package dev.supportassistant.screenshots;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screenshots in SQL, image bytes included (see V7__screenshots.sql for why). */
@Repository
class ScreenshotStore {

    /**
     * A stored screenshot. {@code ownerId} is its conversation's owner, or the uploader's for one
     * without; absent when neither had a customer token. {@code ocrText} is absent when OCR read nothing.
     * {@code maskedImage} is the PNG copy AI providers are shown ({@link PersonalDataOnScreen}), absent
     * when nothing on it needed hiding; {@code personalDataChecked} is false for screenshots stored
     * before copies were made, which were never looked at.
     */
    record Screenshot(String name, @Nullable String conversationId, @Nullable String ownerId, String mediaType,
            int width, int height, byte[] image, @Nullable String ocrText, Instant createdAt,
            byte @Nullable [] maskedImage, boolean personalDataChecked) {
    }

    private final JdbcClient jdbc;

    ScreenshotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Screenshot screenshot) {
        jdbc.sql("""
                INSERT INTO screenshots (name, conversation_id, owner_id, media_type, width, height, image, ocr_text,
                    created_at, masked_image, personal_data_checked)
                VALUES (:name, :conversationId, :ownerId, :mediaType, :width, :height, :image, :ocrText, :createdAt,
                    :maskedImage, :checked)
                """)
                .param("maskedImage", screenshot.maskedImage())
                .param("checked", screenshot.personalDataChecked())
                .param("name", screenshot.name())
                .param("conversationId", screenshot.conversationId())
                .param("ownerId", screenshot.ownerId())
                .param("mediaType", screenshot.mediaType())
                .param("width", screenshot.width())
                .param("height", screenshot.height())
                .param("image", screenshot.image())
                .param("ocrText", screenshot.ocrText())
                .param("createdAt", OffsetDateTime.ofInstant(screenshot.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /** The screenshot, unless it is older than {@code notBefore} (expired ones are as good as gone). */
    Optional<Screenshot> find(String name, Instant notBefore) {
        return jdbc.sql("SELECT * FROM screenshots WHERE name = :name AND created_at >= :notBefore")
                .param("name", name)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .query(ScreenshotStore::screenshot)
                .optional();
    }

    /** Deletes the screenshots taken before {@code before}; how many. */
    int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM screenshots WHERE created_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    private static Screenshot screenshot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Screenshot(rs.getString("name"), rs.getString("conversation_id"), rs.getString("owner_id"),
                rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"), rs.getBytes("image"),
                rs.getString("ocr_text"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBytes("masked_image"), rs.getBoolean("personal_data_checked"));
    }
}
