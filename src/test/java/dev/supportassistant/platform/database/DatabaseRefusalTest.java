package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool's limits: the embedded database gets one connection, PostgreSQL the pool it is given; a
 * caller who gets no connection within the connection timeout fails to open its transaction with
 * HikariCP's timeout and nothing behind it, which the error mapping answers 503 "too busy"
 * ({@code BusyDatabaseAnswerTest} beside the mapping).
 */
class DatabaseRefusalTest {

    @Test
    void theEmbeddedDatabaseHasOneConnectionAndPostgresTheConfiguredPool() {
        try (HikariDataSource h2 = new HikariDataSource(); HikariDataSource postgres = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:file:./data/support-assistant;WRITE_DELAY=0");
            postgres.setJdbcUrl("jdbc:postgresql://db.example:5432/support");
            postgres.setMaximumPoolSize(12);

            PoolLimits.oneConnectionOnTheEmbeddedDatabase().postProcessAfterInitialization(h2, "dataSource");
            PoolLimits.oneConnectionOnTheEmbeddedDatabase().postProcessAfterInitialization(postgres, "dataSource");

            assertThat(h2.getMaximumPoolSize()).isEqualTo(1);
            assertThat(postgres.getMaximumPoolSize()).isEqualTo(12);
        }
    }

    @Test
    void aTransactionThatGetsNoConnectionInTimeFailsToOpenWithTheBusyPoolsTimeout() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            PoolLimits.oneConnectionOnTheEmbeddedDatabase().postProcessAfterInitialization(pool, "dataSource");
            pool.setConnectionTimeout(250);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
            try (Connection held = pool.getConnection()) {
                CompletableFuture<Void> other = CompletableFuture.runAsync(
                        () -> transactions.executeWithoutResult(status -> { }));

                assertThatThrownBy(other::join).cause().isInstanceOf(CannotCreateTransactionException.class)
                        .rootCause().isInstanceOf(SQLTransientConnectionException.class)
                        .satisfies(timeout -> assertThat(timeout.getCause()).isNull());
            }
        }
    }
}
