package dev.supportassistant.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.platform.web.ControlCharacters;

/**
 * The saved replies, in SQL: listed for everyone at the desk, written by operators (the console's
 * "Saved replies" page and {@code /api/v1/desk/saved-replies}). A title is at most
 * {@value #MAX_TITLE} characters, a text at most {@value #MAX_CONTENT} (a desk reply's limit), and
 * the desk keeps at most {@value #MAX_REPLIES} of them, so the list every conversation page shows
 * stays bounded.
 */
@Service
public class SavedReplies {

    /** Filled in with how the desk names the customer. */
    public static final String CUSTOMER = "{customer}";
    /** Filled in with the name of the person inserting the reply. */
    public static final String AGENT = "{agent}";
    static final int MAX_TITLE = 100;
    static final int MAX_CONTENT = ConversationActions.MAX_REPLY_CHARS;
    static final int MAX_REPLIES = 200;

    private final JdbcClient jdbc;

    SavedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every saved reply, by title. */
    public List<SavedReply> list() {
        return jdbc.sql("SELECT id, title, content, updated_at FROM saved_replies ORDER BY LOWER(title), id LIMIT :limit")
                .param("limit", MAX_REPLIES)
                .query((rs, row) -> new SavedReply(rs.getString("id"), rs.getString("title"), rs.getString("content"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<SavedReply> find(String id) {
        return jdbc.sql("SELECT id, title, content, updated_at FROM saved_replies WHERE id = :id").param("id", id)
                .query((rs, row) -> new SavedReply(rs.getString("id"), rs.getString("title"), rs.getString("content"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** A new saved reply; 422 for a blank or too long title or text, 409 when the desk keeps the most already. */
    public SavedReply create(String title, String content) {
        SavedReply reply = checked(UUID.randomUUID().toString(), title, content);
        long held = jdbc.sql("SELECT COUNT(*) FROM saved_replies").query(Long.class).single();
        if (held >= MAX_REPLIES) {
            throw refusal(HttpStatus.CONFLICT, "The desk keeps at most " + MAX_REPLIES
                    + " saved replies; delete one first");
        }
        jdbc.sql("INSERT INTO saved_replies (id, title, content, updated_at) VALUES (:id, :title, :content, :at)")
                .param("id", reply.id()).param("title", reply.title()).param("content", reply.content())
                .param("at", OffsetDateTime.ofInstant(reply.updatedAt(), ZoneOffset.UTC)).update();
        return reply;
    }

    /** Changes a saved reply's title and text; 404 when there is none with that id. */
    public SavedReply update(String id, String title, String content) {
        SavedReply reply = checked(id, title, content);
        int changed = jdbc.sql("UPDATE saved_replies SET title = :title, content = :content, updated_at = :at WHERE id = :id")
                .param("id", id).param("title", reply.title()).param("content", reply.content())
                .param("at", OffsetDateTime.ofInstant(reply.updatedAt(), ZoneOffset.UTC)).update();
        if (changed == 0) {
            throw notFound();
        }
        return reply;
    }

    /** Deletes a saved reply; 404 when there is none with that id. */
    public SavedReply delete(String id) {
        SavedReply reply = find(id).orElseThrow(SavedReplies::notFound);
        jdbc.sql("DELETE FROM saved_replies WHERE id = :id").param("id", id).update();
        return reply;
    }

    private static SavedReply checked(String id, String title, String content) {
        String cleanTitle = title.strip();
        String cleanContent = content.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "title: must be 1 to " + MAX_TITLE + " characters");
        }
        if (cleanContent.isEmpty() || cleanContent.length() > MAX_CONTENT) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "text: must be 1 to " + MAX_CONTENT + " characters");
        }
        if (ControlCharacters.in(cleanTitle, false)) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "title: " + ControlCharacters.REFUSAL);
        }
        if (ControlCharacters.in(cleanContent, true)) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "text: " + ControlCharacters.REFUSAL_IN_TEXT);
        }
        return new SavedReply(id, cleanTitle, cleanContent, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static ErrorResponseException notFound() {
        return refusal(HttpStatus.NOT_FOUND, "Saved reply not found");
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
