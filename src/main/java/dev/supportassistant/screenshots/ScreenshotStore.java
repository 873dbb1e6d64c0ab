package dev.supportassistant.screenshots;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Screenshots in SQL, image bytes included (see V7__screenshots.sql for why), with their
 * fingerprints and the words OCR read on them, boxes included, as JSON (V15_1__screen_guidance.sql).
 */
@Repository
class ScreenshotStore {

    /**
     * A stored screenshot. {@code ownerId} is its conversation's owner, or the uploader's for one
     * without; absent when neither had a customer token. {@code ocrText} is absent when OCR read nothing.
     * {@code fingerprint} ({@link dev.supportassistant.screenshots.guidance.ScreenFingerprint#encoded})
     * and {@code screen} are absent on screenshots stored by earlier versions.
     * {@code maskedImage} is the PNG copy AI providers are shown ({@link PersonalDataOnScreen}), absent
     * when nothing on it needed hiding; {@code personalDataChecked} is false for screenshots stored
     * before copies were made, which were never looked at.
     */
    record Screenshot(String name, @Nullable String conversationId, @Nullable String ownerId, String mediaType,
            int width, int height, byte[] image, @Nullable String ocrText, Instant createdAt,
            @Nullable String fingerprint, @Nullable ScreenText screen, byte @Nullable [] maskedImage,
            boolean personalDataChecked) {
    }

    /** A conversation's latest screenshot, without its image: what the next capture is compared with. */
    record Latest(String name, @Nullable String fingerprint, @Nullable String ocrText, @Nullable ScreenText screen) {
    }

    /** The lines OCR read, as {@code screen_words} holds them (the words and text follow from them). */
    record StoredLines(List<ScreenText.Line> lines) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScreenshotStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(Screenshot screenshot) {
        jdbc.sql("""
                INSERT INTO screenshots (name, conversation_id, owner_id, media_type, width, height, image, ocr_text,
                    created_at, fingerprint, screen_words, masked_image, personal_data_checked)
                VALUES (:name, :conversationId, :ownerId, :mediaType, :width, :height, :image, :ocrText, :createdAt,
                    :fingerprint, :screenWords, :maskedImage, :checked)
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
                .param("fingerprint", screenshot.fingerprint())
                .param("screenWords", screenshot.screen() == null ? null
                        : json.writeValueAsString(new StoredLines(screenshot.screen().lines())))
                .update();
    }

    /** The screenshot, unless it is older than {@code notBefore} (expired ones are as good as gone). */
    Optional<Screenshot> find(String name, Instant notBefore) {
        return jdbc.sql("SELECT * FROM screenshots WHERE name = :name AND created_at >= :notBefore")
                .param("name", name)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .query((rs, row) -> new Screenshot(rs.getString("name"), rs.getString("conversation_id"),
                        rs.getString("owner_id"), rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"),
                        rs.getBytes("image"), rs.getString("ocr_text"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("fingerprint"),
                        screen(rs.getString("screen_words")), rs.getBytes("masked_image"),
                        rs.getBoolean("personal_data_checked")))
                .optional();
    }

    /** A screenshot's address and what OCR read on it, boxes included. */
    record Read(String url, ScreenText screen) {
    }

    /** What OCR read on the screenshot, unless it is older than {@code notBefore} or its words were not kept. */
    Optional<Read> screen(String name, Instant notBefore) {
        return jdbc.sql("""
                SELECT media_type, screen_words FROM screenshots WHERE name = :name AND created_at >= :notBefore
                """)
                .param("name", name)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .query((rs, row) -> {
                    ScreenText screen = screen(rs.getString("screen_words"));
                    return Optional.ofNullable(screen == null ? null
                            : new Read(ScreenshotService.url(name, rs.getString("media_type")), screen));
                })
                .optional().flatMap(found -> found);
    }

    /** The conversation's newest screenshot not older than {@code notBefore}, without its image. */
    Optional<Latest> latestIn(String conversationId, Instant notBefore) {
        return jdbc.sql("""
                SELECT name, fingerprint, ocr_text, screen_words FROM screenshots
                WHERE conversation_id = :conversationId AND created_at >= :notBefore
                ORDER BY created_at DESC, name
                FETCH FIRST 1 ROWS ONLY
                """)
                .param("conversationId", conversationId)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .query((rs, row) -> new Latest(rs.getString("name"), rs.getString("fingerprint"),
                        rs.getString("ocr_text"), screen(rs.getString("screen_words"))))
                .optional();
    }

    /** Deletes the screenshots taken before {@code before}; how many. */
    int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM screenshots WHERE created_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    private @Nullable ScreenText screen(@Nullable String words) {
        return words == null ? null : ScreenText.of(json.readValue(words, StoredLines.class).lines());
    }
}
