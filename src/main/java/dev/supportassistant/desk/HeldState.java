package dev.supportassistant.desk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.handoff.HandoffState;
import dev.supportassistant.handoff.HandoffStatus;
import dev.supportassistant.handoff.SupportDesk;

/**
 * Who holds a conversation, in words, and what the signed-in person may do with it: claim a
 * waiting one; reply to one they hold; hand back or resolve one that waits or that they hold (an
 * operator also one someone else holds), as the handoff rules allow; reopen a resolved one; assign
 * one that waits, or that they hold, to another agent.
 *
 * @param status the wire name, for styles and tests: {@code bot}, {@code waiting_for_human}, ...
 * @param statusText the status in words ("Waiting for a person", "Held by you")
 * @param reasonByCustomer whether {@code reason} is the customer's own words, shown quoted as theirs
 */
record HeldState(String status, String statusText, @Nullable String holder, @Nullable String cause,
        @Nullable String reason, boolean reasonByCustomer, @Nullable String summary, boolean summaryByAi,
        @Nullable Instant requestedAt, boolean canClaim, boolean canReply, boolean canFinish, boolean canReopen,
        boolean canAssign) {

    static HeldState of(HandoffState handoff, SignedIn me) {
        HandoffStatus status = handoff.status();
        boolean mine = status == HandoffStatus.WITH_HUMAN && me.name().equals(handoff.claimedBy());
        // Ending it, or giving it to someone else: a waiting one, one's own, or as an operator any a person holds.
        boolean mayMove = status == HandoffStatus.WAITING_FOR_HUMAN || mine
                || (status == HandoffStatus.WITH_HUMAN && me.operator());
        String text = switch (status) {
            case BOT -> "The AI assistant answers";
            case WAITING_FOR_HUMAN -> "Waiting for a person";
            case WITH_HUMAN -> mine ? "Held by you (" + me.name() + ")" : "Held by " + handoff.claimedBy();
            case RESOLVED -> "Resolved";
        };
        return new HeldState(status.wireName(), text, handoff.claimedBy(),
                handoff.cause() == null ? null : handoff.cause().wireName().replace('_', ' '), handoff.reason(),
                SupportDesk.reasonInCustomersWords(handoff.cause() == null ? null : handoff.cause().wireName(),
                        handoff.reason()),
                SupportDesk.summaryText(handoff.summary()), SupportDesk.writtenByAi(handoff.summary()),
                handoff.requestedAt(), status == HandoffStatus.WAITING_FOR_HUMAN, mine, mayMove,
                status == HandoffStatus.RESOLVED, mayMove);
    }
}
