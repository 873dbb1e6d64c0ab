package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database too busy to take another caller refuses the opening of a transaction with
 * {@link AdmittingDataSource.Busy} as its cause: under a sustained 500 requests/s, storing a message
 * was refused that way, and the error mapping must find the cause there to answer 503, not 500
 * ({@code BusyDatabaseAnswerTest} beside the mapping).
 */
class DatabaseRefusalTest {

    @Test
    void aTransactionRefusedForABusyDatabaseFailsToOpenWithTheBusyCause() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:refusal;DB_CLOSE_DELAY=-1");
        var admitting = new AdmittingDataSource(h2, 1, Duration.ofSeconds(30), 0);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(admitting));
        try (Connection held = admitting.getConnection()) {
            // Another thread: the holder itself would be let in again (turns are re-entrant).
            CompletableFuture<Void> other = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> { }));

            assertThatThrownBy(other::join).cause().isInstanceOf(CannotCreateTransactionException.class)
                    .hasRootCauseInstanceOf(AdmittingDataSource.Busy.class);
        }
    }
}
