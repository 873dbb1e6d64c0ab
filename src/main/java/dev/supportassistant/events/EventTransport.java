package dev.supportassistant.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How an instance hears that events were stored, and broadcasts reach other instances, chosen
 * once from the database it runs on: PostgreSQL's NOTIFY, which reaches every instance
 * ({@link PostgresNotifications}), or on the embedded database, where only this instance exists, a
 * wake-up after each commit here ({@link InProcessWakeUps}). Either way the events themselves are
 * read from the table, so a lost notification only delays them until the next one.
 */
interface EventTransport {

    static EventTransport of(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new PostgresNotifications(dataSource, jdbc) : new InProcessWakeUps();
        }
    }

    /** Called after a commit on this instance, when a stream here waits for news. */
    void committed();

    /** Tells the other instances {@code topic} once the caller's transaction commits ({@link Broadcasts}). */
    void broadcast(String topic);

    /** Whether other instances exist that may miss a broadcast while this one does not listen. */
    boolean shared();

    /**
     * Starts listening; the delivery thread waits on what this returns until it fails or delivery
     * stops.
     *
     * @param broadcasts what receives the topics other instances broadcast
     */
    Listening listen(Consumer<String> broadcasts) throws SQLException;

    /** How events reach this instance, for the start-up log. */
    String description();

    /** Listening for news; closed once, when it failed or delivery stops. */
    interface Listening extends AutoCloseable {

        /** Waits at most {@code millis}; true when events may have been stored since the last news. */
        boolean await(long millis) throws SQLException, InterruptedException;

        /** Delivery failed while listening: what listens may be broken too, so it is not reused. */
        default void failed() {
        }

        @Override
        void close() throws SQLException;
    }
}
