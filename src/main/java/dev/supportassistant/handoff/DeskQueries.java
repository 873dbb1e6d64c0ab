package dev.supportassistant.handoff;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.ChatMessage.Role;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.events.ConversationEvent;
import dev.supportassistant.events.ConversationEvents;

/**
 * What the support desk reads: the queue, one conversation in full, and which live events concern
 * it. Staff see everything the service knows, internals included, and who the customer is: a
 * verified token subject, or an unverified user id a chat request named.
 */
@Service
class DeskQueries {

    private static final int LAST_MESSAGES = 5;
    /** Conversations on a page of the desk's list. */
    static final int PAGE_SIZE = 25;
    /** A customer's other conversations shown beside one: the latest, at most this many. */
    static final int CUSTOMER_HISTORY = 20;

    private final HandoffStore store;
    private final Conversations conversations;
    private final ConversationDirectory directory;
    private final DeskHours hours;

    DeskQueries(HandoffStore store, Conversations conversations, ConversationDirectory directory, DeskHours hours) {
        this.store = store;
        this.conversations = conversations;
        this.directory = directory;
        this.hours = hours;
    }

    HandoffViews.Queue queue(HandoffStatus status, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<HandoffViews.QueueEntry> entries = new ArrayList<>();
        for (HandoffState handoff : store.inStatus(status, limit)) {
            Optional<Conversation> conversation = conversations.find(handoff.conversationId());
            if (conversation.isEmpty()) {
                continue;
            }
            List<ChatMessage> dialogue = conversations.recentMessages(handoff.conversationId()).stream()
                    .filter(message -> message.role() != Role.SYSTEM).toList();
            Optional<MessageMetadata.CustomerMessage> lastCustomer = dialogue.stream()
                    .map(ChatMessage::metadata).filter(MessageMetadata.CustomerMessage.class::isInstance)
                    .map(MessageMetadata.CustomerMessage.class::cast).reduce((first, second) -> second);
            entries.add(new HandoffViews.QueueEntry(handoff.conversationId(), conversation.get().userId(),
                    customer(conversation.get()), handoff.status(), handoff.cause(), handoff.reason(), handoff.summary(),
                    handoff.claimedBy(), handoff.requestedAt(), handoff.claimedAt(),
                    handoff.requestedAt() == null ? 0 : Duration.between(handoff.requestedAt(), now).toSeconds(),
                    lastCustomer.map(MessageMetadata.CustomerMessage::confusionLevel).orElse(null),
                    lastCustomer.map(MessageMetadata.CustomerMessage::confusionSignals).orElse(null),
                    dialogue.subList(Math.max(0, dialogue.size() - LAST_MESSAGES), dialogue.size()),
                    afterHours(handoff.status(), handoff.requestedAt())));
        }
        return new HandoffViews.Queue(status, entries);
    }

    /**
     * Every conversation, or those in a status or found by {@code query}, a page at a time.
     *
     * @param query a conversation id, a customer id or words of a message; blank for all
     */
    HandoffViews.ConversationList list(@Nullable HandoffStatus status, @Nullable String query, int page) {
        String wanted = query == null || query.isBlank() ? null : query.strip();
        List<HandoffViews.ListedConversation> rows = directory.page(status, wanted, page, PAGE_SIZE);
        return new HandoffViews.ConversationList(status, wanted, page, PAGE_SIZE, rows.size() > PAGE_SIZE,
                rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
    }

    /** The customer's other conversations (same user id), most recently active first; none for an anonymous one. */
    List<HandoffViews.ListedConversation> customersOthers(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElseThrow(UnknownConversationException::new);
        return conversation.userId() == null ? List.of()
                : directory.ofCustomer(conversation.userId(), conversationId, CUSTOMER_HISTORY);
    }

    /** Whether a conversation waits for a person since a time outside desk hours (the AI answers meanwhile). */
    boolean afterHours(HandoffStatus status, @Nullable Instant requestedAt) {
        return status == HandoffStatus.WAITING_FOR_HUMAN && requestedAt != null && !hours.openAt(requestedAt);
    }

    HandoffViews.DeskConversation conversation(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElseThrow(UnknownConversationException::new);
        return new HandoffViews.DeskConversation(conversation.id(), conversation.userId(), customer(conversation),
                store.find(conversationId).orElseGet(() -> HandoffState.none(conversationId)),
                conversations.messages(conversationId));
    }

    HandoffViews.Customer customer(Conversation conversation) {
        return HandoffViews.Customer.of(conversation,
                conversations.firstCustomerMessage(conversation.id()).orElse(null));
    }

    /** What the desk's live stream carries: every status change, and the messages of conversations a person holds or awaits. */
    boolean forDesk(ConversationEvent event) {
        return ConversationEvents.STATUS.equals(event.type())
                || (ConversationEvents.MESSAGE.equals(event.type()) && store.find(event.conversationId())
                        .map(handoff -> handoff.status().humanSide()).orElse(false));
    }
}
