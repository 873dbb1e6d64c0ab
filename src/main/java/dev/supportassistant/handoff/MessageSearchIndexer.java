package dev.supportassistant.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.api.Trigger;
import org.h2.fulltext.FullText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import db.migration.V20_1__message_search_off_the_turn.MessagesTable;
import dev.supportassistant.conversation.MessageStored;
import dev.supportassistant.platform.database.EmbeddedDatabase;

/**
 * Indexes new messages for the desk's search on the embedded H2 database in the background, soon after
 * they commit, so that a turn's commit does not write their words into H2's full-text index
 * ({@code V20_1__message_search_off_the_turn}; bench/RESULTS.md, issue 29 fifth session). A batch runs
 * H2's own {@link FullText.FullTextTrigger} over the rows, on a connection of its own (not the turn's one
 * pooled connection), and commits with its progress; a row is indexed as delete-then-insert, so indexing
 * it again (after a restart) leaves it indexed once. It does nothing on PostgreSQL.
 * One recorded position suffices: every message is inserted on the pool's one connection on the embedded
 * database, so messages commit in {@code seq} order and a {@code seq} skipped is a rollback that never comes
 * back; the constructor refuses any other pool size, so that a change to the pool cannot break this unseen.
 */
@Component
class MessageSearchIndexer implements DisposableBean {

    /** At most this many messages in one batch, so that one batch's transaction stays short. */
    static final int BATCH = 500;
    /** How long after a message commits the indexer looks: turns arriving meanwhile share its batch. */
    static final Duration WAKE_DELAY = Duration.ofMillis(200);
    /** The wait after a first failure, doubled after each further one up to {@link #LONGEST_RETRY_DELAY}. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY_DELAY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(MessageSearchIndexer.class);

    /** Connections of the indexer's own to the embedded database; null on PostgreSQL. */
    private final @Nullable DataSource database;
    /** Whether a run is due: one gate for start, wake and retry, so that runs never multiply. */
    private final AtomicBoolean runDue = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor indexing = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "message-search-indexing");
        thread.setDaemon(true);
        return thread;
    });

    /** The table, known once {@link #start()} has found it; until then a commit leaves its row to the start-up run. */
    private volatile @Nullable MessagesTable messages;

    // Read and written on the indexing thread only.
    private int failures;
    private boolean noIndexReported;

    @Autowired
    MessageSearchIndexer(DataSource dataSource) throws SQLException {
        this(EmbeddedDatabase.behind(dataSource).orElse(null));
    }

    MessageSearchIndexer(@Nullable EmbeddedDatabase embedded) {
        if (embedded != null && embedded.pooledConnections() != 1) {
            throw new IllegalStateException("Indexing the desk's search relies on one pooled connection on the"
                    + " embedded database, not " + embedded.pooledConnections() + " (see PoolLimits)");
        }
        this.database = embedded == null ? null : embedded.connections();
        // A run that is due when the service stops is left to the next start, which finds the rows anyway.
        indexing.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Finds the table, or fails the start clearly when it or the database cannot be reached, then indexes
     * what was stored while the service was down, or before a crash.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (database == null) {
            return;
        }
        try (Connection connection = database.getConnection()) {
            messages = MessagesTable.in(connection);
        } catch (SQLException unavailable) {
            throw new IllegalStateException("The embedded database cannot be opened for the desk's search indexing",
                    unavailable);
        }
        schedule(Duration.ZERO);
    }

    /** A message has committed: index it (and any other stored meanwhile) shortly. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void stored(MessageStored stored) {
        wake();
    }

    /** Indexes new messages shortly, unless a run is already due (a retry after a failure included). */
    void wake() {
        if (messages != null) {
            schedule(WAKE_DELAY);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // No interrupt: H2 closes its file when a thread writing it is interrupted.
        indexing.shutdown();
        indexing.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The delays of the runs due, for tests: at most one. */
    List<Duration> dueRuns() {
        return indexing.getQueue().stream()
                .map(task -> Duration.ofMillis(((RunnableScheduledFuture<?>) task).getDelay(TimeUnit.MILLISECONDS)))
                .toList();
    }

    /** How many runs have ended, for tests. */
    long runsDone() {
        return indexing.getCompletedTaskCount();
    }

    private void schedule(Duration delay) {
        if (runDue.compareAndSet(false, true)) {
            submit(delay);
        }
    }

    private void submit(Duration delay) {
        try {
            indexing.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: what is left is indexed at the next start.
        }
    }

    private void run() {
        // A commit from here on wakes another run; a retry keeps the gate shut until it succeeds.
        boolean retrying = failures > 0;
        if (!retrying) {
            runDue.set(false);
        }
        try {
            indexNewMessages();
            if (retrying) {
                log.info("Indexing new messages for the desk's search works again after {} failed runs", failures);
                failures = 0;
                runDue.set(false);
                // A message that committed while the gate was shut.
                wake();
            }
        } catch (SQLException | RuntimeException failed) {
            failures++;
            Duration delay = retryDelay(failures);
            // The exception's text may quote a word of a message: its kind only.
            String kind = failed.getClass().getSimpleName()
                    + (failed instanceof SQLException sql ? " " + sql.getSQLState() : "");
            if (failures == 1) {
                log.warn("Indexing new messages for the desk's search failed ({}); trying again in {} s", kind,
                        delay.toSeconds());
            } else {
                log.debug("Indexing new messages for the desk's search failed again ({}, {} times); trying again"
                        + " in {} s", kind, failures, delay.toSeconds());
            }
            if (retrying || runDue.compareAndSet(false, true)) {
                submit(delay);
            }
            // Otherwise a commit during this run has a run due already: that one is the retry.
        }
    }

    private static Duration retryDelay(int failures) {
        Duration delay = RETRY_DELAY.multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(LONGEST_RETRY_DELAY) < 0 ? delay : LONGEST_RETRY_DELAY;
    }

    private void indexNewMessages() throws SQLException {
        MessagesTable table = requireNonNull(messages);
        try (Connection connection = requireNonNull(database).getConnection()) {
            connection.setAutoCommit(false);
            if (!indexed(connection, table)) {
                // FT_DROP_INDEX or FT_DROP_ALL: H2's trigger would index every column under index 0.
                if (!noIndexReported) {
                    log.info("The desk's search has no full-text index on messages (FT_DROP_INDEX?): new messages"
                            + " are not indexed until FT_CREATE_INDEX makes it again");
                    noIndexReported = true;
                }
                return;
            }
            noIndexReported = false;
            keepTheTriggerOnUpdatesAndDeletes(connection, table);
            // Once a run: each init reads metadata and leaves its statements open until the connection closes.
            // Never close() it: that removes the index's state shared with H2's live trigger.
            FullText.FullTextTrigger index = new FullText.FullTextTrigger();
            index.init(connection, table.schema(), null, table.table(), false, Trigger.INSERT);
            boolean more = true;
            while (more && !indexing.isShutdown()) {
                more = indexBatch(connection, index);
            }
        }
    }

    /** Whether H2's full-text index on the table exists ({@code FT.INDEXES} has its row). */
    private static boolean indexed(Connection connection, MessagesTable table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES
                WHERE UPPER(TABLE_SCHEMA) = 'FT' AND UPPER(TABLE_NAME) = 'INDEXES'""");
                ResultSet found = query.executeQuery()) {
            found.next();
            if (found.getLong(1) == 0) {
                return false;
            }
        }
        // As H2's FullText looks its index up.
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM FT.INDEXES WHERE SCHEMA = ? AND `TABLE` = ?")) {
            query.setString(1, table.schema());
            query.setString(2, table.table());
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1) > 0;
            }
        }
    }

    /**
     * Makes H2's trigger fire on UPDATE and DELETE only, as {@code V20_1__message_search_off_the_turn} left
     * it, when it does not: {@code FT_REINDEX} re-creates it on INSERT as well (new rows are then indexed
     * twice meanwhile, which delete-then-insert allows), and a failure between the two DDL statements that
     * re-create it, each committed on its own, leaves none (an erased message would then stay findable).
     */
    private static void keepTheTriggerOnUpdatesAndDeletes(Connection connection, MessagesTable table)
            throws SQLException {
        Set<String> events = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS
                WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?""")) {
            query.setString(1, table.schema());
            query.setString(2, table.trigger());
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    events.add(found.getString(1));
                }
            }
        }
        if (events.equals(Set.of("UPDATE", "DELETE"))) {
            return;
        }
        log.warn("The desk's search index's trigger was missing or fired on {} (FT_REINDEX?): now on updates and"
                + " deletes only, new messages indexed in the background", events);
        try (var statement = connection.createStatement()) {
            for (String step : table.triggerOnUpdateAndDelete()) {
                statement.execute(step);
            }
        }
        connection.commit();
    }

    /**
     * Indexes up to a batch of the rows after the recorded position, and records the new position, in one
     * transaction. The rows are locked ({@code FOR UPDATE}: H2 builds and locks the whole result in the
     * query, so a lock timeout fails before any word is registered) so that an erasure or an edit waits
     * for this batch and then finds the rows indexed (READ COMMITTED), rather than racing it on FT.ROWS.
     *
     * @return whether a full batch was indexed, so that more may be waiting
     */
    private boolean indexBatch(Connection connection, FullText.FullTextTrigger index) throws SQLException {
        try {
            long position;
            try (PreparedStatement recorded = connection.prepareStatement(
                    "SELECT indexed_through FROM message_search_progress WHERE id = 1 FOR UPDATE");
                    ResultSet point = recorded.executeQuery()) {
                if (!point.next()) {
                    throw new IllegalStateException("No row in message_search_progress");
                }
                position = point.getLong(1);
            }
            int count = 0;
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ? FOR UPDATE")) {
                next.setLong(1, position);
                next.setInt(2, BATCH);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        position = index(index, connection, rows);
                        count++;
                    }
                }
            }
            if (count > 0) {
                try (PreparedStatement record = connection.prepareStatement(
                        "UPDATE message_search_progress SET indexed_through = ? WHERE id = 1")) {
                    record.setLong(1, position);
                    record.executeUpdate();
                }
            }
            connection.commit();
            return count == BATCH;
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        }
    }

    /** Indexes the row under the cursor, in the table's column order, and returns its {@code seq}. */
    private static long index(FullText.FullTextTrigger index, Connection connection, ResultSet rows)
            throws SQLException {
        Object[] row = new Object[rows.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
            row[i] = rows.getObject(i + 1);
        }
        index.fire(connection, row, null);
        index.fire(connection, null, row);
        return rows.getLong("seq");
    }

    private static <T> T requireNonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("Indexing has not started on an embedded database");
        }
        return value;
    }
}
