package dev.supportassistant.handoff;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.events.ConversationEvents;
import dev.supportassistant.screenshare.ScreenShareSessions;
import dev.supportassistant.screenshare.TokenGrant;

/**
 * Who holds each conversation, and every step of handing it to a person and back: escalate, claim,
 * reply, hand back, resolve. Each step is one conditional update of the stored state (so racing
 * agents or instances cannot both win), recorded in the conversation's history as a system message
 * (who, when, why) and published as a {@code status} event. When the AI steps aside on its own is
 * {@link EscalationRules}'; what the desk reads, {@link DeskQueries}.
 */
@Service
class HandoffService {

    static final String HOLDING_REPLY = "I've asked a person from our support team to join this conversation. "
            + "They will see everything written so far, and you can keep adding details here meanwhile.";
    /** The reason of a customer's request for a person that gave none: the service's words, not theirs. */
    static final String CUSTOMER_ASKED = "The customer asked for a person";
    static final String CUSTOMER = MessageMetadata.Handoff.BY_CUSTOMER;
    static final String ASSISTANT = MessageMetadata.Handoff.BY_ASSISTANT;

    private final HandoffStore store;
    private final Conversations conversations;
    private final HandoffSummaries summaries;
    private final ConversationEvents events;
    private final ScreenShareSessions screenShare;
    private final HandoffMetrics metrics;
    private final DeskQueries desk;
    private final DeskStaffing staffing;

    HandoffService(HandoffStore store, Conversations conversations, HandoffSummaries summaries,
            ConversationEvents events, ScreenShareSessions screenShare, HandoffMetrics metrics, DeskQueries desk,
            DeskStaffing staffing) {
        this.store = store;
        this.conversations = conversations;
        this.summaries = summaries;
        this.events = events;
        this.screenShare = screenShare;
        this.metrics = metrics;
        this.desk = desk;
        this.staffing = staffing;
    }

    Handoff state(String conversationId) {
        return store.find(conversationId).orElseGet(() -> Handoff.none(conversationId));
    }

    // ------------------------------------------------------------------ the steps

    /** The result of an escalation; {@code holdingReply} is absent when a person already had it. */
    record Escalated(Handoff handoff, @Nullable ChatMessage holdingReply) {
    }

    /**
     * Hands the conversation to a person: writes the note for them, records the step, and stores the
     * one holding reply. Nothing happens when a person already holds it (or is about to).
     *
     * @param by {@code customer} or {@code assistant}
     * @throws NoDeskException nobody could take it over ({@link DeskStaffing}); nothing has changed
     */
    Escalated escalate(String conversationId, HandoffCause cause, @Nullable String reason, String by) {
        Handoff before = state(conversationId);
        if (before.status().humanSide()) {
            return new Escalated(before, null);
        }
        if (!staffing.someoneCanTakeOver()) {
            throw new NoDeskException();
        }
        boolean customersWords = SupportDesk.reasonInCustomersWords(cause.wireName(), reason);
        // Written before the state changes: the provider may take seconds, and nothing is locked meanwhile.
        String summary = summaries.write(conversations.recentMessages(conversationId), reason, customersWords);
        Instant now = now();
        if (!store.escalate(conversationId, cause, reason, summary, now)) {
            return new Escalated(state(conversationId), null);
        }
        Handoff after = state(conversationId);
        // The customer's own reason stays out of the service's sentence: the step's metadata holds it,
        // and the desk shows it apart, as theirs.
        recordStep(after, before.status(), by, reason, "Conversation handed to a person ("
                + cause.wireName().replace('_', ' ') + ")" + (reason == null || customersWords ? "." : ": " + reason));
        metrics.escalated(cause);
        ChatMessage holding = conversations.appendHoldingReply(conversationId, HOLDING_REPLY, after.note(null, ASSISTANT));
        return new Escalated(after, holding);
    }

    HandoffViews.Claim claim(String conversationId, String agent) {
        Handoff before = existing(conversationId);
        Instant now = now();
        if (!store.claim(conversationId, agent, now)) {
            Handoff current = state(conversationId);
            if (current.status() == HandoffStatus.WITH_HUMAN && agent.equals(current.claimedBy())) {
                return claimOf(current);
            }
            throw new HandoffConflictException(current.status() == HandoffStatus.WITH_HUMAN
                    ? "Conversation is already claimed by " + current.claimedBy()
                    : "Conversation is not waiting for a person (status " + current.status().wireName() + ")");
        }
        Handoff after = state(conversationId);
        recordStep(after, before.status(), agent, null, agent + " joined the conversation.");
        if (before.requestedAt() != null) {
            metrics.claimed(Duration.between(before.requestedAt(), now));
        }
        return claimOf(after);
    }

    private HandoffViews.Claim claimOf(Handoff handoff) {
        return new HandoffViews.Claim(handoff.conversationId(), handoff.status(), handoff.claimedBy(),
                handoff.claimedAt(), handoff.summary(),
                desk.customer(conversations.find(handoff.conversationId()).orElseThrow(UnknownConversationException::new)),
                screenShare.agentTokenFor(handoff.conversationId()).orElse(null));
    }

    /** The support agent's subscriber token for the conversation's latest screen-sharing session. */
    TokenGrant agentScreenShare(String conversationId) {
        existing(conversationId);
        return screenShare.agentTokenFor(conversationId).orElseThrow(NoScreenShareException::new);
    }

    /** A support agent's reply to the customer; only the agent holding the conversation may send one. */
    ChatMessage reply(String conversationId, String agent, String text) {
        Handoff current = existing(conversationId);
        if (current.status() != HandoffStatus.WITH_HUMAN || !agent.equals(current.claimedBy())) {
            throw new HandoffConflictException(current.status() == HandoffStatus.WITH_HUMAN
                    ? "Conversation is held by " + current.claimedBy() + "; only they can reply"
                    : "Claim the conversation before replying (status " + current.status().wireName() + ")");
        }
        return conversations.appendHumanReply(conversationId, agent, text.strip(), current.note(null, agent));
    }

    /**
     * Ends the person's side: {@code bot} (the AI answers again) or {@code resolved}. A waiting
     * conversation any staff member may finish; one with a person only that person, or an operator.
     *
     * @return the new state, whose {@code reason} is this step's (the stored state keeps the escalation's)
     */
    Handoff finish(String conversationId, HandoffStatus to, String by, boolean operator, @Nullable String reason) {
        Handoff before = existing(conversationId);
        Instant now = now();
        if (!store.finish(conversationId, to, operator ? null : by, now)) {
            throw new HandoffConflictException(before.status() == HandoffStatus.WITH_HUMAN
                    ? "Conversation is held by " + before.claimedBy() + "; only they (or an operator) can end it"
                    : "Conversation is not with a person (status " + before.status().wireName() + ")");
        }
        Handoff after = state(conversationId);
        String what = to == HandoffStatus.RESOLVED ? by + " resolved the conversation."
                : by + " handed the conversation back to the assistant.";
        // The staff note stays in the step's metadata, which customers are not shown; not in its text.
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        recordStep(after, before.status(), by, why, what);
        if (to == HandoffStatus.RESOLVED && before.requestedAt() != null) {
            metrics.resolved(Duration.between(before.requestedAt(), now));
        }
        return after.because(why);
    }

    // ------------------------------------------------------------------ helpers

    private Handoff existing(String conversationId) {
        if (conversations.find(conversationId).isEmpty()) {
            throw new UnknownConversationException();
        }
        return state(conversationId);
    }

    /**
     * Records a status change in the history and tells live subscribers.
     *
     * @param why the reason for this step (the escalation's, or the agent's for handing back or
     *     resolving); absent when the step needs none
     */
    private void recordStep(Handoff after, HandoffStatus before, String by, @Nullable String why, String text) {
        MessageMetadata.Handoff note = after.note(before, by, why);
        conversations.recordHandoff(after.conversationId(), text, note);
        HandoffViews.StatusChange change = new HandoffViews.StatusChange(after.conversationId(), after.status(),
                before, after.cause(), why, by, after.claimedBy(), after.statusChangedAt());
        // Customers' streams get the change without a staff member's note.
        events.publish(after.conversationId(), ConversationEvents.STATUS, change, note.bySupportStaff()
                ? new HandoffViews.StatusChange(change.conversationId(), change.status(), change.previousStatus(),
                        change.cause(), null, by, change.claimedBy(), change.at())
                : change);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
