package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;

/**
 * A conversation's handoff state at one moment, as the desk, the customer and live streams see it
 * (a snapshot of the {@link Handoff} aggregate).
 *
 * @param cause what escalated it last
 * @param reason why, in words
 * @param summary the note for the person taking over, written when it was escalated
 * @param claimedBy the agent holding it, while {@code with_human}
 * @param requestedAt when it was last escalated
 */
public record HandoffState(String conversationId, HandoffStatus status, @Nullable HandoffCause cause,
        @Nullable String reason, @Nullable String summary, @Nullable String claimedBy, @Nullable Instant requestedAt,
        @Nullable Instant claimedAt, @Nullable Instant statusChangedAt) {

    /** The state of a conversation that was never handed to a person: the AI answers. */
    static HandoffState none(String conversationId) {
        return new HandoffState(conversationId, HandoffStatus.BOT, null, null, null, null, null, null, null);
    }

    /**
     * The state as a customer's turn read it ({@link TurnContext.HandoffRow}): who holds it and why;
     * the AI, when the conversation was never handed to a person.
     */
    static HandoffState of(String conversationId, TurnContext.@Nullable HandoffRow row) {
        if (row == null) {
            return none(conversationId);
        }
        return new HandoffState(conversationId, HandoffStatus.fromWireName(row.status()).orElseThrow(),
                row.cause() == null ? null : HandoffCause.valueOf(row.cause().toUpperCase(Locale.ROOT)), row.reason(),
                null, row.claimedBy(), null, null, null);
    }

    /** The same state, explained by another reason: the one given for the step that led to it. */
    HandoffState because(@Nullable String stepReason) {
        return new HandoffState(conversationId, status, cause, stepReason, summary, claimedBy, requestedAt, claimedAt,
                statusChangedAt);
    }

    /** This state as a message about it records it, explained by the state's own reason. */
    MessageMetadata.Handoff note(@Nullable HandoffStatus previous, @Nullable String by) {
        return note(previous, by, reason);
    }

    /**
     * @param previous the status before the step the message records, when it records a step
     * @param by who took the step: {@code customer}, {@code assistant} or the agent's name
     * @param why the step's reason
     */
    MessageMetadata.Handoff note(@Nullable HandoffStatus previous, @Nullable String by, @Nullable String why) {
        return new MessageMetadata.Handoff(status.wireName(), previous == null ? null : previous.wireName(),
                cause == null ? null : cause.wireName(), why, by);
    }
}
