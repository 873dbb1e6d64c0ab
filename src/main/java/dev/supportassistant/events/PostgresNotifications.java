package dev.supportassistant.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * News through PostgreSQL: a NOTIFY on {@value #CHANNEL} with a stored event's id (sent by the
 * statement that stores it, {@link EventStore}), and on {@value #BROADCASTS} with a broadcast's
 * topic, which the database sends to every instance's LISTEN connection when the sending
 * transaction commits (and drops when it rolls back).
 */
final class PostgresNotifications implements EventTransport {

    static final String CHANNEL = "conversation_events";
    static final String BROADCASTS = "instance_broadcasts";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PostgresNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void broadcast(String topic) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", BROADCASTS)
                .param("payload", topic).query().listOfRows();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void committed() {
        // The NOTIFY arrives by itself, on this instance too.
    }

    /** LISTEN on a connection of its own, kept out of the pool's hands for as long as it works. */
    @Override
    public Listening listen(Consumer<String> broadcasts) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                statement.execute("LISTEN " + BROADCASTS);
            }
            PGConnection notifications = connection.unwrap(PGConnection.class);
            return new Listening() {

                @Override
                public boolean await(long millis) throws SQLException {
                    PGNotification[] received = notifications.getNotifications((int) millis);
                    boolean events = false;
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        if (BROADCASTS.equals(notification.getName())) {
                            broadcasts.accept(notification.getParameter());
                        } else {
                            events = true;
                        }
                    }
                    return events;
                }

                @Override
                public void failed() {
                    discard(connection);
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        } catch (SQLException | RuntimeException failure) {
            discard(connection);
            connection.close();
            throw failure;
        }
    }

    /**
     * Takes a failed LISTEN connection out of the pool. The driver reported the failure to us
     * through the unwrapped connection, not to the pool, which would otherwise lend it out again as
     * healthy and fail the next request after the database comes back.
     */
    private void discard(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(DataSourceUtils.getTargetConnection(connection));
            }
        } catch (SQLException | RuntimeException ignored) {
            // closing it is all that is left to do
        }
    }

    @Override
    public String description() {
        return "across instances through PostgreSQL LISTEN/NOTIFY";
    }
}
