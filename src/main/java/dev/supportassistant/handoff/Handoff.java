package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who holds a conversation, as an aggregate: its methods are the only way its state changes, each
 * guards its transition (a step the rules do not allow is refused with a
 * {@link HandoffConflictException}, 409, saying why) and registers what happened as a
 * {@link HandoffEvent}. {@code bot} or {@code resolved} → {@code waiting_for_human} (escalate) →
 * {@code with_human} (claim) → {@code bot} (hand back) or {@code resolved} (resolve); a waiting
 * conversation may be handed back or resolved too, a resolved one reopened (back to waiting), and
 * one with a person (or waiting) transferred to another agent.
 *
 * <p>Saved with its {@code version} ({@link HandoffStore#save}): two agents or instances that load
 * the same state and both change it cannot both win; the loser's step is taken again on the state
 * the winner left, where the rules decide (the second claim gets its 409).
 */
final class Handoff {

    private final String conversationId;
    /** The version it was loaded at; 0 for one that was never stored. */
    private final long version;
    private HandoffStatus status;
    private @Nullable HandoffCause cause;
    private @Nullable String reason;
    private @Nullable String summary;
    private @Nullable String claimedBy;
    private @Nullable Instant requestedAt;
    private @Nullable Instant claimedAt;
    private @Nullable Instant statusChangedAt;
    private boolean changed;
    private final List<HandoffEvent> events = new ArrayList<>();

    Handoff(HandoffState state, long version) {
        this.conversationId = state.conversationId();
        this.version = version;
        this.status = state.status();
        this.cause = state.cause();
        this.reason = state.reason();
        this.summary = state.summary();
        this.claimedBy = state.claimedBy();
        this.requestedAt = state.requestedAt();
        this.claimedAt = state.claimedAt();
        this.statusChangedAt = state.statusChangedAt();
    }

    /** A conversation never handed to a person: the AI holds it, and nothing is stored yet. */
    static Handoff none(String conversationId) {
        return new Handoff(HandoffState.none(conversationId), 0);
    }

    HandoffState state() {
        return new HandoffState(conversationId, status, cause, reason, summary, claimedBy, requestedAt, claimedAt,
                statusChangedAt);
    }

    long version() {
        return version;
    }

    /** Whether a step changed it since it was loaded, so that it is to be saved. */
    boolean changed() {
        return changed;
    }

    /** What happened since it was loaded, oldest first. */
    List<HandoffEvent> events() {
        return List.copyOf(events);
    }

    /** Whether a person holds it or is about to, so that the AI stays silent. */
    boolean heldByPerson() {
        return status.humanSide();
    }

    /**
     * Hands it to a person, with the note they read first.
     *
     * @param by {@code customer} or {@code assistant}
     * @throws HandoffConflictException a person already holds it or is about to
     */
    void escalate(HandoffCause why, @Nullable String because, String note, String by, Instant now) {
        if (heldByPerson()) {
            throw new HandoffConflictException("Conversation is already " + (status == HandoffStatus.WITH_HUMAN
                    ? "with " + claimedBy : "waiting for a person"));
        }
        HandoffStatus before = status;
        status = HandoffStatus.WAITING_FOR_HUMAN;
        cause = why;
        reason = because;
        summary = note;
        claimedBy = null;
        requestedAt = now;
        claimedAt = null;
        statusChangedAt = now;
        record(new HandoffEvent.Escalated(state(), before, by, because));
    }

    /**
     * Gives it to {@code agent}. Claiming again what one holds already changes nothing.
     *
     * @throws HandoffConflictException another agent holds it, or it is not waiting for a person
     */
    void claim(String agent, Instant now) {
        if (status == HandoffStatus.WITH_HUMAN && agent.equals(claimedBy)) {
            return;
        }
        if (status != HandoffStatus.WAITING_FOR_HUMAN) {
            throw new HandoffConflictException(status == HandoffStatus.WITH_HUMAN
                    ? "Conversation is already claimed by " + claimedBy
                    : "Conversation is not waiting for a person (status " + status.wireName() + ")");
        }
        HandoffStatus before = status;
        status = HandoffStatus.WITH_HUMAN;
        claimedBy = agent;
        claimedAt = now;
        statusChangedAt = now;
        record(new HandoffEvent.Claimed(state(), before, agent, null));
    }

    /**
     * Lets {@code agent} reply to the customer: only the agent holding it may. Counts as a change,
     * so that a reply racing a hand-back is decided as the hand-back and the claim are.
     *
     * @throws HandoffConflictException someone else holds it, or nobody does
     */
    void reply(String agent) {
        if (status != HandoffStatus.WITH_HUMAN || !agent.equals(claimedBy)) {
            throw new HandoffConflictException(status == HandoffStatus.WITH_HUMAN
                    ? "Conversation is held by " + claimedBy + "; only they can reply"
                    : "Claim the conversation before replying (status " + status.wireName() + ")");
        }
        changed = true;
    }

    /**
     * Gives it back to the AI, which answers the customer's next message.
     *
     * @param operator whether {@code by} may end a conversation someone else holds
     * @param because the step's reason, a staff note
     */
    void handBack(String by, boolean operator, @Nullable String because, Instant now) {
        HandoffStatus before = finish(HandoffStatus.BOT, by, operator, now);
        record(new HandoffEvent.HandedBack(state(), before, by, because));
    }

    /** Marks the customer's problem solved; otherwise as {@link #handBack}. */
    void resolve(String by, boolean operator, @Nullable String because, Instant now) {
        HandoffStatus before = finish(HandoffStatus.RESOLVED, by, operator, now);
        record(new HandoffEvent.Resolved(state(), before, by, because));
    }

    /**
     * Puts a resolved conversation back in the queue, waiting for a person, as if it was escalated
     * now (it keeps the cause, reason and note of its last escalation).
     *
     * @throws HandoffConflictException it is not resolved
     */
    void reopen(String by, Instant now) {
        if (status != HandoffStatus.RESOLVED) {
            throw new HandoffConflictException("Only a resolved conversation can be reopened (status "
                    + status.wireName() + ")");
        }
        HandoffStatus before = status;
        status = HandoffStatus.WAITING_FOR_HUMAN;
        claimedBy = null;
        requestedAt = now;
        claimedAt = null;
        statusChangedAt = now;
        record(new HandoffEvent.Reopened(state(), before, by, null));
    }

    /**
     * Gives a conversation with a person, or waiting for one, to agent {@code to}: the holder (or an
     * operator) may pass on what they hold; anyone may assign a waiting one.
     *
     * @param to an enabled agent's name, checked by the caller
     * @throws HandoffConflictException it is not with or waiting for a person, {@code to} holds it
     *     already, or {@code by} may not move it
     */
    void transfer(String to, String by, boolean operator, Instant now) {
        if (!heldByPerson()) {
            throw new HandoffConflictException("Only a conversation with or waiting for a person can be assigned "
                    + "(status " + status.wireName() + ")");
        }
        if (status == HandoffStatus.WITH_HUMAN && to.equals(claimedBy)) {
            throw new HandoffConflictException("Conversation is already with " + to);
        }
        if (status == HandoffStatus.WITH_HUMAN && !operator && !by.equals(claimedBy)) {
            throw new HandoffConflictException("Conversation is held by " + claimedBy
                    + "; only they (or an operator) can assign it to someone else");
        }
        HandoffStatus before = status;
        String from = claimedBy;
        status = HandoffStatus.WITH_HUMAN;
        claimedBy = to;
        claimedAt = now;
        statusChangedAt = now;
        record(new HandoffEvent.Transferred(state(), before, by, null, from));
    }

    /**
     * Puts a model's summary in place of the note written at the escalation, unless it was escalated
     * again since (then the note belongs to another escalation).
     *
     * @return whether it took it
     */
    boolean summarized(Instant escalatedAt, String byModel) {
        if (!escalatedAt.equals(requestedAt)) {
            return false;
        }
        summary = byModel;
        changed = true;
        return true;
    }

    /** A waiting conversation any staff member may finish; one with a person, only that person or an operator. */
    private HandoffStatus finish(HandoffStatus to, String by, boolean operator, Instant now) {
        boolean allowed = status == HandoffStatus.WAITING_FOR_HUMAN
                || status == HandoffStatus.WITH_HUMAN && (operator || by.equals(claimedBy));
        if (!allowed) {
            throw new HandoffConflictException(status == HandoffStatus.WITH_HUMAN
                    ? "Conversation is held by " + claimedBy + "; only they (or an operator) can end it"
                    : "Conversation is not with a person (status " + status.wireName() + ")");
        }
        HandoffStatus before = status;
        status = to;
        claimedBy = null;
        statusChangedAt = now;
        return before;
    }

    private void record(HandoffEvent event) {
        changed = true;
        events.add(event);
    }
}
