package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On the embedded H2 database, takes the indexing of new messages for the desk's search out of the
 * turn's commit: H2's full-text trigger on {@code messages} ({@code FT_messages}, made by
 * {@code FT_CREATE_INDEX} in {@code V12_1__message_search}) fires on UPDATE and DELETE only, so an
 * edited or erased message's words are corrected or unlinked at once, and a new message is indexed
 * in the background ({@code handoff.MessageSearchIndexer}) from the point recorded here: every row
 * that exists now was indexed by the old trigger. The trigger's name and class are H2's own, so
 * {@code FT_DROP_INDEX} and {@code FT_DROP_ALL} still find it; {@code FT_REINDEX} makes it fire on
 * INSERT again, which the indexer undoes on its next run. Each step may run again (H2 commits each
 * DDL statement on its own, so a failure can stop it half-way). Nothing to do on PostgreSQL, whose
 * GIN index is kept by the database itself.
 */
public class V20_1__message_search_off_the_turn extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String step : MessagesTable.in(connection).triggerOnUpdateAndDelete()) {
                statement.execute(step);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS message_search_progress "
                    + "(id INTEGER PRIMARY KEY, indexed_through BIGINT NOT NULL)");
            try (ResultSet recorded = statement.executeQuery("SELECT COUNT(*) FROM message_search_progress")) {
                recorded.next();
                if (recorded.getLong(1) > 0) {
                    return;
                }
            }
            statement.execute("INSERT INTO message_search_progress (id, indexed_through) "
                    + "SELECT 1, COALESCE(MAX(seq), 0) FROM messages");
        }
    }

    /**
     * Table {@code messages} on H2 as the database spells it (lower case in the service's PostgreSQL mode,
     * upper case in H2's own), with its full-text trigger; shared with {@code handoff.MessageSearchIndexer},
     * which puts the trigger right again when it is missing or fires on inserts.
     */
    public record MessagesTable(String schema, String table) {

        /** The trigger's name, as {@code FT_CREATE_INDEX} makes it. */
        public String trigger() {
            return "FT_" + table;
        }

        /** The table in the connection's current schema. */
        public static MessagesTable in(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet names = statement.executeQuery("""
                            SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                            WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'messages'""")) {
                if (!names.next()) {
                    throw new IllegalStateException("No table messages");
                }
                return new MessagesTable(names.getString(1), names.getString(2));
            }
        }

        /** The statements that make H2's full-text trigger on the table fire on UPDATE and DELETE only. */
        public List<String> triggerOnUpdateAndDelete() {
            String trigger = quoted(schema) + "." + quoted(trigger());
            return List.of("DROP TRIGGER IF EXISTS " + trigger, "CREATE TRIGGER " + trigger
                    + " AFTER UPDATE, DELETE ON " + quoted(schema) + "." + quoted(table)
                    + " FOR EACH ROW CALL \"org.h2.fulltext.FullText$FullTextTrigger\"");
        }

        private static String quoted(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
    }
}
