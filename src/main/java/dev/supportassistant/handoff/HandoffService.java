package dev.supportassistant.handoff;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.screenshare.ScreenShareSessions;
import dev.supportassistant.screenshare.TokenGrant;

/**
 * Every step of handing a conversation to a person and back: escalate, claim, reply, hand back,
 * resolve, reopen, transfer. Each step is one transaction: the {@link Handoff} aggregate is loaded, takes the step
 * (or refuses it, 409), is saved at its version, and what it registered is published, so that its
 * history message and live {@code status} event ({@link HandoffHistory}) commit with it or not at
 * all. A step that loses a race (another agent or instance saved first) is taken again on the
 * state the winner left, where the rules decide. When the AI steps aside on its own is
 * {@link EscalationRules}'; what the desk reads, {@link DeskQueries}.
 */
@Service
class HandoffService {

    static final String HOLDING_REPLY = "I've asked a person from our support team to join this conversation. "
            + "They will see everything written so far, and you can keep adding details here meanwhile.";
    /** The holding reply outside {@code DESK_HOURS}: when the desk opens, and that the AI helps until then. */
    static final String AFTER_HOURS_REPLY = "Our support team is not at the desk right now (their hours: %s). "
            + "I've put this conversation in their queue, and a person will pick it up when the desk opens, on %s. "
            + "Until then I can go on helping you here: tell me what you are trying to do or what went wrong.";
    /** The reason of a customer's request for a person that gave none: the service's words, not theirs. */
    static final String CUSTOMER_ASKED = "The customer asked for a person";
    static final String CUSTOMER = MessageMetadata.Handoff.BY_CUSTOMER;
    static final String ASSISTANT = MessageMetadata.Handoff.BY_ASSISTANT;
    /** How often a step is taken again after losing a race; past that it is refused with a 409. */
    private static final int ATTEMPTS = 3;

    private final HandoffStore store;
    private final Conversations conversations;
    private final ScreenShareSessions screenShare;
    private final DeskQueries desk;
    private final DeskStaffing staffing;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DeskHours hours;

    HandoffService(HandoffStore store, Conversations conversations, ScreenShareSessions screenShare, DeskQueries desk,
            DeskStaffing staffing, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            DeskHours hours) {
        this.hours = hours;
        this.store = store;
        this.conversations = conversations;
        this.screenShare = screenShare;
        this.desk = desk;
        this.staffing = staffing;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    HandoffState state(String conversationId) {
        return store.find(conversationId).orElseGet(() -> HandoffState.none(conversationId));
    }

    // ------------------------------------------------------------------ the steps

    /** The result of an escalation; {@code holdingReply} is absent when a person already had it. */
    record Escalated(HandoffState handoff, @Nullable ChatMessage holdingReply) {
    }

    /**
     * Hands the conversation to a person: writes the note for them from the conversation itself
     * (a model may put it in its words after the commit, {@link SummaryByModel}), records the step,
     * and stores the one holding reply. Nothing happens when a person already holds it (or is about to).
     *
     * @param by {@code customer} or {@code assistant}
     * @throws NoDeskException nobody could take it over ({@link DeskStaffing}); nothing has changed
     */
    Escalated escalate(String conversationId, HandoffCause cause, @Nullable String reason, String by) {
        return step(conversationId, handoff -> {
            if (handoff.heldByPerson()) {
                return new Escalated(handoff.state(), null);
            }
            if (!staffing.someoneCanTakeOver()) {
                throw new NoDeskException();
            }
            boolean customersWords = SupportDesk.reasonInCustomersWords(cause.wireName(), reason);
            handoff.escalate(cause, reason,
                    HandoffSummaries.extractive(conversations.recentMessages(conversationId), reason, customersWords),
                    by, now());
            saved(handoff);
            HandoffState after = handoff.state();
            ChatMessage holding = conversations.appendHoldingReply(conversationId, holdingReply(),
                    after.note(null, ASSISTANT));
            return new Escalated(after, holding);
        });
    }

    HandoffViews.Claim claim(String conversationId, String agent) {
        existing(conversationId);
        HandoffState after = step(conversationId, handoff -> {
            handoff.claim(agent, now());
            saved(handoff);
            return handoff.state();
        });
        return new HandoffViews.Claim(after.conversationId(), after.status(), after.claimedBy(), after.claimedAt(),
                after.summary(),
                desk.customer(conversations.find(conversationId).orElseThrow(UnknownConversationException::new)),
                screenShare.agentTokenFor(conversationId).orElse(null));
    }

    /** The support agent's subscriber token for the conversation's latest screen-sharing session. */
    TokenGrant agentScreenShare(String conversationId) {
        existing(conversationId);
        return screenShare.agentTokenFor(conversationId).orElseThrow(NoScreenShareException::new);
    }

    /** A support agent's reply to the customer; only the agent holding the conversation may send one. */
    ChatMessage reply(String conversationId, String agent, String text) {
        existing(conversationId);
        return step(conversationId, handoff -> {
            handoff.reply(agent);
            saved(handoff);
            return conversations.appendHumanReply(conversationId, agent, text.strip(),
                    handoff.state().note(null, agent));
        });
    }

    /**
     * Gives the conversation back to the assistant, which answers the customer's next message. A
     * waiting conversation any staff member may hand back; one with a person only that person, or an operator.
     *
     * @return the new state, whose {@code reason} is this step's (the stored state keeps the escalation's)
     */
    HandoffState handBack(String conversationId, String by, boolean operator, @Nullable String reason) {
        existing(conversationId);
        String why = note(reason);
        return step(conversationId, handoff -> {
            handoff.handBack(by, operator, why, now());
            saved(handoff);
            return handoff.state().because(why);
        });
    }

    /** Marks the customer's problem solved; otherwise as {@link #handBack}. */
    HandoffState resolve(String conversationId, String by, boolean operator, @Nullable String reason) {
        existing(conversationId);
        String why = note(reason);
        return step(conversationId, handoff -> {
            handoff.resolve(by, operator, why, now());
            saved(handoff);
            return handoff.state().because(why);
        });
    }

    /** Puts a resolved conversation back in the queue, waiting for a person; 409 when it is not resolved. */
    HandoffState reopen(String conversationId, String by) {
        existing(conversationId);
        return step(conversationId, handoff -> {
            handoff.reopen(by, now());
            saved(handoff);
            return handoff.state();
        });
    }

    /**
     * Gives the conversation to agent {@code to}, who must have an enabled desk account (422
     * otherwise); the step's rules are {@link Handoff#transfer}'s.
     */
    HandoffState transfer(String conversationId, String to, String by, boolean operator) {
        existing(conversationId);
        String agent = staffing.enabledAgent(to).orElseThrow(() -> new InvalidHandoffRequestException(
                "to: no enabled desk account is named " + to.strip()));
        return step(conversationId, handoff -> {
            handoff.transfer(agent, by, operator, now());
            saved(handoff);
            return handoff.state();
        });
    }

    /**
     * Puts a model's summary in place of the note of the escalation at {@code escalatedAt}, unless
     * the conversation was escalated again since.
     */
    void summarized(String conversationId, Instant escalatedAt, String byModel) {
        step(conversationId, handoff -> {
            if (handoff.summarized(escalatedAt, byModel)) {
                saved(handoff);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The holding reply of an escalation now: within desk hours, that a person will join; outside, when. */
    private String holdingReply() {
        return hours.nextOpening().map(opening -> AFTER_HOURS_REPLY.formatted(hours.text(), DeskHours.describe(opening)))
                .orElse(HOLDING_REPLY);
    }

    /**
     * Takes a step in one transaction on the stored state, again (up to {@link #ATTEMPTS} times) when
     * another step saved the same handoff first.
     */
    private <T> T step(String conversationId, Function<Handoff, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> work.apply(store.load(conversationId)));
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw new HandoffConflictException("Conversation changed meanwhile; try again");
                }
            }
        }
    }

    /** Saves a changed handoff and publishes what it registered, in the step's transaction. */
    private void saved(Handoff handoff) {
        if (!handoff.changed()) {
            return;
        }
        store.save(handoff);
        handoff.events().forEach(events::publishEvent);
    }

    private void existing(String conversationId) {
        if (conversations.find(conversationId).isEmpty()) {
            throw new UnknownConversationException();
        }
    }

    /** The staff note stays in the step's metadata, which customers are not shown; not in its text. */
    private static @Nullable String note(@Nullable String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
