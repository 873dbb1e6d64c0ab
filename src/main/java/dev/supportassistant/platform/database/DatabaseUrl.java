package dev.supportassistant.platform.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Points Boot's {@code spring.datasource.*} at {@code DATABASE_URL} when it is set, a JDBC URL or the
 * {@code postgres://user:password@host:5432/db} form hosting platforms hand out, which Boot does not read.
 * Not placeholders: an empty {@code DATABASE_URL=} (as in {@code .env.example}) means the embedded database.
 */
class DatabaseUrl implements EnvironmentPostProcessor {

    private static final String HOST = "(?:\\[[0-9a-fA-F:]+]|[\\w.-]+)(?::\\d+)?";
    // Not java.net.URI: it rejects docker-compose's host names with underscores and PostgreSQL's host lists.
    private static final Pattern POSTGRES_URL = Pattern.compile(
            "postgres(?:ql)?://(?:(?<user>[^:@/\\s]*)(?::(?<password>[^@/\\s]*))?@)?"
                    + "(?<hosts>" + HOST + "(?:," + HOST + ")*)(?<database>/[^/?\\s]+)(?<query>\\?\\S*)?");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("DATABASE_URL", "").strip();
        if (url.isEmpty()) {
            return;
        }
        Map<String, Object> datasource = new HashMap<>();
        putText(datasource, "spring.datasource.username", environment.getProperty("DATABASE_USERNAME"));
        putText(datasource, "spring.datasource.password", environment.getProperty("DATABASE_PASSWORD"));
        datasource.putAll(url.startsWith("jdbc:") ? Map.of("spring.datasource.url", url) : fromPostgresUrl(url));
        environment.getPropertySources().addFirst(new MapPropertySource("DATABASE_URL", datasource));
    }

    /** The data source settings a {@code postgres://} URL holds: the JDBC URL, and the user and password in it. */
    static Map<String, Object> fromPostgresUrl(String url) {
        Matcher parts = POSTGRES_URL.matcher(url.strip());
        if (!parts.matches()) {
            // The value is not shown: it may carry the password.
            throw new InvalidSettingException("DATABASE_URL", null,
                    "jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db");
        }
        Map<String, Object> datasource = new HashMap<>();
        datasource.put("spring.datasource.url", "jdbc:postgresql://" + parts.group("hosts") + parts.group("database")
                + Objects.toString(parts.group("query"), ""));
        if (parts.group("user") != null) {
            datasource.put("spring.datasource.username", decode(parts.group("user")));
        }
        if (parts.group("password") != null) {
            datasource.put("spring.datasource.password", decode(parts.group("password")));
        }
        return datasource;
    }

    private static void putText(Map<String, Object> datasource, String property, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            datasource.put(property, value);
        }
    }

    /** Percent-decoding as URLs do it: unlike form decoding, a literal '+' stays a '+'. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
