package dev.supportassistant.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.zaxxer.hikari.HikariDataSource;

import dev.supportassistant.conversation.MessageStored;

/**
 * Indexes new messages for the desk's search on the embedded H2 database in the background, soon after
 * they commit, so that a turn's commit does not write their words into H2's full-text index
 * ({@code V20_1__message_search_off_the_turn}; bench/RESULTS.md, issue 29 fifth session). A batch runs
 * H2's own {@link FullText.FullTextTrigger} over the rows, on a connection of its own (not the turn's one
 * pooled connection), and commits with its progress; a row is indexed as delete-then-insert, so indexing
 * it again (after a restart) leaves it indexed once. It does nothing on PostgreSQL.
 * Out-of-order commits: a {@code seq} missing below the newest indexed one is a gap, looked up again on
 * every run until its row appears or {@link #GRACE} has passed (a message's transaction lasts milliseconds),
 * and the recorded progress never passes an open gap, so neither a late commit nor a restart loses a row.
 */
@Component
class MessageSearchIndexer implements DisposableBean {

    /** At most this many messages in one batch, so that one batch's transaction stays short. */
    static final int BATCH = 500;
    /** How long after a message commits the indexer looks: turns arriving meanwhile share its batch. */
    static final Duration WAKE_DELAY = Duration.ofMillis(200);
    /** How long a missing {@code seq} is looked for: far longer than any transaction that stores a message. */
    static final Duration GRACE = Duration.ofMinutes(1);
    /** At most this many gaps are remembered; beyond, the oldest is given up (rolled back, most likely). */
    static final int MAX_GAPS = 1_000;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(MessageSearchIndexer.class);

    /** Connections of the indexer's own to the embedded database; null on PostgreSQL. */
    private final @Nullable DataSource database;
    private final LongSupplier nanoTime;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor indexing = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "message-search-indexing");
        thread.setDaemon(true);
        return thread;
    });

    // Read and written on the indexing thread only.
    private @Nullable Progress progress;

    @Autowired
    MessageSearchIndexer(DataSource dataSource) throws SQLException {
        this(dataSource.isWrapperFor(HikariDataSource.class)
                ? ownConnections(dataSource.unwrap(HikariDataSource.class)) : null, System::nanoTime);
    }

    MessageSearchIndexer(@Nullable DataSource database, LongSupplier nanoTime) {
        this.database = database;
        this.nanoTime = nanoTime;
        // A run that is due when the service stops is left to the next start, which finds the rows anyway.
        indexing.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private static @Nullable DataSource ownConnections(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        return url == null || !url.startsWith("jdbc:h2:") ? null
                : new DriverManagerDataSource(url, pool.getUsername(), pool.getPassword());
    }

    /** Indexes what was stored while the service was down, or before a crash, and puts the trigger right. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (database != null) {
            submit(this::run, Duration.ZERO);
        }
    }

    /** A message has committed: index it (and any other stored meanwhile) shortly. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void stored(MessageStored stored) {
        wake();
    }

    /** Indexes new messages shortly, unless a run is already due. */
    void wake() {
        if (database != null && wakeScheduled.compareAndSet(false, true)) {
            submit(this::run, WAKE_DELAY);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // No interrupt: H2 closes its file when a thread writing it is interrupted.
        indexing.shutdown();
        indexing.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void submit(Runnable task, Duration delay) {
        try {
            indexing.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: what is left is indexed at the next start.
        }
    }

    private void run() {
        wakeScheduled.set(false);
        try (Connection connection = database().getConnection()) {
            connection.setAutoCommit(false);
            Progress current = progress != null ? progress : started(connection);
            progress = current;
            boolean more = true;
            while (more && !indexing.isShutdown()) {
                more = indexBatch(connection);
            }
        } catch (SQLException | RuntimeException failed) {
            // The exception's text may quote a word of a message: its kind only.
            log.warn("Indexing new messages for the desk's search failed ({}{}); trying again in {} s",
                    failed.getClass().getSimpleName(),
                    failed instanceof SQLException sql ? " " + sql.getSQLState() : "", RETRY_DELAY.toSeconds());
            submit(this::run, RETRY_DELAY);
        }
    }

    /** Where indexing stands after a start: the recorded point, no gaps known, the trigger off inserts. */
    private Progress started(Connection connection) throws SQLException {
        String schema;
        String table;
        try (Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("""
                        SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                        WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'messages'""")) {
            names.next();
            schema = names.getString(1);
            table = names.getString(2);
        }
        keepTheTriggerOffInserts(connection, schema, table);
        try (Statement statement = connection.createStatement();
                ResultSet point = statement.executeQuery(
                        "SELECT indexed_through FROM message_search_progress WHERE id = 1")) {
            point.next();
            return new Progress(schema, table, point.getLong(1), List.of());
        }
    }

    /**
     * {@code FT_REINDEX} re-creates H2's trigger on INSERT as well: made to fire on UPDATE and DELETE only
     * again, as {@code V20_1__message_search_off_the_turn} left it. New rows are indexed twice meanwhile,
     * which indexing as delete-then-insert allows.
     */
    private static void keepTheTriggerOffInserts(Connection connection, String schema, String table)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS
                WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ? AND EVENT_MANIPULATION = 'INSERT'""")) {
            query.setString(1, schema);
            query.setString(2, "FT_" + table);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                if (found.getLong(1) == 0) {
                    return;
                }
            }
        }
        log.warn("The desk's search index fired on every new message again (FT_REINDEX?): now on updates and"
                + " deletes only, new messages indexed in the background");
        String trigger = quoted(schema) + "." + quoted("FT_" + table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER " + trigger);
            statement.execute("CREATE TRIGGER " + trigger + " AFTER UPDATE, DELETE ON " + quoted(schema) + "."
                    + quoted(table) + " FOR EACH ROW CALL \"" + FullText.FullTextTrigger.class.getName() + "\"");
        }
        connection.commit();
    }

    /**
     * Indexes the rows that appeared in known gaps, then up to a batch of new rows, and records the new
     * point, in one transaction. The rows are locked ({@code FOR UPDATE}) so that an erasure or an edit
     * waits for this batch and then finds the rows indexed, rather than racing it on FT.ROWS.
     *
     * @return whether a full batch was indexed, so that more may be waiting
     */
    private boolean indexBatch(Connection connection) throws SQLException {
        Progress before = progress();
        long now = nanoTime.getAsLong();
        try {
            FullText.FullTextTrigger index = new FullText.FullTextTrigger();
            index.init(connection, before.schema(), null, before.table(), false, Trigger.INSERT);
            int budget = BATCH;
            List<Gap> open = new ArrayList<>();
            try (PreparedStatement late = connection.prepareStatement(
                    "SELECT * FROM messages WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT ? FOR UPDATE")) {
                for (Gap gap : before.gaps()) {
                    if (now - gap.seenAt() > GRACE.toNanos()) {
                        continue;
                    }
                    if (budget == 0) {
                        open.add(gap);
                        continue;
                    }
                    late.setLong(1, gap.from());
                    late.setLong(2, gap.to());
                    late.setInt(3, budget);
                    long from = gap.from();
                    try (ResultSet rows = late.executeQuery()) {
                        while (rows.next()) {
                            long seq = index(index, connection, rows);
                            budget--;
                            if (seq > from) {
                                open.add(new Gap(from, seq - 1, gap.seenAt()));
                            }
                            from = seq + 1;
                        }
                    }
                    if (from <= gap.to()) {
                        open.add(new Gap(from, gap.to(), gap.seenAt()));
                    }
                }
            }
            long readThrough = before.readThrough();
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ? FOR UPDATE")) {
                next.setLong(1, readThrough);
                next.setInt(2, budget);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        long seq = index(index, connection, rows);
                        budget--;
                        if (seq > readThrough + 1) {
                            open.add(new Gap(readThrough + 1, seq - 1, now));
                        }
                        readThrough = seq;
                    }
                }
            }
            List<Gap> kept = open.size() <= MAX_GAPS ? open : open.subList(open.size() - MAX_GAPS, open.size());
            Progress after = new Progress(before.schema(), before.table(), readThrough, List.copyOf(kept));
            try (PreparedStatement record = connection.prepareStatement(
                    "UPDATE message_search_progress SET indexed_through = ? WHERE id = 1")) {
                record.setLong(1, after.indexedThrough());
                record.executeUpdate();
            }
            connection.commit();
            progress = after;
            return budget == 0;
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

    private DataSource database() {
        if (database == null) {
            throw new IllegalStateException("No embedded database to index");
        }
        return database;
    }

    private Progress progress() {
        if (progress == null) {
            throw new IllegalStateException("Indexing has not started");
        }
        return progress;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * How far indexing has read ({@code readThrough}: every row up to it indexed, but for the gaps), and
     * the gaps below it that a late commit may still fill, in {@code seq} order.
     */
    private record Progress(String schema, String table, long readThrough, List<Gap> gaps) {

        /** What is recorded: below it, every row is indexed or its gap was given up. */
        long indexedThrough() {
            return gaps.isEmpty() ? readThrough : gaps.get(0).from() - 1;
        }
    }

    /** {@code seq}s from {@code from} to {@code to} not seen yet, first seen missing at {@code seenAt} (nanos). */
    private record Gap(long from, long to, long seenAt) {
    }
}
