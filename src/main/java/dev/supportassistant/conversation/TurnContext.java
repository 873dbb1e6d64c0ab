package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a customer's turn needs to know about the conversation it continues, read in one statement
 * ({@link Conversations#forTurn}): the conversation, how many messages it holds, its latest
 * messages, who holds it, and its newest screenshot. The turn reads nothing else before it stores
 * the customer's message.
 *
 * @param recent the latest messages, oldest first: as many as a turn reads ({@code HISTORY_CONTEXT_MESSAGES})
 * @param handoff who holds it, as the handoff module stored it; absent when it was never handed to a person
 * @param screenshot the newest screenshot shared in it, if any (whether it is still kept is the
 *     screenshots module's to say)
 */
public record TurnContext(Conversation conversation, Conversations.Counts counts, List<ChatMessage> recent,
        @Nullable HandoffRow handoff, @Nullable ScreenshotReference screenshot) {

    public TurnContext {
        recent = List.copyOf(recent);
    }

    /** The context of a conversation this turn starts: nothing stored yet. */
    public static TurnContext starting(Conversation conversation) {
        return new TurnContext(conversation, Conversations.Counts.NONE, List.of(), null, null);
    }

    /** Whether the conversation is stored already (this turn continues it) rather than started by this turn. */
    public boolean continued() {
        return counts.messages() > 0;
    }

    /**
     * The conversation's row in {@code handoffs}, in the handoff module's wire names; the handoff
     * module reads it as its state.
     *
     * @param status {@code bot}, {@code waiting_for_human}, {@code with_human} or {@code resolved}
     */
    public record HandoffRow(String status, @Nullable String cause, @Nullable String reason,
            @Nullable String claimedBy) {
    }

    /** A screenshot shared in the conversation: its name ({@code /uploads/<name>.png}) and when it was taken. */
    public record ScreenshotReference(String name, Instant takenAt) {
    }
}
