package dev.supportassistant.handoff;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.events.ConversationEvents;

/**
 * Records each handoff step where people see it: a system message in the conversation's history
 * (who did what, when and why) and a live {@code status} event. Called at once, in the step's
 * transaction, and insists on one ({@code MANDATORY}): the message and the event exist exactly when
 * the state change does, so a crash can no longer leave them disagreeing.
 */
@Component
class HandoffHistory {

    private final Conversations conversations;
    private final ConversationEvents events;

    HandoffHistory(Conversations conversations, ConversationEvents events) {
        this.conversations = conversations;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(HandoffEvent step) {
        HandoffState after = step.handoff();
        String by = step.by();
        String why = step.reason();
        MessageMetadata.Handoff note = after.note(step.previousStatus(), by, why);
        conversations.recordHandoff(after.conversationId(), text(step), note);
        HandoffViews.StatusChange change = new HandoffViews.StatusChange(after.conversationId(), after.status(),
                step.previousStatus(), after.cause(), why, by, after.claimedBy(), after.statusChangedAt());
        // Customers' streams get the change without a staff member's note.
        events.publish(after.conversationId(), ConversationEvents.STATUS, change, note.bySupportStaff()
                ? new HandoffViews.StatusChange(change.conversationId(), change.status(), change.previousStatus(),
                        change.cause(), null, by, change.claimedBy(), change.at())
                : change);
    }

    /**
     * The step in the service's words. The customer's own reason stays out of them: the step's
     * metadata holds it, and the desk shows it apart, as theirs; so does a staff note.
     */
    private static String text(HandoffEvent step) {
        HandoffState after = step.handoff();
        if (step instanceof HandoffEvent.Escalated) {
            @Nullable String reason = step.reason();
            boolean customersWords = SupportDesk.reasonInCustomersWords(
                    after.cause() == null ? null : after.cause().wireName(), reason);
            return "Conversation handed to a person (" + (after.cause() == null ? "request"
                    : after.cause().wireName().replace('_', ' ')) + ")"
                    + (reason == null || customersWords ? "." : ": " + reason);
        }
        if (step instanceof HandoffEvent.Claimed) {
            return step.by() + " joined the conversation.";
        }
        if (step instanceof HandoffEvent.Reopened) {
            return step.by() + " reopened the conversation; it waits for a person.";
        }
        if (step instanceof HandoffEvent.Transferred moved) {
            return moved.by().equals(after.claimedBy()) ? after.claimedBy() + " took the conversation over"
                    + (moved.from() == null ? "." : " from " + moved.from() + ".")
                    : moved.by() + " assigned the conversation to " + after.claimedBy()
                            + (moved.from() == null || moved.from().equals(moved.by()) ? "." : " (from " + moved.from() + ").");
        }
        return step instanceof HandoffEvent.Resolved ? step.by() + " resolved the conversation."
                : step.by() + " handed the conversation back to the assistant.";
    }
}
