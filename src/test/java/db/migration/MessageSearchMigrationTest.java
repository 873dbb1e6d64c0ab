package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The message search index is created on an H2 database opened without the service's PostgreSQL
 * mode, as a plain H2 URL opens it ({@code DATABASE_URL=jdbc:h2:file:...}), where H2 spells names in
 * upper case: the migration once named schema {@code public} literally and failed there. Since
 * {@code V20_1} a new message is indexed in the background ({@code handoff.MessageSearchIndexer}),
 * not by its own commit, in either mode; messages stored before stay indexed; {@code V20_1} may run
 * again after stopping half-way.
 */
class MessageSearchMigrationTest {

    private static final String SERVICE_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void theIndexIsCreatedOnAnH2DatabaseInItsOwnMode() {
        JdbcDataSource h2 = h2("");

        Flyway.configure().dataSource(h2).target(MigrationVersion.fromVersion("12.1")).load().migrate();

        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO messages (id, conversation_id, role, content, created_at) "
                + "VALUES ('m1', 'c1', 'user', 'My invoice is wrong', CURRENT_TIMESTAMP)").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM FT_SEARCH_DATA('invoice', 0, 0)").query(Long.class).single())
                .isEqualTo(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", SERVICE_MODE})
    void aNewMessageIsNoLongerIndexedByItsOwnCommitAndEarlierOnesStayIndexed(String mode) {
        JdbcDataSource h2 = h2(mode);
        Flyway.configure().dataSource(h2).target(lastBefore(MigrationVersion.fromVersion("20.1"), h2)).load().migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO messages (id, conversation_id, role, content, created_at) "
                + "VALUES ('m1', 'c1', 'user', 'My invoice is wrong', CURRENT_TIMESTAMP)").update();

        Flyway.configure().dataSource(h2).load().migrate();

        jdbc.sql("INSERT INTO messages (id, conversation_id, role, content, created_at) "
                + "VALUES ('m2', 'c1', 'user', 'My receipt is wrong', CURRENT_TIMESTAMP)").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM FT_SEARCH_DATA('invoice', 0, 0)").query(Long.class).single())
                .as("stored before").isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM FT_SEARCH_DATA('receipt', 0, 0)").query(Long.class).single())
                .as("stored after: left to the indexer").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ft.rows").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT indexed_through FROM message_search_progress").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT seq FROM messages WHERE id = 'm1'").query(Long.class).single());
        assertThat(jdbc.sql("SELECT EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME LIKE 'FT_%'")
                .query(String.class).list()).containsExactlyInAnyOrder("UPDATE", "DELETE");
    }

    @Test
    void theMigrationRunsAgainAfterStoppingBetweenDroppingAndCreatingTheTrigger() {
        JdbcDataSource h2 = h2(SERVICE_MODE);
        // Up to this migration only: it is run again as the last one applied, as after a stop in it.
        Flyway.configure().dataSource(h2).target("20.1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("UPDATE message_search_progress SET indexed_through = 42").update();
        // As H2 leaves it when the migration stops after DROP TRIGGER, each DDL statement committed on its own.
        jdbc.sql("DROP TRIGGER \"FT_messages\"").update();
        jdbc.sql("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '20.1'").update();

        Flyway.configure().dataSource(h2).target("20.1").load().migrate();

        assertThat(jdbc.sql("SELECT EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME LIKE 'FT_%'")
                .query(String.class).list()).containsExactlyInAnyOrder("UPDATE", "DELETE");
        assertThat(jdbc.sql("SELECT indexed_through FROM message_search_progress").query(Long.class).list())
                .as("the recorded point kept").containsExactly(42L);
    }

    private static MigrationVersion lastBefore(MigrationVersion version, JdbcDataSource h2) {
        return Arrays.stream(Flyway.configure().dataSource(h2).load().info().all()).map(MigrationInfo::getVersion)
                .filter(each -> each != null && version.isNewerThan(each))
                .max(MigrationVersion::compareTo).orElseThrow();
    }

    private static JdbcDataSource h2(String mode) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode);
        return h2;
    }
}
