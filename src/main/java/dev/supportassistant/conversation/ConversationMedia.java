package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What a feature keeps of a conversation beside its rows in the conversation's tables, such as
 * screenshots (and any file they may keep on disk): erased with the conversation, by retention
 * and on a customer's request, and on their own after {@code MEDIA_RETENTION_DAYS}. Implemented by
 * the features that keep them (screenshots), so that this module, which depends on none of them,
 * can erase a conversation whole. A feature whose rows only reference {@code conversations} with
 * {@code ON DELETE CASCADE} needs no implementation: deleting the conversation takes them.
 */
public interface ConversationMedia {

    /** The media's name in counts and in the metric's {@code what} tag, in the plural: {@code screenshots}. */
    String kind();

    /**
     * Deletes the media of these conversations, rows and files; called in the transaction that then
     * deletes the conversations.
     *
     * @return how many were deleted
     */
    int eraseOf(List<String> conversationIds);

    /** Deletes this customer's media that belong to no conversation; how many. */
    int eraseOwnedBy(String userId);

    /** Deletes the media made before {@code before}, whichever conversation they belong to; how many. */
    int eraseOlderThan(Instant before);

    /** Where each of these conversations' media is, for a customer's export. */
    List<MediaReference> references(List<String> conversationIds, String userId);

    /**
     * One item of media in a customer's export: what it is and where staff find it, not its bytes.
     *
     * @param conversationId absent for media that belong to no conversation
     * @param url where it is served ({@code /uploads/<name>.png})
     */
    record MediaReference(String kind, @org.jspecify.annotations.Nullable String conversationId, String url,
            Instant createdAt, @org.jspecify.annotations.Nullable String text) {
    }
}
