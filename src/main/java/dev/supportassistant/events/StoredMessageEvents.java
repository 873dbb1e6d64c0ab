package dev.supportassistant.events;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.supportassistant.conversation.MessageStored;

/**
 * Every stored message becomes a live {@code message} event. The listener is called at once, in
 * the transaction that stores the message, and insists on one ({@code MANDATORY}): the event is
 * stored, and numbered, exactly when the message is, in the order messages commit, and a
 * failure to store it undoes the message, as a direct call would.
 *
 * <p>Not Spring Modulith's event publication registry: it hands events to listeners after the
 * commit, in a transaction of their own, so for a while (or, after a crash, until it republishes)
 * a message would exist without its event, and live streams would not follow commit order.
 */
@Component
class StoredMessageEvents {

    private final ConversationEvents events;

    StoredMessageEvents(ConversationEvents events) {
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MessageStored stored) {
        events.publish(stored.conversationId(), ConversationEvents.MESSAGE, stored, stored.forCustomer());
    }
}
