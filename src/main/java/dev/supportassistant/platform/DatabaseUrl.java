package dev.supportassistant.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the database is, from {@code DATABASE_URL}: either a JDBC URL (credentials from
 * {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}) or the
 * {@code postgresql://user:password@host:5432/db} form that hosting platforms hand out.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String ALLOWED =
            "jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db";

    static DatabaseUrl parse(String url, String username, String password) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, username, password);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw invalid();
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
                throw invalid();
            }
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                jdbc.append(':').append(uri.getPort());
            }
            jdbc.append(uri.getRawPath());
            if (uri.getRawQuery() != null) {
                jdbc.append('?').append(uri.getRawQuery());
            }
            String user = username;
            String secret = password;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                secret = parts.length > 1 ? decode(parts[1]) : password;
            }
            return new DatabaseUrl(jdbc.toString(), user, secret);
        } catch (URISyntaxException e) {
            throw invalid();
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
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
