package dev.supportassistant.events;

import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every instance that something changed, through the transport live events use: PostgreSQL's
 * NOTIFY across instances, in-process on the embedded database. Each instance's listeners hear a
 * {@link Broadcast} after the sender's transaction commits, this instance's at once after the commit,
 * the others' when the NOTIFY arrives; a rolled-back change tells nobody. For copies an instance keeps
 * of what rarely changes (the active provider), so that it need not read them again on every request.
 */
@Service
public class Broadcasts {

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9_.-]{1,64}");

    /** A broadcast sent here, heard here once committed. */
    record Sent(String topic) {
    }

    private final EventDelivery delivery;
    private final ApplicationEventPublisher publisher;

    Broadcasts(EventDelivery delivery, ApplicationEventPublisher publisher) {
        this.delivery = delivery;
        this.publisher = publisher;
    }

    /**
     * Sends {@code topic} with the caller's transaction (or one of its own).
     *
     * @param topic lower-case letters, digits, {@code _ . -}; at most 64 characters
     */
    @Transactional
    public void send(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Not a broadcast topic: " + topic);
        }
        delivery.broadcast(topic);
        publisher.publishEvent(new Sent(topic));
    }

    @TransactionalEventListener
    void on(Sent sent) {
        publisher.publishEvent(new Broadcast(sent.topic()));
    }
}
