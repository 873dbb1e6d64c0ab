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
 *
 * <p>Customers' streams (anyone may open one for a conversation they can see) may fill the cap in
 * all only up to {@link #staffShare} short of it: the rest is kept for staff's streams, so that
 * anonymous streams cannot shut the desk out of its live updates.
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
            long open = count(stream -> true);
            if (open >= settings.maxStreams()) {
                throw new TooManyStreamsException("the service has " + settings.maxStreams()
                        + " event streams open (EVENTS_MAX_STREAMS)");
            }
            int customers = settings.maxStreams() - staffShare(settings.maxStreams());
            if (!subscriber.staff() && open >= customers) {
                throw new TooManyStreamsException("the service has " + open + " of its " + settings.maxStreams()
                        + " event streams open (EVENTS_MAX_STREAMS), and keeps the last "
                        + staffShare(settings.maxStreams()) + " for staff");
            }
            subscribers.add(subscriber);
        }
    }

    /** How many of {@code maxStreams} only staff may open: a tenth (at least one), unless there is only one. */
    static int staffShare(int maxStreams) {
        return Math.min(maxStreams - 1, (maxStreams + 9) / 10);
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
