package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;

/**
 * The desk's "Summarize" button: writes the handoff summary again from the conversation as it is
 * now, the way an escalation writes it (the active model's note, labelled as such, else the one
 * put together from the conversation, {@link HandoffSummaries}), and stores it on the handoff.
 * The person waits for it: they asked for it, unlike the customer, whose turn never waits for a
 * summary ({@link SummaryByModel}).
 */
@Service
public class SummaryOnDemand {

    private final HandoffSummaries summaries;
    private final HandoffService handoffs;
    private final Conversations conversations;

    SummaryOnDemand(HandoffSummaries summaries, HandoffService handoffs, Conversations conversations) {
        this.summaries = summaries;
        this.handoffs = handoffs;
        this.conversations = conversations;
    }

    /**
     * The fresh summary, stored; 404 when there is no such conversation, 409 when it was never
     * handed to a person (a summary is the note for the person taking over).
     */
    public String refresh(String conversationId) {
        conversations.find(conversationId).orElseThrow(UnknownConversationException::new);
        HandoffState state = handoffs.state(conversationId);
        Instant escalatedAt = state.requestedAt();
        if (escalatedAt == null) {
            throw new HandoffConflictException("This conversation was never handed to a person, so it has no handoff "
                    + "summary");
        }
        List<ChatMessage> recent = conversations.recentMessages(conversationId);
        String summary = summaries.byModel(recent).orElseGet(() -> HandoffSummaries.extractive(recent, state.reason(),
                SupportDesk.reasonInCustomersWords(state.cause() == null ? null : state.cause().wireName(),
                        state.reason())));
        handoffs.summarized(conversationId, escalatedAt, summary);
        return summary;
    }
}
