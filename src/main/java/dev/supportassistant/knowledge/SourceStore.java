package dev.supportassistant.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Web sources in SQL, with the lease that lets one instance sync a source at a time: a conditional
 * UPDATE of the source's row, the way ShedLock's JDBC provider takes a lock, so no transaction is
 * held while pages are fetched (the embedded H2 file has one connection for everything).
 */
@Repository
class SourceStore {

    static final String SETTING = "setting";
    static final String CONSOLE = "console";

    private final JdbcClient jdbc;
    private final KnowledgeStore knowledge;

    SourceStore(JdbcClient jdbc, KnowledgeStore knowledge) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
    }

    /** A source's row. */
    record Row(String id, String url, String origin, Instant createdAt, @Nullable Instant syncStartedAt,
            @Nullable Instant leaseUntil, @Nullable Instant lastSyncAt, int added, int changed, int unchanged,
            int removed, int chunksEmbedded, @Nullable String errors) {
    }

    List<Row> all() {
        return jdbc.sql("SELECT * FROM knowledge_sources ORDER BY created_at, url").query(SourceStore::row).list();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM knowledge_sources WHERE id = :id").param("id", id).query(SourceStore::row).optional();
    }

    Optional<Row> findByUrl(String url) {
        return jdbc.sql("SELECT * FROM knowledge_sources WHERE url = :url").param("url", url).query(SourceStore::row)
                .optional();
    }

    /** Adds a source; one that exists already is left as it is. */
    Row add(String url, String origin) {
        Optional<Row> known = findByUrl(url);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            jdbc.sql("""
                    INSERT INTO knowledge_sources (id, url, origin, created_at)
                    VALUES (:id, :url, :origin, :createdAt)
                    """)
                    .param("id", UUID.randomUUID().toString()).param("url", url).param("origin", origin)
                    .param("createdAt", time(KnowledgeStore.now())).update();
        } catch (org.springframework.dao.DuplicateKeyException anotherInstanceAddedIt) {
            // the same source, added by another instance at the same moment
        }
        return findByUrl(url).orElseThrow();
    }

    /** Deletes a source with its pages' documents. */
    @Transactional
    boolean delete(String id) {
        boolean deleted = jdbc.sql("DELETE FROM knowledge_sources WHERE id = :id").param("id", id).update() > 0;
        if (deleted) {
            knowledge.bumpRevision();
        }
        return deleted;
    }

    /** Takes the source's lease until {@code until}, unless another sync holds it; whether it was taken. */
    boolean claim(String id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE knowledge_sources SET sync_started_at = :now, sync_lease_until = :until
                WHERE id = :id AND (sync_lease_until IS NULL OR sync_lease_until < :now)
                """)
                .param("now", time(now)).param("until", time(until)).param("id", id).update() > 0;
    }

    /** Extends a lease this sync holds (one that has run since {@code startedAt}). */
    void extend(String id, Instant startedAt, Instant until) {
        jdbc.sql("UPDATE knowledge_sources SET sync_lease_until = :until WHERE id = :id AND sync_started_at = :started")
                .param("until", time(until)).param("id", id).param("started", time(startedAt)).update();
    }

    /** Records how a sync ended and gives up its lease. */
    void finish(String id, SyncReport report) {
        jdbc.sql("""
                UPDATE knowledge_sources
                SET sync_started_at = NULL, sync_lease_until = NULL, last_sync_at = :at, pages_added = :added,
                    pages_changed = :changed, pages_unchanged = :unchanged, pages_removed = :removed,
                    chunks_embedded = :embedded, errors = :errors
                WHERE id = :id
                """)
                .param("at", time(report.finishedAt())).param("added", report.added()).param("changed", report.changed())
                .param("unchanged", report.unchanged()).param("removed", report.removed())
                .param("embedded", report.chunksEmbedded())
                .param("errors", report.errors().isEmpty() ? null : String.join("\n", report.errors()))
                .param("id", id).update();
    }

    /**
     * The sources to sync now: those last synced before {@code before}, and those of the setting not
     * synced yet (a source added in the console is synced when it is added), whose lease is free.
     */
    List<String> due(Instant before, Instant now) {
        return jdbc.sql("""
                SELECT id FROM knowledge_sources
                WHERE (last_sync_at < :before OR (last_sync_at IS NULL AND origin = 'setting'))
                  AND (sync_lease_until IS NULL OR sync_lease_until < :now)
                ORDER BY created_at
                """)
                .param("before", time(before)).param("now", time(now)).query(String.class).list();
    }

    private static Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("url"), rs.getString("origin"), instant(rs, "created_at"),
                instant(rs, "sync_started_at"), instant(rs, "sync_lease_until"), instant(rs, "last_sync_at"),
                rs.getInt("pages_added"), rs.getInt("pages_changed"), rs.getInt("pages_unchanged"),
                rs.getInt("pages_removed"), rs.getInt("chunks_embedded"), rs.getString("errors"));
    }

    private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
