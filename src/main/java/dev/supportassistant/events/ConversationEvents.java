package dev.supportassistant.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what happens in conversations and opens live streams of it. An event is stored in the
 * publisher's transaction (so it exists exactly when the message or status change it reports does)
 * and reaches every instance's subscribers after the commit.
 *
 * <p>A stream is server-sent events: {@code id} is the event's number, {@code event} its type,
 * {@code data} its JSON. A client that reconnects with {@code Last-Event-ID} first gets every event
 * it missed, then the live ones, none twice. Open streams are capped in total, per conversation and
 * per client ({@link EventSettings}); customers' streams show events without the service's internals.
 */
@Service
public class ConversationEvents {

    /** A new message; data: {@code {"conversation_id", "message": {...}}}. */
    public static final String MESSAGE = "message";
    /** A status change; data: the conversation's new handoff state. */
    public static final String STATUS = "status";

    private static final long RECONNECT_MILLIS = 2000;
    /** Live events that may wait for a slow client beyond a full replay, before its stream is closed. */
    static final int LIVE_BACKLOG = 256;

    private final EventStore store;
    private final EventDelivery delivery;
    private final EventSettings settings;
    private final JsonMapper json;
    private final ApplicationEventPublisher stored;

    ConversationEvents(EventStore store, EventDelivery delivery, EventSettings settings, JsonMapper json,
            ApplicationEventPublisher stored) {
        this.store = store;
        this.delivery = delivery;
        this.settings = settings;
        this.json = json;
        this.stored = stored;
    }

    /**
     * Stores an event for the conversation's subscribers, joining the caller's transaction.
     *
     * @param data serialized to JSON as API responses are (snake_case)
     * @return the event's id
     */
    @Transactional
    public long publish(String conversationId, String type, Object data) {
        return publish(conversationId, type, data, data);
    }

    /**
     * Like {@link #publish(String, String, Object)}, with what a customer's stream shows instead
     * of {@code data}: the same without the service's internals.
     */
    @Transactional
    public long publish(String conversationId, String type, Object data, Object customerData) {
        String full = json.writeValueAsString(data);
        String customers = customerData == data ? full : json.writeValueAsString(customerData);
        long id = store.append(conversationId, type, full, customers.equals(full) ? null : customers,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // This instance's streams hear of it after the commit (EventDelivery); others by the NOTIFY.
        stored.publishEvent(new EventDelivery.Stored(id));
        return id;
    }

    /**
     * A live stream of one conversation's events, as its customer sees them. The caller has checked
     * that the client may see the conversation.
     *
     * @param lastEventId the {@code Last-Event-ID} the client sent, if any; anything but a number is ignored
     * @param client who asks (a customer's user id, else an address), for {@code EVENTS_MAX_STREAMS_PER_CLIENT}
     * @throws TooManyStreamsException 429 beyond a cap on open streams
     */
    public SseEmitter stream(String conversationId, @Nullable String lastEventId, String client) {
        return open(conversationId, event -> true, true, client, lastEventId);
    }

    /**
     * Where the events stand now: a page read after this, and streamed with it as its {@code Last-Event-ID}
     * (or a desk page's {@code after}), misses nothing that happens between its reading and its stream.
     */
    public long position() {
        return store.lastId();
    }

    /** A live stream for staff of the events of every conversation that {@code filter} lets through. */
    public SseEmitter streamAll(Predicate<ConversationEvent> filter, @Nullable String lastEventId, String client) {
        return open(null, filter, false, client, lastEventId);
    }

    private SseEmitter open(@Nullable String conversationId, Predicate<ConversationEvent> filter, boolean customerView,
            String client, @Nullable String lastEventId) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Long resumeAfter = parse(lastEventId);
        // Without Last-Event-ID the stream starts with what happens from now on. The backlog holds a
        // whole replay and then some live events; a client further behind than that is closed.
        EventSubscriber subscriber = new EventSubscriber(emitter, conversationId, filter, customerView, client,
                resumeAfter != null ? resumeAfter : store.lastId(), settings.replayLimit() + LIVE_BACKLOG,
                delivery.writers());
        emitter.onCompletion(() -> delivery.remove(subscriber));
        emitter.onTimeout(() -> delivery.remove(subscriber));
        emitter.onError(failure -> delivery.remove(subscriber));
        // Registered, then caught up from the table, under the subscriber's lock: a live event arriving
        // meanwhile waits, and is then sent only if the catch-up did not already send it. The catch-up
        // also covers events committed between reading the newest id and registering.
        synchronized (subscriber) {
            delivery.add(subscriber);
            if (!subscriber.open(RECONNECT_MILLIS)) {
                delivery.remove(subscriber);
                return emitter;
            }
            for (ConversationEvent missed : store.after(subscriber.lastSent(), conversationId, settings.replayLimit())) {
                if (!subscriber.offer(missed)) {
                    delivery.remove(subscriber);
                    break;
                }
            }
        }
        return emitter;
    }

    private static @Nullable Long parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
