package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.List;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.screenshare.TokenGrant;

/** The JSON bodies of the handoff endpoints and events. */
public final class HandoffViews {

    private HandoffViews() {
    }

    /** A conversation's handoff state as the customer sees it (without the note for staff). */
    public record State(String conversationId, HandoffStatus status, HandoffCause cause, String reason, String claimedBy,
            Instant requestedAt, Instant claimedAt, Instant statusChangedAt) {

        static State of(Handoff handoff) {
            return new State(handoff.conversationId(), handoff.status(), handoff.cause(), handoff.reason(),
                    handoff.claimedBy(), handoff.requestedAt(), handoff.claimedAt(), handoff.statusChangedAt());
        }
    }

    /**
     * A {@code status} event: who changed the conversation's status, from what, why and when.
     *
     * @param by {@code customer}, {@code assistant} (an automatic rule) or the agent's name
     */
    public record StatusChange(String conversationId, HandoffStatus status, HandoffStatus previousStatus, HandoffCause cause,
            String reason, String by, String claimedBy, Instant at) {
    }

    /**
     * The answer to the customer's handoff button.
     *
     * @param message the holding reply stored for this escalation; null when the conversation was
     *     already waiting for (or with) a person
     */
    public record Escalation(String conversationId, HandoffStatus status, HandoffCause cause, String reason,
            Instant requestedAt, ChatMessage message) {
    }

    /**
     * Who the customer is, as far as the service knows, for the desk.
     *
     * @param userId the user id the conversation was started for: the token's subject, or whatever
     *     the chat request's body said
     * @param userIdVerified true only when a customer token proved it; a body's {@code user_id} is a
     *     claim anyone can make ("ceo@bigcorp.com")
     * @param tokenSubject the subject of the customer token that started the conversation; null without one
     * @param firstMessage what the customer wrote first, in their own words: beside the summary,
     *     which an AI may have written from (and been steered by) the customer's text
     */
    public record Customer(String userId, boolean userIdVerified, String tokenSubject, String firstMessage) {

        static Customer of(Conversation conversation, String firstMessage) {
            return new Customer(conversation.userId(), conversation.ownerId() != null, conversation.ownerId(),
                    firstMessage);
        }
    }

    /**
     * A conversation in the desk's queue.
     *
     * @param confusionLevel the confusion level of the customer's latest message
     * @param lastMessages the latest customer and assistant messages, oldest first
     */
    public record QueueEntry(String conversationId, String userId, Customer customer, HandoffStatus status,
            HandoffCause cause, String reason, String summary, String claimedBy, Instant requestedAt,
            Instant claimedAt, long waitingSeconds, Double confusionLevel, List<String> confusionSignals,
            List<ChatMessage> lastMessages) {
    }

    /** The desk's queue, oldest request first. */
    public record Queue(HandoffStatus status, List<QueueEntry> conversations) {
    }

    /** One conversation for the desk: who the customer is, its handoff state with the note, and every message. */
    public record DeskConversation(String conversationId, String userId, Customer customer, Handoff handoff,
            List<ChatMessage> messages) {
    }

    /**
     * A successful claim.
     *
     * @param screenShare the agent's subscriber token for the conversation's screen-sharing channel,
     *     when the customer has started screen sharing; null otherwise
     */
    public record Claim(String conversationId, HandoffStatus status, String claimedBy, Instant claimedAt, String summary,
            Customer customer, TokenGrant screenShare) {
    }
}
