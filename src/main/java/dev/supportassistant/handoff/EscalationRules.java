package dev.supportassistant.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.supportassistant.chat.HumanHandoff;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.confusion.ConfusionSettings;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;

/**
 * When the AI steps aside, asked on every customer turn as the chat's {@link HumanHandoff}: while
 * a person holds or awaits the conversation the AI stays silent and the customer's message is
 * acknowledged, once per handoff step (not after every message); outside {@code DESK_HOURS} a
 * waiting conversation is answered by the AI until someone claims it ({@link DeskHours}); a message that asks for a person ({@code HANDOFF_ON_EXPLICIT_REQUEST}), or the
 * {@code HANDOFF_AFTER_CONFUSED_TURNS}-th confused turn in a row, escalates it
 * ({@link HandoffService#escalate}), unless nobody could take it over ({@link DeskStaffing}): then
 * the AI answers on, except that a customer who asked for a person is told, in the service's own
 * words whichever provider is active, that nobody is available now and that the assistant can go on
 * helping (a model asked instead might pretend to fetch someone, or answer something else).
 */
@Service
class EscalationRules implements HumanHandoff {

    static final String WAITING_ACKNOWLEDGEMENT = "Thanks, I've added that for the support team; a person will join "
            + "this conversation shortly.";
    static final String WITH_HUMAN_ACKNOWLEDGEMENT = "Delivered to %s from our support team.";
    static final String NOBODY_AVAILABLE = "I'm sorry, no one from our support team is available to join this "
            + "conversation right now. I can go on helping you here, though: tell me what you are trying to do or "
            + "what went wrong, and I'll do my best to sort it out with you.";

    private final HandoffService handoffs;
    private final Conversations conversations;
    private final HandoffSettings settings;
    private final ConfusionSettings confusion;
    private final DeskHours hours;

    EscalationRules(HandoffService handoffs, Conversations conversations, HandoffSettings settings,
            ConfusionSettings confusion, DeskHours hours) {
        this.hours = hours;
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.settings = settings;
        this.confusion = confusion;
    }

    /** Decides from what the turn read (who holds the conversation, its latest messages): no read of its own. */
    @Override
    public Optional<ChatMessage> takeOver(TurnContext context, ChatMessage message, ConfusionAssessment assessment) {
        String conversationId = context.conversation().id();
        HandoffState current = HandoffState.of(conversationId, context.handoff());
        boolean asksForPerson = settings.onExplicitRequest() && HumanRequests.asksForPerson(message.content());
        if (current.status() == HandoffStatus.WAITING_FOR_HUMAN && !hours.openNow()) {
            // After hours nobody comes before the desk opens: the AI goes on helping meanwhile, and
            // a customer asking for a person again is reminded, once, that they are in the queue.
            return asksForPerson ? Optional.of(acknowledgement(current, context.recent())) : Optional.empty();
        }
        if (current.status().humanSide()) {
            return Optional.of(acknowledgement(current, context.recent()));
        }
        if (asksForPerson) {
            // The rule's reason is the service's words, so it does not quote the customer's message
            // (which could be written to read as more of them); the history shows the message itself.
            return escalate(context, HandoffCause.EXPLICIT_REQUEST, "The customer asked for a person in a message");
        }
        int streak = settings.afterConfusedTurns() > 0 && assessment.confused()
                ? confusedStreak(context.recent(), message) : 0;
        if (settings.afterConfusedTurns() > 0 && streak >= settings.afterConfusedTurns()) {
            return escalate(context, HandoffCause.CONFUSION,
                    "The customer seemed confused for %d turns in a row (confusion %.2f)".formatted(streak,
                            assessment.level()));
        }
        return Optional.empty();
    }

    /**
     * The holding reply of an escalation. When nobody could take the conversation: to a customer who
     * asked for a person, the reply saying so; otherwise none, so that the AI answers on.
     */
    private Optional<ChatMessage> escalate(TurnContext context, HandoffCause cause, String reason) {
        String conversationId = context.conversation().id();
        try {
            HandoffService.Escalated escalated = handoffs.escalate(conversationId, cause, reason, HandoffService.ASSISTANT);
            return Optional.of(escalated.holdingReply() != null ? escalated.holdingReply()
                    : acknowledgement(escalated.handoff(), context.recent()));
        } catch (NoDeskException nobody) {
            return cause == HandoffCause.EXPLICIT_REQUEST ? Optional.of(nobodyAvailable(conversationId)) : Optional.empty();
        }
    }

    /** Stored like every reply; the conversation stays with the AI, which answers the next message. */
    private ChatMessage nobodyAvailable(String conversationId) {
        return conversations.appendHoldingReply(conversationId, NOBODY_AVAILABLE, null);
    }

    /**
     * Consecutive customer messages, newest (the one just stored) first, at or above the confusion
     * threshold, counted since the conversation last changed hands.
     */
    private int confusedStreak(List<ChatMessage> before, ChatMessage latest) {
        List<ChatMessage> messages = new ArrayList<>(before);
        messages.add(latest);
        int streak = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageMetadata meta = messages.get(i).metadata();
            if (meta instanceof MessageMetadata.HandoffNote) {
                break;
            }
            if (!(meta instanceof MessageMetadata.CustomerMessage customer)) {
                continue;
            }
            if (customer.confusionLevel() == null || customer.confusionLevel() < confusion.threshold()) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /**
     * The reply to a customer's message while a person holds or awaits the conversation: one per
     * handoff step, stored like any reply. When this step's holding reply or acknowledgement is among
     * the turn's latest messages already, the customer gets that one again (same id) and nothing new
     * is stored or sent, so that writing on does not bring the same line after every message.
     */
    private ChatMessage acknowledgement(HandoffState current, List<ChatMessage> recent) {
        Optional<ChatMessage> sent = holdingReplySinceLastStep(recent);
        if (sent.isPresent()) {
            return sent.get();
        }
        String text = current.status() == HandoffStatus.WITH_HUMAN
                ? WITH_HUMAN_ACKNOWLEDGEMENT.formatted(current.claimedBy()) : WAITING_ACKNOWLEDGEMENT;
        return conversations.appendHoldingReply(current.conversationId(), text, current.note(null, null));
    }

    /** The holding reply stored since the conversation last changed hands, if the latest messages hold it. */
    static Optional<ChatMessage> holdingReplySinceLastStep(List<ChatMessage> recent) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            MessageMetadata meta = recent.get(i).metadata();
            if (meta instanceof MessageMetadata.HandoffNote) {
                return Optional.empty();
            }
            if (meta instanceof MessageMetadata.HoldingReply holding && holding.handoff() != null) {
                return Optional.of(recent.get(i));
            }
        }
        return Optional.empty();
    }
}
