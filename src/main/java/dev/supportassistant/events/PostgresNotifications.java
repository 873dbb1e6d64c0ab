package dev.supportassistant.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * News of stored events through PostgreSQL: a NOTIFY on {@value #CHANNEL} with the event's id,
 * which the database sends to every instance's LISTEN connection when the storing transaction
 * commits (and drops when it rolls back).
 */
final class PostgresNotifications implements EventTransport {

    static final String CHANNEL = "conversation_events";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PostgresNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void announce(long id) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
                .param("payload", Long.toString(id)).query().listOfRows();
    }

    @Override
    public void committed() {
        // The NOTIFY arrives by itself, on this instance too.
    }

    /** LISTEN on a connection of its own, kept out of the pool's hands for as long as it works. */
    @Override
    public Listening listen() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            PGConnection notifications = connection.unwrap(PGConnection.class);
            return new Listening() {

                @Override
                public boolean await(long millis) throws SQLException {
                    PGNotification[] received = notifications.getNotifications((int) millis);
                    return received != null && received.length > 0;
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
