package dev.supportassistant.conversation;

/**
 * A message was stored in a conversation. Published while the transaction that stores it is still
 * open, to listeners called at once: one that joins the transaction (the live updates do) commits
 * or rolls back with the message. As JSON it is the data of a live {@code message} event:
 * {@code {"conversation_id", "message"}}.
 */
public record MessageStored(String conversationId, ChatMessage message) {

    /** The same, as the conversation's customer is shown it: without the service's internals. */
    public MessageStored forCustomer() {
        return new MessageStored(conversationId, message.forCustomer());
    }
}
