package dev.supportassistant.platform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns about lines of {@code ./.env} written for python-dotenv or shells that Boot, reading Java
 * properties, takes otherwise: a quoted value keeps its quotes, {@code export KEY=value} sets nothing.
 * Names the line and the variable, never the value.
 */
@Component
class DotEnvHabits {

    private static final Logger log = LoggerFactory.getLogger(DotEnvHabits.class);
    private static final Pattern QUOTED = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([\"']).*\\2\\s*");
    private static final Pattern EXPORTED = Pattern.compile("\\s*export\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=.*");

    private final Path file;

    DotEnvHabits() {
        this(Path.of(".env"));
    }

    DotEnvHabits(Path file) {
        this.file = file;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnOnce() {
        warnings().forEach(log::warn);
    }

    /** One sentence per line that Boot reads otherwise than its writer meant; none without a file. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException unreadable) {
            return warnings;
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            Matcher quoted = QUOTED.matcher(line);
            Matcher exported = EXPORTED.matcher(line);
            if (exported.matches()) {
                warnings.add(".env line " + number + " (" + exported.group(1) + ") starts with 'export', so it sets"
                        + " nothing: write " + exported.group(1) + "=value");
            } else if (quoted.matches()) {
                warnings.add(".env line " + number + " (" + quoted.group(1) + "): the quotes are part of the value;"
                        + " remove them");
            }
        }
        return warnings;
    }
}
