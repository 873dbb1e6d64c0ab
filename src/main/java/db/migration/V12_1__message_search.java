package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The index behind the desk's search of message text, in each database's own full-text search:
 * PostgreSQL's ({@code to_tsvector('simple', content)} under a GIN index; "simple" splits words
 * without a language's stemming, since customers write in many languages), and H2's built-in one
 * ({@code org.h2.fulltext.FullText}: a word index kept by triggers in schema {@code ft}). A Java
 * migration because the two share no syntax for it, and one version must do on either database
 * (tests migrate with Flyway's default location alone). H2's index is made on the names as the
 * database spells them, which H2 then quotes: lower case in the service's PostgreSQL mode
 * ({@code DATABASE_TO_LOWER}), upper case in H2's own mode, in which start.sh's training run opens
 * its database.
 */
public class V12_1__message_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement statement = context.getConnection().createStatement()) {
            if ("PostgreSQL".equals(database)) {
                statement.execute("CREATE INDEX messages_text_search ON messages USING GIN (to_tsvector('simple', content))");
            } else {
                statement.execute("CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init'");
                statement.execute("CALL FT_INIT()");
                try (ResultSet names = statement.executeQuery("""
                        SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'messages'
                        AND LOWER(COLUMN_NAME) = 'content'""")) {
                    if (!names.next()) {
                        throw new IllegalStateException("No column messages.content to index");
                    }
                    try (PreparedStatement index = context.getConnection().prepareStatement("CALL FT_CREATE_INDEX(?, ?, ?)")) {
                        index.setString(1, names.getString(1));
                        index.setString(2, names.getString(2));
                        index.setString(3, names.getString(3));
                        index.execute();
                    }
                }
            }
        }
    }
}
