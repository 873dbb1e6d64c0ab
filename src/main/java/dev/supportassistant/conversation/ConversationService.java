package dev.supportassistant.conversation;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.supportassistant.platform.security.Caller;

/**
 * What a customer does with a conversation besides sending messages: read it back (whole or a
 * page at a time), erase it, and list their conversations.
 *
 * <p>A conversation started with a customer token belongs to that customer: for everyone else
 * (admins aside) it does not exist, so its id reveals nothing. One started without a token is
 * open to whoever holds its random id, as with the old backend. Customers see messages without
 * the service's internals ({@link ChatMessage#forCustomer()}); operators see everything.
 */
@Service
class ConversationService {

    private final ConversationStore store;
    private final StoredMessages messages;

    private final ConversationErasure erasure;

    ConversationService(ConversationStore store, StoredMessages messages, ConversationErasure erasure) {
        this.store = store;
        this.messages = messages;
        this.erasure = erasure;
    }

    /**
     * @param limit the most messages to return, the newest first chosen; absent (with {@code before}
     *     absent too), all of them
     * @param before a message id: only messages stored before it; absent, the newest
     */
    ConversationView conversation(String id, @Nullable Integer limit, @Nullable String before, Caller caller) {
        Conversation conversation = visible(id, caller).orElseThrow(ConversationRefusal::notFound);
        StoredMessages.Page page;
        if (limit == null && before == null) {
            page = new StoredMessages.Page(messages.all(id), false);
        } else {
            page = messages.page(id, limit == null ? ConversationController.MAX_PAGE : limit, before)
                    .orElseThrow(() -> ConversationRefusal.invalid("before: is not the id of a message of this "
                            + "conversation"));
        }
        return new ConversationView(conversation.id(), conversation.userId(),
                caller.admin() ? page.messages() : page.messages().stream().map(ChatMessage::forCustomer).toList(),
                conversation.createdAt(), conversation.updatedAt(), page.hasMore());
    }

    /** Deletes a conversation and all its messages (the customer's right to erasure). */
    void delete(String id, Caller caller) {
        Conversation conversation = visible(id, caller).orElseThrow(ConversationRefusal::notFound);
        // Whole: its media (files too) with its rows.
        erasure.one(conversation.id());
    }

    /**
     * A page of a user's conversations, newest activity first: for an operator, those started for
     * that user id; for a customer, those their token started, and only their own.
     */
    ConversationPage list(String userId, int page, int size, Caller caller) {
        ConversationStore.UserColumn column;
        if (caller.admin()) {
            column = ConversationStore.UserColumn.USER;
        } else if (caller.authenticatedUser().filter(userId::equals).isPresent()) {
            column = ConversationStore.UserColumn.OWNER;
        } else {
            throw ConversationRefusal.listForbidden();
        }
        return new ConversationPage(userId, store.page(column, userId, page, size), page, size,
                store.count(column, userId));
    }

    private Optional<Conversation> visible(String id, Caller caller) {
        return store.find(id).filter(conversation -> caller.mayAccess(conversation.ownerId()));
    }
}
