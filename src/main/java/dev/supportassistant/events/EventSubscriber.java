package dev.supportassistant.events;

import java.io.IOException;
import java.util.function.Predicate;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: which events it wants, and the id of the last one it was sent, so that
 * nothing is sent twice when a replay and live delivery overlap. Sends are serialized per stream.
 */
final class EventSubscriber {

    private final SseEmitter emitter;
    private final String conversationId;
    private final Predicate<ConversationEvent> filter;
    /** Events up to this id are behind the stream: sent, not for it, or from before it opened. */
    private volatile long lastSent;
    private volatile boolean closed;

    /** @param startAfter the id of the last event the client has seen (or that existed when it connected) */
    EventSubscriber(SseEmitter emitter, String conversationId, Predicate<ConversationEvent> filter, long startAfter) {
        this.emitter = emitter;
        this.conversationId = conversationId;
        this.filter = filter;
        this.lastSent = startAfter;
    }

    long lastSent() {
        return lastSent;
    }

    SseEmitter emitter() {
        return emitter;
    }

    String conversationId() {
        return conversationId;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /**
     * Sends the event unless it was sent already or is not for this stream; false when the client is
     * gone. Events are offered in id order.
     */
    synchronized boolean offer(ConversationEvent event) {
        if (closed || event.id() <= lastSent) {
            return !closed;
        }
        try {
            if ((conversationId == null || conversationId.equals(event.conversationId())) && filter.test(event)) {
                emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type()).data(event.data()));
            }
            lastSent = event.id();
            return true;
        } catch (IOException | IllegalStateException gone) {
            closed = true;
            return false;
        }
    }

    /** A comment line: invisible to EventSource, but traffic that keeps proxies from closing the stream. */
    synchronized boolean comment(String text) {
        if (closed) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event().comment(text));
            return true;
        } catch (IOException | IllegalStateException gone) {
            closed = true;
            return false;
        }
    }

    /** The first lines of a stream: how soon EventSource should reconnect, and a comment that sends the headers now. */
    synchronized void open(long reconnectMillis) throws IOException {
        emitter.send(SseEmitter.event().reconnectTime(reconnectMillis).comment("connected"));
    }
}
