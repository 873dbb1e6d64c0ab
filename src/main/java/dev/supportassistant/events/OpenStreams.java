package dev.supportassistant.events;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * This instance's open event streams, within their caps ({@link EventSettings}): per conversation,
 * per client and in all. Each open stream holds a connection; without caps thousands of idle
 * streams would exhaust them. The narrowest cap is checked first, so the refusal names what the
 * client can do something about.
 */
final class OpenStreams implements Iterable<EventSubscriber> {

    private final Set<EventSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final EventSettings settings;

    OpenStreams(EventSettings settings) {
        this.settings = settings;
    }

    /** @throws TooManyStreamsException when the stream would pass a cap */
    void add(EventSubscriber subscriber) {
        synchronized (subscribers) {
            if (subscriber.conversationId() != null && count(open -> subscriber.conversationId()
                    .equals(open.conversationId())) >= settings.maxStreamsPerConversation()) {
                throw new TooManyStreamsException("this conversation has " + settings.maxStreamsPerConversation()
                        + " event streams open (EVENTS_MAX_STREAMS_PER_CONVERSATION)");
            }
            if (count(open -> subscriber.client().equals(open.client())) >= settings.maxStreamsPerClient()) {
                throw new TooManyStreamsException("you have " + settings.maxStreamsPerClient()
                        + " event streams open (EVENTS_MAX_STREAMS_PER_CLIENT)");
            }
            if (count(open -> true) >= settings.maxStreams()) {
                throw new TooManyStreamsException("the service has " + settings.maxStreams()
                        + " event streams open (EVENTS_MAX_STREAMS)");
            }
            subscribers.add(subscriber);
        }
    }

    void remove(EventSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    int size() {
        return subscribers.size();
    }

    Stream<EventSubscriber> stream() {
        return subscribers.stream();
    }

    @Override
    public Iterator<EventSubscriber> iterator() {
        return subscribers.iterator();
    }

    /** Streams closed but not yet removed do not count. */
    private long count(Predicate<EventSubscriber> which) {
        return subscribers.stream().filter(open -> !open.closed()).filter(which).count();
    }
}
