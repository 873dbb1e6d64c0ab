package dev.supportassistant.platform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file the way python-dotenv (which the old backend used) does, so existing
 * files keep working: {@code KEY=value} lines, {@code #} comments, an optional {@code export}
 * prefix, single quotes taken literally, double quotes with {@code \n} and {@code \"} escapes,
 * and inline comments after unquoted values.
 */
final class DotEnvFile {

    private static final java.util.regex.Pattern EXPORT_PREFIX = java.util.regex.Pattern.compile("^export\\s+");

    private DotEnvFile() {
    }

    static Map<String, Object> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Map<String, Object> parse(String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = EXPORT_PREFIX.matcher(line).replaceFirst("");
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            values.put(key, unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'")) {
            int end = value.indexOf('\'', 1);
            return end > 0 ? value.substring(1, end) : value.substring(1);
        }
        if (value.length() >= 2 && value.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i + 1 < value.length()) {
                    char next = value.charAt(++i);
                    out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = value.indexOf(" #");
        return (comment >= 0 ? value.substring(0, comment) : value).strip();
    }
}
