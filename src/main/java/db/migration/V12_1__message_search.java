package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The index behind the desk's search of message text, in each database's own full-text search:
 * PostgreSQL's ({@code to_tsvector('simple', content)} under a GIN index; "simple" splits words
 * without a language's stemming, since customers write in many languages), and H2's built-in one
 * ({@code org.h2.fulltext.FullText}: a word index kept by triggers in schema {@code ft}). A Java
 * migration because the two share no syntax for it, and one version must do on either database
 * (tests migrate with Flyway's default location alone).
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
                statement.execute("CALL FT_CREATE_INDEX('public', 'messages', 'content')");
            }
        }
    }
}
