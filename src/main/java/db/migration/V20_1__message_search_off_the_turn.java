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
 * INSERT again, which the indexer undoes when the service starts. Nothing to do on PostgreSQL,
 * whose GIN index is kept by the database itself.
 */
public class V20_1__message_search_off_the_turn extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String step : triggerOnUpdateAndDelete(connection)) {
                statement.execute(step);
            }
            statement.execute("CREATE TABLE message_search_progress (id INTEGER PRIMARY KEY, indexed_through BIGINT NOT NULL)");
            statement.execute("INSERT INTO message_search_progress (id, indexed_through) "
                    + "SELECT 1, COALESCE(MAX(seq), 0) FROM messages");
        }
    }

    /** The statements that make H2's full-text trigger on {@code messages} fire on UPDATE and DELETE only. */
    private static List<String> triggerOnUpdateAndDelete(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("""
                        SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                        WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'messages'""")) {
            if (!names.next()) {
                throw new IllegalStateException("No table messages");
            }
            String schema = quoted(names.getString(1));
            String table = names.getString(2);
            String trigger = schema + "." + quoted("FT_" + table);
            return List.of("DROP TRIGGER " + trigger, "CREATE TRIGGER " + trigger
                    + " AFTER UPDATE, DELETE ON " + schema + "." + quoted(table)
                    + " FOR EACH ROW CALL \"org.h2.fulltext.FullText$FullTextTrigger\"");
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
