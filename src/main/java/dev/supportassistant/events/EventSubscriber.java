package dev.supportassistant.events;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: which events it wants, and the id of the last one it took, so that
 * nothing is sent twice when a replay and live delivery overlap.
 *
 * <p>Taking an event never waits for the client: it goes into this stream's bounded queue, which
 * a writer of its own (a task on {@code writers}) empties into the connection. A client that reads
 * slowly or not at all holds up only its own writer; when its queue is full, it has fallen too far
 * behind, and its stream is closed (the browser's EventSource reconnects and resumes with
 * {@code Last-Event-ID}). So one stalled reader cannot freeze live updates for everyone.
 */
final class EventSubscriber {

    private final SseEmitter emitter;
    /** The one conversation the stream shows; absent for a stream of all of them (staff's). */
    private final @Nullable String conversationId;
    private final Predicate<ConversationEvent> filter;
    private final boolean customerView;
    private final String client;
    private final BlockingQueue<SseEventBuilder> queue;
    private final Executor writers;
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Events up to this id are behind the stream: queued, not for it, or from before it opened. */
    private volatile long lastSent;
    private volatile boolean closed;

    /**
     * @param customerView whether the stream shows events as the customer sees them (without internals)
     * @param client who opened it, for the per-client cap
     * @param startAfter the id of the last event the client has seen (or that existed when it connected)
     * @param backlog the most events that may wait for the client before it counts as fallen behind
     */
    EventSubscriber(SseEmitter emitter, @Nullable String conversationId, Predicate<ConversationEvent> filter,
            boolean customerView, String client, long startAfter, int backlog, Executor writers) {
        this.emitter = emitter;
        this.conversationId = conversationId;
        this.filter = filter;
        this.customerView = customerView;
        this.client = client;
        this.lastSent = startAfter;
        this.queue = new LinkedBlockingQueue<>(backlog);
        this.writers = writers;
    }

    /**
     * A writer blocked on a stalled client holds its thread until the connection times out: virtual
     * threads make that cheap from Java 21 on; before, idle platform threads are reused.
     */
    static Executor newWriters() {
        if (Runtime.version().feature() >= 21) {
            SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("event-writer-");
            virtual.setVirtualThreads(true);
            return virtual;
        }
        AtomicInteger number = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "event-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    long lastSent() {
        return lastSent;
    }

    SseEmitter emitter() {
        return emitter;
    }

    @Nullable String conversationId() {
        return conversationId;
    }

    String client() {
        return client;
    }

    /** Whether staff opened it: only staff see events as they are, not as the customer does. */
    boolean staff() {
        return !customerView;
    }

    boolean closed() {
        return closed;
    }

    /** Stops the stream: nothing more is queued, and its writer completes it. */
    void close() {
        closed = true;
        queue.clear();
        write();
    }

    /**
     * Queues the event unless it was taken already or is not for this stream; false when the
     * stream is closed (the client is gone or fell behind). Events are offered in id order.
     */
    synchronized boolean offer(ConversationEvent event) {
        if (closed || event.id() <= lastSent) {
            return !closed;
        }
        if ((conversationId == null || conversationId.equals(event.conversationId())) && filter.test(event)
                && !enqueue(SseEmitter.event().id(Long.toString(event.id())).name(event.type())
                        .data(event.dataFor(customerView)))) {
            return false;
        }
        lastSent = event.id();
        return true;
    }

    /** A comment line: invisible to EventSource, but traffic that keeps proxies from closing the stream. */
    synchronized boolean comment(String text) {
        return !closed && enqueue(SseEmitter.event().comment(text));
    }

    /** The first lines of a stream: how soon EventSource should reconnect, and a comment that sends the headers now. */
    synchronized boolean open(long reconnectMillis) {
        return enqueue(SseEmitter.event().reconnectTime(reconnectMillis).comment("connected"));
    }

    private boolean enqueue(SseEventBuilder event) {
        if (!queue.offer(event)) {
            close();
            return false;
        }
        write();
        return true;
    }

    /** Starts this stream's writer unless it runs already. */
    private void write() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    /** The writer: sends what is queued, in order, until the queue is empty; completes a closed stream. */
    private void drain() {
        while (true) {
            SseEventBuilder next;
            while (!closed && (next = queue.poll()) != null) {
                try {
                    emitter.send(next);
                } catch (IOException | IllegalStateException gone) {
                    closed = true;
                }
            }
            if (closed) {
                queue.clear();
                complete();
                return;
            }
            writing.set(false);
            // Something queued after the last poll, before the flag was down, would wait for the next event.
            if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the client left first
        }
    }
}
