package dev.supportassistant.platform.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Where the database is, from {@code DATABASE_URL}: either a JDBC URL (credentials from
 * {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}) or the
 * {@code postgresql://user:password@host:5432/db} form that hosting platforms hand out.
 */
record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String HOST = "(?:\\[[0-9a-fA-F:]+]|[\\w.-]+)(?::\\d+)?";
    private static final Pattern POSTGRES_URL = Pattern.compile(
            "postgres(?:ql)?://(?:(?<user>[^:@/\\s]*)(?::(?<password>[^@/\\s]*))?@)?"
                    + "(?<hosts>" + HOST + "(?:," + HOST + ")*)(?<database>/[^/?\\s]+)(?<query>\\?\\S*)?");
    private static final String ALLOWED =
            "jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db";

    static DatabaseUrl parse(String url, @Nullable String username, @Nullable String password) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, username, password);
        }
        // A regular expression rather than java.net.URI: URI rejects host names with underscores
        // (docker-compose service names) and the multi-host lists PostgreSQL's driver accepts.
        Matcher parts = POSTGRES_URL.matcher(trimmed);
        if (!parts.matches()) {
            throw invalid();
        }
        String user = parts.group("user") != null ? decode(parts.group("user")) : username;
        String secret = parts.group("password") != null ? decode(parts.group("password")) : password;
        String query = parts.group("query") != null ? parts.group("query") : "";
        return new DatabaseUrl("jdbc:postgresql://" + parts.group("hosts") + parts.group("database") + query, user, secret);
    }

    /** Percent-decoding as URLs do it: unlike form decoding, a literal '+' stays a '+'. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The value is not echoed: it may carry the database password. */
    private static InvalidSettingException invalid() {
        return new InvalidSettingException(VARIABLE, null, ALLOWED);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
