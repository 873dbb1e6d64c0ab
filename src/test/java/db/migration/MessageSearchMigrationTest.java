package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The message search index is created on an H2 database opened without the service's PostgreSQL
 * mode, as start.sh's training run opens its own ({@code jdbc:h2:file:./training/db}), where H2
 * spells names in upper case: the migration once named schema {@code public} literally, failed
 * there, and with it the training run and so the start-up cache.
 */
class MessageSearchMigrationTest {

    @Test
    void theIndexIsCreatedOnAnH2DatabaseInItsOwnMode() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        Flyway.configure().dataSource(h2).load().migrate();

        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO messages (id, conversation_id, role, content, created_at) "
                + "VALUES ('m1', 'c1', 'user', 'My invoice is wrong', CURRENT_TIMESTAMP)").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM FT_SEARCH_DATA('invoice', 0, 0)").query(Long.class).single())
                .isEqualTo(1L);
    }
}
