package dev.supportassistant.conversation;

import org.junit.jupiter.api.BeforeEach;

import dev.supportassistant.EmbeddedPostgres;

/**
 * The same migrations and store run on a real PostgreSQL, reached through a
 * {@code postgresql://user:password@host:port/db} DATABASE_URL as hosting platforms give it.
 */
class PostgresRestartIT extends PersistenceAcrossRestarts {

    private String databaseUrl;

    @BeforeEach
    void createDatabase() {
        databaseUrl = EmbeddedPostgres.newDatabaseUrl("restart_" + System.nanoTime());
    }

    @Override
    String[] databaseSettings() {
        return new String[] {"DATABASE_URL=" + databaseUrl};
    }
}
