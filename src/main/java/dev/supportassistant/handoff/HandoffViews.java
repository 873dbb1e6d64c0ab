package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.screenshare.TokenGrant;

/** The JSON bodies of the handoff endpoints and events. */
public final class HandoffViews {

    private HandoffViews() {
    }

    /** A conversation's handoff state as the customer sees it (without the note for staff). */
    public record State(String conversationId, HandoffStatus status, @Nullable HandoffCause cause,
            @Nullable String reason, @Nullable String claimedBy, @Nullable Instant requestedAt,
            @Nullable Instant claimedAt, @Nullable Instant statusChangedAt) {

        static State of(HandoffState handoff) {
            return new State(handoff.conversationId(), handoff.status(), handoff.cause(), handoff.reason(),
                    handoff.claimedBy(), handoff.requestedAt(), handoff.claimedAt(), handoff.statusChangedAt());
        }
    }

    /**
     * A {@code status} event: who changed the conversation's status, from what, why and when.
     *
     * @param by {@code customer}, {@code assistant} (an automatic rule) or the agent's name
     */
    public record StatusChange(String conversationId, HandoffStatus status, HandoffStatus previousStatus,
            @Nullable HandoffCause cause, @Nullable String reason, String by, @Nullable String claimedBy, Instant at) {
    }

    /**
     * The answer to the customer's handoff button.
     *
     * @param message the holding reply stored for this escalation; absent when the conversation was
     *     already waiting for (or with) a person
     */
    public record Escalation(String conversationId, HandoffStatus status, @Nullable HandoffCause cause,
            @Nullable String reason, @Nullable Instant requestedAt, @Nullable ChatMessage message) {
    }

    /**
     * Who the customer is, as far as the service knows, for the desk.
     *
     * @param userId the user id the conversation was started for: the token's subject, or whatever
     *     the chat request's body said
     * @param userIdVerified true only when a customer token proved it; a body's {@code user_id} is a
     *     claim anyone can make ("ceo@bigcorp.com")
     * @param tokenSubject the subject of the customer token that started the conversation, if one did
     * @param firstMessage what the customer wrote first, in their own words (if anything yet): beside
     *     the summary, which an AI may have written from (and been steered by) the customer's text
     */
    public record Customer(@Nullable String userId, boolean userIdVerified, @Nullable String tokenSubject,
            @Nullable String firstMessage) {

        static Customer of(Conversation conversation, @Nullable String firstMessage) {
            return new Customer(conversation.userId(), conversation.ownerId() != null, conversation.ownerId(),
                    firstMessage);
        }
    }

    /**
     * A conversation in the desk's queue.
     *
     * @param confusionLevel the confusion level of the customer's latest message
     * @param lastMessages the latest customer and assistant messages, oldest first
     * @param afterHours whether it was handed over outside {@code DESK_HOURS}, so the AI answers meanwhile
     */
    public record QueueEntry(String conversationId, @Nullable String userId, Customer customer, HandoffStatus status,
            @Nullable HandoffCause cause, @Nullable String reason, @Nullable String summary,
            @Nullable String claimedBy, @Nullable Instant requestedAt, @Nullable Instant claimedAt,
            long waitingSeconds, @Nullable Double confusionLevel, @Nullable List<String> confusionSignals,
            List<ChatMessage> lastMessages, boolean afterHours) {
    }

    /**
     * A conversation in the desk's list of every conversation.
     *
     * @param userId the customer's id, as the conversation was started for it
     * @param userIdVerified whether a customer token proved it
     * @param status who holds it: {@code bot} also for a conversation never handed to a person
     * @param lastMessageByCustomer whether the customer wrote {@code lastMessage} (else the AI or a person)
     * @param lastMessage the latest message of the customer, the AI or a person (not the service's
     *     notes), cut to 400 characters
     * @param lastActivity when anything was last written in it
     * @param afterHours whether it waits for a person since outside {@code DESK_HOURS}
     */
    public record ListedConversation(String conversationId, @Nullable String userId, boolean userIdVerified,
            HandoffStatus status, @Nullable String claimedBy, boolean lastMessageByCustomer, @Nullable String lastMessage,
            Instant lastActivity,
            boolean afterHours) {
    }

    /**
     * One page of the desk's list of every conversation, most recently active first.
     *
     * @param status the filter, when there is one
     * @param query what was searched for, when something was
     * @param page the page's number, from 0
     * @param hasMore whether there is a next page
     */
    public record ConversationList(@Nullable HandoffStatus status, @Nullable String query, int page, int pageSize,
            boolean hasMore, List<ListedConversation> conversations) {
    }

    /** The desk's queue, oldest request first. */
    public record Queue(HandoffStatus status, List<QueueEntry> conversations) {
    }

    /** One conversation for the desk: who the customer is, its handoff state with the note, and every message. */
    public record DeskConversation(String conversationId, @Nullable String userId, Customer customer, HandoffState handoff,
            List<ChatMessage> messages) {
    }

    /**
     * A successful claim.
     *
     * @param screenShare the agent's subscriber token for the conversation's screen-sharing channel,
     *     when the customer has started screen sharing
     */
    public record Claim(String conversationId, HandoffStatus status, String claimedBy, Instant claimedAt, String summary,
            Customer customer, @Nullable TokenGrant screenShare) {
    }
}
