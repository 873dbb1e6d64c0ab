package dev.supportassistant.events;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers stored events to this instance's open streams, on one background thread that only
 * queues them: each stream's own writer sends them ({@link EventSubscriber}), so a slow client
 * delays nobody else. Every event goes through the table: the thread is woken by the
 * {@link EventTransport} (PostgreSQL's NOTIFY from any instance, or in-process after a commit on
 * the embedded database) and sends every event after the last one it delivered, in id order.
 * Because ids commit in order (see {@link EventStore#nextId()}), a stream never skips one, and a
 * lost notification or a dropped LISTEN connection only delays delivery until the next wake-up or
 * reconnect, which catches up from the table.
 */
@Component
class EventDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
    private static final int BATCH = 500;
    /** How long the thread waits at most before checking heartbeats and whether it should stop. */
    private static final long TICK_MILLIS = 500;

    /** An event was stored here under {@code id}; once committed, this instance's streams are told. */
    record Stored(long id) {
    }

    private final EventStore store;
    private final EventTransport transport;
    private final EventSettings settings;
    private final OpenStreams subscribers;
    private final Executor writers;
    private final ApplicationEventPublisher broadcasts;
    private volatile boolean running;
    private @Nullable Thread thread;
    /** Touched only by the delivery thread (and before it starts). */
    private long lastDelivered;
    private long lastHeartbeatNanos = System.nanoTime();

    EventDelivery(EventStore store, DataSource dataSource, JdbcClient jdbc, EventSettings settings,
            ApplicationEventPublisher broadcasts) throws SQLException {
        this.store = store;
        this.transport = EventTransport.of(dataSource, jdbc);
        this.settings = settings;
        this.subscribers = new OpenStreams(settings);
        this.writers = EventSubscriber.newWriters();
        this.broadcasts = broadcasts;
    }

    /**
     * After the commit that stored an event on this instance: wakes the delivery thread, unless no
     * stream is open here (a stream that opens later catches up from the table by itself).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(Stored stored) {
        if (!subscribers.isEmpty()) {
            transport.committed();
        }
    }

    /** Tells the other instances {@code topic}, in the caller's transaction; see {@link Broadcasts}. */
    void broadcast(String topic) {
        transport.broadcast(topic);
    }

    /**
     * Registers an open stream, within the caps on open streams.
     *
     * @throws TooManyStreamsException when the stream would pass one of them
     */
    void add(EventSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Where the streams' writers run: never this delivery thread, which must not wait for any client. */
    Executor writers() {
        return writers;
    }

    void remove(EventSubscriber subscriber) {
        subscriber.close();
        subscribers.remove(subscriber);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void start() {
        lastDelivered = store.lastId();
        running = true;
        thread = new Thread(this::run, "conversation-events");
        thread.setDaemon(true);
        thread.start();
        log.info("Live conversation events: delivered {}", transport.description());
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (EventSubscriber subscriber : subscribers) {
            remove(subscriber);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                deliverWhileListening();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException failure) {
                if (!running) {
                    return;
                }
                // The database went away: try again shortly; events wait in the table meanwhile.
                log.warn("Live conversation events: {}; retrying", failure.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Listens for as long as that works, catching up from the table first (after each reconnect).
     * Broadcasts sent while this instance was not listening are lost, so after each (re)connect its
     * listeners hear that anything may have changed ({@link Broadcast#EVERYTHING}).
     */
    private void deliverWhileListening() throws SQLException, InterruptedException {
        EventTransport.Listening listening = transport.listen(this::received);
        try {
            if (transport.shared()) {
                received(Broadcast.EVERYTHING);
            }
            deliverNew();
            while (running) {
                if (listening.await(TICK_MILLIS)) {
                    deliverNew();
                }
                heartbeatIfDue();
            }
        } catch (SQLException | RuntimeException failure) {
            listening.failed();
            throw failure;
        } finally {
            listening.close();
        }
    }

    /**
     * Sends every stored event after the last one delivered, skipping what all open streams are
     * already past (after a quiet spell with no stream open, that is everything up to the newest).
     */
    private void deliverNew() {
        if (subscribers.isEmpty()) {
            return;
        }
        lastDelivered = Math.max(lastDelivered,
                subscribers.stream().mapToLong(EventSubscriber::lastSent).min().orElse(lastDelivered));
        List<ConversationEvent> batch;
        do {
            batch = store.after(lastDelivered, null, BATCH);
            for (ConversationEvent event : batch) {
                deliver(event);
                lastDelivered = event.id();
            }
        } while (batch.size() == BATCH);
    }

    /** A broadcast from another instance (or this one's, echoed), for this instance's listeners. */
    private void received(String topic) {
        try {
            broadcasts.publishEvent(new Broadcast(topic));
        } catch (RuntimeException failed) {
            log.warn("A listener of broadcast {} failed: {}", topic, failed.getClass().getSimpleName());
        }
    }

    /** Hands the event to every open stream; returns at once, whatever the clients do. */
    void deliver(ConversationEvent event) {
        for (EventSubscriber subscriber : subscribers) {
            if (!subscriber.offer(event)) {
                remove(subscriber);
            }
        }
    }

    private void heartbeatIfDue() {
        if (System.nanoTime() - lastHeartbeatNanos < settings.heartbeat().toNanos()) {
            return;
        }
        lastHeartbeatNanos = System.nanoTime();
        for (EventSubscriber subscriber : subscribers) {
            if (!subscriber.comment("heartbeat")) {
                remove(subscriber);
            }
        }
    }
}
