package dev.supportassistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's README, for tests that hold what it tells an operator to what the service does:
 * a section by its heading, or the sample JSON after a sentence.
 */
public final class Readme {

    private Readme() {
    }

    public static String text() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the heading (without its #s) to the next heading of the same or a higher level. */
    public static String section(String heading) {
        String text = text();
        int line = text.indexOf("# " + heading + "\n");
        if (line < 0) {
            throw new IllegalArgumentException("No section '" + heading + "' in README.md");
        }
        int start = text.lastIndexOf('\n', line) + 1;
        String hashes = text.substring(start, line + 1);
        int end = text.indexOf("\n" + hashes + " ", line);
        for (int level = hashes.length() - 1; level > 0; level--) {
            int higher = text.indexOf("\n" + "#".repeat(level) + " ", line);
            if (higher >= 0 && (end < 0 || higher < end)) {
                end = higher;
            }
        }
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The first {@code ```json} block after {@code marker}. */
    public static String jsonAfter(String marker) {
        String text = text();
        int at = text.indexOf(marker);
        int open = text.indexOf("```json\n", at);
        if (at < 0 || open < 0) {
            throw new IllegalArgumentException("No JSON sample after '" + marker + "' in README.md");
        }
        return text.substring(open + "```json\n".length(), text.indexOf("```", open + "```json\n".length()));
    }
}
