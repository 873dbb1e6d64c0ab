package dev.supportassistant.conversation;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The default embedded H2 file database keeps everything across restarts. */
class H2FileRestartIT extends PersistenceAcrossRestarts {

    @TempDir
    Path dataDirectory;

    @Override
    String[] databaseSettings() {
        return new String[] {"spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("support-assistant")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"};
    }
}
