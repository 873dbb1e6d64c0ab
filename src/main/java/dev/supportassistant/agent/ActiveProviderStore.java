package dev.supportassistant.agent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The operator's provider choice, in the database so every instance and every restart agree. */
@Repository
class ActiveProviderStore {

    private final JdbcClient jdbc;

    ActiveProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> load() {
        return jdbc.sql("SELECT provider FROM active_provider WHERE id = 1 AND provider IS NOT NULL")
                .query(String.class).optional();
    }

    /** Stores the choice and, in the same transaction, does {@code alsoInTransaction} (telling the other instances). */
    @Transactional
    void save(String provider, Runnable alsoInTransaction) {
        jdbc.sql("UPDATE active_provider SET provider = :provider, changed_at = :now WHERE id = 1")
                .param("provider", provider)
                .param("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        alsoInTransaction.run();
    }
}
