package dev.supportassistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's documentation (README.md and the manual under docs/), for tests that hold what it
 * tells a user to what the service does: a file's text, a section by its heading, or the sample
 * JSON after a sentence. Paths are relative to the repository, where the build runs.
 */
public final class Documentation {

    private Documentation() {
    }

    /** The whole file, e.g. {@code "docs/api.md"}. */
    public static String text(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From the heading (its text without the {@code #}s) to the next heading of the same or a
     * higher level. Lines inside fenced code blocks are not headings, whatever they start with
     * (a shell comment starts with {@code #} too).
     */
    public static String section(String file, String heading) {
        List<String> lines = text(file).lines().toList();
        int start = -1;
        int level = 0;
        boolean fenced = false;
        List<String> section = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            int hashes = fenced ? 0 : headingLevel(line);
            if (start >= 0 && hashes > 0 && hashes <= level) {
                break;
            }
            if (start < 0 && hashes > 0 && line.substring(hashes).strip().equals(heading)) {
                start = section.size();
                level = hashes;
            }
            if (start >= 0) {
                section.add(line);
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("No section '" + heading + "' in " + file);
        }
        return String.join("\n", section) + "\n";
    }

    /** The first {@code ```json} block after {@code marker}. */
    public static String jsonAfter(String file, String marker) {
        String text = text(file);
        int at = text.indexOf(marker);
        int open = at < 0 ? -1 : text.indexOf("```json\n", at);
        if (open < 0) {
            throw new IllegalArgumentException("No JSON sample after '" + marker + "' in " + file);
        }
        int body = open + "```json\n".length();
        return text.substring(body, text.indexOf("```", body));
    }

    /** 1 to 6 for a Markdown heading line ({@code ## Title}), else 0. */
    static int headingLevel(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes >= 1 && hashes <= 6 && hashes < line.length() && line.charAt(hashes) == ' ' ? hashes : 0;
    }
}
