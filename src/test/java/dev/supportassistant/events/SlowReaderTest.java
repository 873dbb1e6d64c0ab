package dev.supportassistant.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client that stops reading must not hold up live updates for anyone else: delivery only
 * queues, each stream's writer waits for its own client, and a stream that falls too far behind
 * is closed. The stalled client here blocks inside a write until the test lets it go; waits are on
 * latches and queues (bounded, so a regression fails instead of hanging), never on the clock.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowReaderTest {

    private static final int BACKLOG = 4;

    /** A client whose connection accepts nothing: every write blocks until released. */
    private static final class StalledEmitter extends SseEmitter {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("connection reset");
        }
    }

    /** A client that reads everything at once. */
    private static final class ReadingEmitter extends SseEmitter {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        public void send(SseEventBuilder builder) {
            received.add(builder.build().stream().map(part -> part.getData().toString())
                    .collect(java.util.stream.Collectors.joining()));
        }
    }

    private EventDelivery delivery;
    private final StalledEmitter stalled = new StalledEmitter();
    private final ReadingEmitter reading = new ReadingEmitter();

    @BeforeEach
    void delivery() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:slow-reader-" + System.nanoTime());
        JdbcClient jdbc = JdbcClient.create(database);
        delivery = new EventDelivery(new EventStore(jdbc, database), database, jdbc,
                new EventSettings(15, 30, 1000, 100, 10, 10), event -> { });
    }

    @AfterEach
    void letTheStalledWriterGo() {
        stalled.release.countDown();
    }

    /** @param backlog events that may wait for this client before it counts as fallen behind */
    private EventSubscriber subscribe(SseEmitter emitter, String client, int backlog) {
        EventSubscriber subscriber = new EventSubscriber(emitter, "c1", event -> true, true, client, 0, backlog,
                delivery.writers());
        delivery.add(subscriber);
        return subscriber;
    }

    private static ConversationEvent event(long id) {
        return new ConversationEvent(id, "c1", "message", "{\"n\":" + id + "}", null, Instant.now());
    }

    @Test
    void aStalledReaderDelaysNobodyElseAndIsClosedWhenItFallsBehind() throws InterruptedException {
        EventSubscriber slow = subscribe(stalled, "slow", BACKLOG);
        // Room for every event: delivery here is faster than any writer, however quick its client.
        EventSubscriber fast = subscribe(reading, "fast", 100);

        delivery.deliver(event(1));
        // The slow client's writer is now stuck inside a write, as on a connection nobody reads.
        assertThat(stalled.writing.await(30, TimeUnit.SECONDS)).isTrue();
        for (long id = 2; id <= 10; id++) {
            delivery.deliver(event(id));
        }

        for (long id = 1; id <= 10; id++) {
            String sent = reading.received.poll(30, TimeUnit.SECONDS);
            assertThat(sent).as("event %d to the reading client", id).contains("id:" + id + "\n");
        }
        // More than its backlog waited for the stalled client: its stream is closed and let go.
        assertThat(slow.closed()).isTrue();
        assertThat(fast.closed()).isFalse();
        assertThat(delivery.subscriberCount()).isEqualTo(1);
    }

    @Test
    void aCustomersStreamSendsTheCustomersVersionOfAnEvent() throws InterruptedException {
        subscribe(reading, "fast", BACKLOG);

        delivery.deliver(new ConversationEvent(1, "c1", "message", "{\"route\":\"internal\"}", "{}", Instant.now()));

        assertThat(reading.received.poll(30, TimeUnit.SECONDS)).contains("data:{}").doesNotContain("internal");
    }
}
