package dev.supportassistant.handoff;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A step of a handoff, registered by the {@link Handoff} aggregate that took it and published when
 * it is saved, in the step's transaction. {@link HandoffHistory} records it in the conversation's
 * history and live events in that same transaction; {@link HandoffMetrics} counts it, and an
 * escalation's summary is put in a model's words ({@link SummaryByModel}), after the commit.
 */
public sealed interface HandoffEvent {

    /** The state after the step. */
    HandoffState handoff();

    /** The status before the step. */
    HandoffStatus previousStatus();

    /** Who took the step: {@code customer}, {@code assistant} (an automatic rule) or the agent's name. */
    String by();

    /** Why, in words, when the step was given a reason. */
    @Nullable String reason();

    /** The conversation was handed to a person. */
    record Escalated(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason)
            implements HandoffEvent {
    }

    /** A support agent took the conversation. */
    record Claimed(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason)
            implements HandoffEvent {

        /** How long the customer waited for a person, when the escalation's time is known. */
        @Nullable Duration waited() {
            return handoff.requestedAt() == null || handoff.claimedAt() == null ? null
                    : Duration.between(handoff.requestedAt(), handoff.claimedAt());
        }
    }

    /** The person's side ended with the conversation back with the AI. */
    record HandedBack(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason)
            implements HandoffEvent {
    }

    /** The customer's problem was marked solved; the AI answers their next message. */
    record Resolved(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason)
            implements HandoffEvent {

        /** How long from the escalation to the resolution, when the escalation's time is known. */
        @Nullable Duration sinceEscalation() {
            return handoff.requestedAt() == null || handoff.statusChangedAt() == null ? null
                    : Duration.between(handoff.requestedAt(), handoff.statusChangedAt());
        }
    }

    /** A resolved conversation was put back in the queue by a staff member. */
    record Reopened(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason)
            implements HandoffEvent {
    }

    /**
     * A conversation was given to another agent ({@code handoff().claimedBy()}).
     *
     * @param from who held it before, when somebody did
     */
    record Transferred(HandoffState handoff, HandoffStatus previousStatus, String by, @Nullable String reason,
            @Nullable String from) implements HandoffEvent {
    }
}
