package dev.supportassistant.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.supportassistant.privacy.PersonalData;

/**
 * Internal notes staff leave on a conversation: read by staff at the desk, and by the AI only
 * when it writes a draft for staff; never by the customer, never in the AI's turns with them.
 *
 * <p>Why a table of its own ({@code staff_notes}) rather than one more kind of
 * {@link MessageMetadata}: every path to the customer or a provider (the customer's
 * {@code GET /conversation/{id}} and its pages, the live events, which are published as messages
 * are stored ({@link MessageStored}), the turn's one read ({@link TurnContext}), the handoff
 * summary, message counts and caps, statistics) reads the {@code messages} table. A note kept there
 * would have to be filtered out on each of them, now and on every path added later; kept here, a
 * note reaches only the code that asks this class for it by name. The rule "never to the customer,
 * never to the provider" is then this one place, and cannot be forgotten elsewhere.
 *
 * <p>A note is at most {@value #MAX_CHARS} characters, a conversation holds at most
 * {@value #MAX_PER_CONVERSATION} of them, and each read is bounded by that cap.
 */
@Service
public class StaffNotes {

    /** The longest note, in characters. */
    public static final int MAX_CHARS = 2000;
    /** The most notes one conversation holds. */
    public static final int MAX_PER_CONVERSATION = 200;

    private final JdbcClient jdbc;
    private final ConversationStore conversations;
    private final PersonalData personalData;

    StaffNotes(JdbcClient jdbc, ConversationStore conversations, PersonalData personalData) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.personalData = personalData;
    }

    /**
     * Adds a note to a conversation.
     *
     * @throws ConversationRefusal 404 when there is no such conversation, 422 for a blank or too long
     *     note, 409 when the conversation holds {@value #MAX_PER_CONVERSATION} notes already
     */
    @Transactional
    public StaffNote add(String conversationId, String author, String text) {
        String content = text.strip();
        if (content.isEmpty()) {
            throw ConversationRefusal.invalid("text: write a note before adding it");
        }
        if (content.length() > MAX_CHARS) {
            throw ConversationRefusal.invalid("text: a note has at most " + MAX_CHARS + " characters; this one has "
                    + content.length());
        }
        conversations.find(conversationId).orElseThrow(ConversationRefusal::notFound);
        long held = jdbc.sql("SELECT COUNT(*) FROM staff_notes WHERE conversation_id = :id")
                .param("id", conversationId).query(Long.class).single();
        if (held >= MAX_PER_CONVERSATION) {
            throw ConversationRefusal.full("This conversation holds " + MAX_PER_CONVERSATION
                    + " notes already, the most it keeps");
        }
        // Kept as the customer's messages are (PII_STORE_MASKED): a note often repeats what they wrote.
        StaffNote note = new StaffNote(UUID.randomUUID().toString(), conversationId, author,
                personalData.forStorage(content), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("""
                INSERT INTO staff_notes (id, conversation_id, author, content, created_at)
                VALUES (:id, :conversationId, :author, :content, :createdAt)
                """)
                .param("id", note.id()).param("conversationId", conversationId).param("author", author)
                .param("content", note.content()).param("createdAt", OffsetDateTime.ofInstant(note.createdAt(), ZoneOffset.UTC))
                .update();
        return note;
    }

    /** The conversation's notes, oldest first; none for a conversation that does not exist. */
    public List<StaffNote> of(String conversationId) {
        List<StaffNote> newest = new ArrayList<>(jdbc.sql("""
                SELECT id, conversation_id, author, content, created_at FROM staff_notes
                WHERE conversation_id = :id ORDER BY created_at DESC, id LIMIT :limit
                """)
                .param("id", conversationId).param("limit", MAX_PER_CONVERSATION)
                .query((rs, row) -> new StaffNote(rs.getString("id"), rs.getString("conversation_id"),
                        rs.getString("author"), rs.getString("content"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list());
        Collections.reverse(newest);
        return List.copyOf(newest);
    }
}
