package dev.supportassistant.platform.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the service; the port is bound only to be validated ({@code server.port} reads it too).
 *
 * @param corsOrigins the browser origins allowed to call the API, parsed from a JSON list
 *     ({@code ["http://localhost:3000"]}) or a comma-separated list; {@code *} allows any
 */
@Validated
@ConfigurationProperties("support.api")
public record ApiSettings(@Nullable String host, @Min(1) @Max(65535) int port, boolean debug, List<String> corsOrigins) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Binding target: both list syntaxes of {@code CORS_ORIGINS} arrive as one string, and {@code DEBUG} as written. */
    @ConstructorBinding
    public ApiSettings(@Nullable String host, int port, @Nullable String debug, @Nullable String corsOrigins) {
        this(localAddress("API_HOST", host), port, debug("DEBUG", debug), parseOrigins(corsOrigins));
    }

    /** {@code true} or {@code false} (or empty) exactly: application.yml turns the API docs on for true alone. */
    static boolean debug(String variable, @Nullable String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidSettingException(variable, value, "true or false");
    }

    /** An address of this machine, or blank: the web server would fail on another with a stack trace. */
    static @Nullable String localAddress(String variable, @Nullable String host) {
        if (host == null || host.isBlank()) {
            return host;
        }
        try {
            InetAddress address = InetAddress.getByName(host.strip());
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return host.strip();
            }
        } catch (IOException unknown) {
            // reported below
        }
        throw new InvalidSettingException(variable, host,
                "an address of this machine, such as 0.0.0.0 (every interface) or 127.0.0.1");
    }

    static List<String> parseOrigins(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String trimmed = value.strip();
        List<String> origins;
        if (trimmed.startsWith("[")) {
            try {
                origins = Arrays.asList(JSON.readValue(trimmed, String[].class));
            } catch (JacksonException e) {
                throw new InvalidSettingException("CORS_ORIGINS", value,
                        "a JSON list of origins such as [\"http://localhost:3000\"] or a comma-separated list");
            }
        } else {
            origins = Arrays.asList(trimmed.split(","));
        }
        List<String> cleaned = origins.stream().map(String::strip).filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .toList();
        cleaned.stream().filter(origin -> !isOrigin(origin)).findFirst().ifPresent(bad -> {
            throw new InvalidSettingException("CORS_ORIGINS", value,
                    "origins such as http://localhost:3000 (scheme://host[:port]) or *; '" + bad + "' is not one");
        });
        return cleaned;
    }

    private static boolean isOrigin(String origin) {
        if (origin.equals("*")) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty())
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
