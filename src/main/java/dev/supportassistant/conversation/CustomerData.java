package dev.supportassistant.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's data on request, for operators: everything kept of them
 * ({@code GET /customers/{user_id}/export}, the right of access) and its erasure
 * ({@code DELETE /customers/{user_id}}, the right to erasure). A customer's conversations are those
 * started for their user id or with a token of theirs. Each request is audited in the log by the
 * operator and counts, and the customer only by a fingerprint of their id (its SHA-256's first 12 hex
 * digits), so that the log holds nothing they wrote and not even who they are, yet an auditor who
 * knows the id can find the lines.
 */
@Service
class CustomerData {

    /** Conversations in one page of an export: each holds at most {@code MAX_MESSAGES_PER_CONVERSATION} messages. */
    static final int EXPORT_PAGE = 50;

    private static final Logger log = LoggerFactory.getLogger(CustomerData.class);

    private final JdbcClient jdbc;
    private final StoredMessages messages;
    private final ConversationErasure erasure;
    private final List<ConversationMedia> media;
    private final RetentionSettings settings;
    private final Clock clock = Clock.systemUTC();

    CustomerData(JdbcClient jdbc, StoredMessages messages, ConversationErasure erasure, List<ConversationMedia> media,
            RetentionSettings settings) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.erasure = erasure;
        this.media = media;
        this.settings = settings;
    }

    /**
     * Everything kept of a customer, a page of their conversations at a time, oldest first; media
     * that belong to no conversation come with the first page.
     */
    record Export(String userId, Instant exportedAt, int page, int size, long totalConversations, boolean hasMore,
            List<ExportedConversation> conversations, List<ConversationMedia.MediaReference> otherMedia) {
    }

    /**
     * One conversation with every message as stored (their ratings included), the customer's ratings
     * of the conversation, and its media's references.
     */
    record ExportedConversation(String conversationId, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String userId,
            Instant createdAt, Instant updatedAt, List<ChatMessage> messages, List<Rating> ratings,
            List<ConversationMedia.MediaReference> media) {
    }

    /** The customer's rating of the conversation (of the AI's help, or of a person's resolution). */
    record Rating(int score, @Nullable String comment, boolean human, Instant createdAt) {
    }

    /** What an erasure deleted, by kind. */
    record Erased(String userId, Map<String, Long> deleted) {
    }

    Export export(String userId, int page, String operator) {
        long total = jdbc.sql("SELECT COUNT(*) FROM conversations WHERE user_id = :userId OR owner_id = :userId")
                .param("userId", userId).query(Long.class).single();
        List<Conversation> conversations = jdbc.sql("""
                SELECT id, user_id, owner_id, created_at, updated_at FROM conversations
                WHERE user_id = :userId OR owner_id = :userId ORDER BY created_at, id LIMIT :size OFFSET :offset
                """).param("userId", userId).param("size", EXPORT_PAGE).param("offset", (long) page * EXPORT_PAGE)
                .query((rs, row) -> new Conversation(rs.getString("id"), rs.getString("user_id"),
                        rs.getString("owner_id"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
        List<String> ids = conversations.stream().map(Conversation::id).toList();
        List<ConversationMedia.MediaReference> references = media.stream()
                .flatMap(kind -> kind.references(ids, page == 0 ? userId : "").stream()).toList();
        List<ExportedConversation> exported = new ArrayList<>(conversations.size());
        long messageCount = 0;
        for (Conversation conversation : conversations) {
            List<ChatMessage> all = messages.all(conversation.id());
            messageCount += all.size();
            List<Rating> ratings = jdbc.sql("""
                    SELECT score, comment, human, created_at FROM conversation_ratings WHERE conversation_id = :id
                    ORDER BY created_at
                    """).param("id", conversation.id()).query((rs, row) -> new Rating(rs.getInt("score"),
                    rs.getString("comment"), rs.getBoolean("human"),
                    rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant())).list();
            exported.add(new ExportedConversation(conversation.id(), conversation.userId(), conversation.createdAt(),
                    conversation.updatedAt(), all, ratings, references.stream()
                            .filter(reference -> conversation.id().equals(reference.conversationId())).toList()));
        }
        List<ConversationMedia.MediaReference> loose = references.stream()
                .filter(reference -> reference.conversationId() == null).toList();
        log.info("Customer data exported by {}: customer {}, page {}, {} conversations, {} messages, {} media",
                operator, fingerprint(userId), page, exported.size(), messageCount, references.size());
        return new Export(userId, clock.instant(), page, EXPORT_PAGE, total,
                (long) (page + 1) * EXPORT_PAGE < total, exported, loose);
    }

    Erased erase(String userId, String operator) {
        ConversationErasure.Removed removed = erasure.ofCustomer(userId, settings.batchSize());
        Map<String, Long> deleted = new java.util.LinkedHashMap<>();
        Stream.concat(Stream.of("conversations", "messages", "ratings", "conversation_ratings", "notes", "events"), media.stream().map(ConversationMedia::kind))
                .forEach(what -> deleted.put(what, removed.of(what)));
        log.info("Customer data erased by {}: customer {}, deleted {}", operator, fingerprint(userId), deleted);
        return new Erased(userId, deleted);
    }

    /** The first 12 hex digits of the id's SHA-256: enough to find a request's lines, not to read the id. */
    static String fingerprint(String userId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException never) {
            throw new IllegalStateException(never);
        }
    }
}
