package dev.supportassistant.handoff;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.events.ConversationEvents;
import dev.supportassistant.screenshare.TokenGrant;

/**
 * The support desk's work, for the desk's API and web pages (the desk module): the queue, one
 * conversation in full, every conversation (listed and searched), and the steps a person takes:
 * claim, reply, hand back, resolve, reopen, transfer. Each step
 * is one transaction of the {@link Handoff} aggregate; a step the rules do not allow fails with an
 * {@link org.springframework.web.ErrorResponseException} whose detail says why (409 claimed by
 * someone else, 404 no such conversation, ...).
 */
@Service
public class SupportDesk {

    private final HandoffService handoffs;
    private final DeskQueries queries;
    private final ConversationEvents events;
    private final DeskStaffing staffing;

    SupportDesk(HandoffService handoffs, DeskQueries queries, ConversationEvents events, DeskStaffing staffing) {
        this.handoffs = handoffs;
        this.staffing = staffing;
        this.queries = queries;
        this.events = events;
    }

    /** Conversations in a status, longest waiting first. */
    public HandoffViews.Queue queue(HandoffStatus status, int limit) {
        return queries.queue(status, limit);
    }

    /**
     * Every conversation, most recently active first, a page of {@value DeskQueries#PAGE_SIZE} at a
     * time: those in {@code status} ({@code bot}: the AI holds it) and found by {@code query} (a
     * conversation id, a customer id, or words of its messages), when given.
     */
    public HandoffViews.ConversationList conversations(@Nullable HandoffStatus status, @Nullable String query, int page) {
        return queries.list(status, query, page);
    }

    /** The customer's other conversations (same user id), latest first; 404 when there is no such conversation. */
    public List<HandoffViews.ListedConversation> customersOtherConversations(String conversationId) {
        return queries.customersOthers(conversationId);
    }

    /** Names of the enabled desk accounts, to assign a conversation to. */
    public List<String> agents() {
        return staffing.enabledAgents();
    }

    /** Who the customer is, the handoff state with the note for staff, and every message; 404 when there is none. */
    public HandoffViews.DeskConversation conversation(String conversationId) {
        return queries.conversation(conversationId);
    }

    /** Takes a waiting conversation; 409 when another agent has it or it is not waiting. */
    public HandoffViews.Claim claim(String conversationId, String agent) {
        return handoffs.claim(conversationId, agent);
    }

    /** Replies to the customer, as the agent holding the conversation; 409 for anyone else. */
    public ChatMessage reply(String conversationId, String agent, String text) {
        return handoffs.reply(conversationId, agent, text);
    }

    /**
     * Gives the conversation back to the assistant, which answers the customer's next message.
     *
     * @param operator whether the agent may end a conversation someone else holds
     * @param reason a note for staff, not shown to the customer
     * @return the new state, with this step's reason
     */
    public HandoffViews.State handBack(String conversationId, String agent, boolean operator, @Nullable String reason) {
        return HandoffViews.State.of(handoffs.handBack(conversationId, agent, operator, reason));
    }

    /** Marks the customer's problem solved; otherwise as {@link #handBack}. */
    public HandoffViews.State resolve(String conversationId, String agent, boolean operator, @Nullable String reason) {
        return HandoffViews.State.of(handoffs.resolve(conversationId, agent, operator, reason));
    }

    /** Puts a resolved conversation back in the queue, waiting for a person; 409 when it is not resolved. */
    public HandoffViews.State reopen(String conversationId, String agent) {
        return HandoffViews.State.of(handoffs.reopen(conversationId, agent));
    }

    /**
     * Gives the conversation to agent {@code to} (an enabled desk account; 422 otherwise): the one
     * holding it (or an operator) passes it on, anyone assigns a waiting one; 409 otherwise.
     */
    public HandoffViews.State transfer(String conversationId, String to, String agent, boolean operator) {
        return HandoffViews.State.of(handoffs.transfer(conversationId, to, agent, operator));
    }

    /** The agent's subscriber token for the customer's latest screen share; 404 when there is none. */
    public TokenGrant screenShare(String conversationId) {
        return handoffs.agentScreenShare(conversationId);
    }

    /** The desk's live stream: every status change, and the messages of conversations with or awaiting a person. */
    /** Where the live events stand, read before a page so that its stream resumes from there ({@link ConversationEvents#position}). */
    public long eventPosition() {
        return events.position();
    }

    public SseEmitter queueEvents(@Nullable String lastEventId, String client) {
        return events.streamAll(queries::forDesk, lastEventId, client);
    }

    /** Every event of one conversation, with the service's internals, as staff see them. */
    public SseEmitter conversationEvents(String conversationId, @Nullable String lastEventId, String client) {
        queries.conversation(conversationId);
        return events.streamAll(event -> Objects.equals(event.conversationId(), conversationId), lastEventId, client);
    }

    /**
     * Whether a handoff's reason is the customer's own words, typed with the "talk to a person"
     * button, rather than the service's (an escalation rule's, or the button's stand-in when the
     * customer gave none). The customer's words are shown apart from the service's notes, quoted:
     * they may be written to look like one.
     *
     * @param cause the handoff's cause, by its wire name
     */
    public static boolean reasonInCustomersWords(@Nullable String cause, @Nullable String reason) {
        return HandoffCause.CUSTOMER_REQUEST.wireName().equals(cause) && reason != null
                && !reason.equals(HandoffService.CUSTOMER_ASKED);
    }

    /** Whether a handoff summary is a model's note (labelled as such) rather than put together from the conversation. */
    public static boolean writtenByAi(@Nullable String summary) {
        return summary != null && summary.startsWith(HandoffSummaries.AI_LABEL);
    }

    /** The summary without its label, which the desk shows as a badge instead. */
    public static @Nullable String summaryText(@Nullable String summary) {
        return writtenByAi(summary) ? summary.substring(HandoffSummaries.AI_LABEL.length()) : summary;
    }
}
