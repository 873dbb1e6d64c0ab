package dev.supportassistant.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * One routing setting's document read into plain maps and lists, with typed accessors whose
 * errors name the variable and the place in the document. YAML is read with a safe constructor
 * (no arbitrary types), and since JSON is YAML, one parser serves both.
 *
 * <p>A value starting with {@code {} or {@code [}, or spanning lines, is the document itself;
 * anything else is the path of a file holding it.
 */
final class SettingsDocument {

    private final String variable;

    private SettingsDocument(String variable) {
        this.variable = variable;
    }

    static SettingsDocument of(String variable) {
        return new SettingsDocument(variable);
    }

    /** The parsed document; absent when the setting is empty. */
    @Nullable Object parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (!(text.startsWith("{") || text.startsWith("[") || text.contains("\n"))) {
            Path file = Path.of(text);
            if (!Files.isRegularFile(file)) {
                throw invalid("inline JSON or YAML, or the path of a readable file; there is no file " + text);
            }
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw invalid("a readable file; " + text + " could not be read");
            }
        }
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException malformed) {
            // The parser's message quotes the document, which may be long; its first line says where.
            String first = String.valueOf(malformed.getMessage()).lines().findFirst().orElse("unreadable");
            throw invalid("valid JSON or YAML (" + first + ")");
        }
    }

    /** The list at the top, or under {@code key} of a top-level map. */
    List<Object> listOrUnder(Object document, String key) {
        if (document instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(key)) {
            return list(map.get(key), key);
        }
        return list(document, "the document");
    }

    List<Object> list(@Nullable Object value, String where) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw invalid("a list at " + where);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(@Nullable Object value, String where) {
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) map;
        }
        throw invalid("an object at " + where);
    }

    void onlyKeys(Map<String, Object> map, Set<String> known, String where) {
        map.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(unknown -> {
            throw invalid("only " + String.join(", ", known.stream().sorted().toList()) + " at " + where
                    + "; found \"" + unknown + "\"");
        });
    }

    /** The text at {@code key}: absent only when it is not {@code required} and not there. */
    @Nullable String text(Map<String, Object> map, String key, boolean required, String where) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw invalid("\"" + key + "\" at " + where);
            }
            return null;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
                || value.toString().isBlank()) {
            throw invalid("a non-empty text for \"" + key + "\" at " + where);
        }
        return value.toString().strip();
    }

    /** The number at {@code key}, if there is one. */
    @Nullable Double number(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw invalid("a number for \"" + key + "\" at " + where);
    }

    InvalidSettingException invalid(String expected) {
        // The value is not shown: it may be a whole document, or a file path with a prompt in it.
        return new InvalidSettingException(variable, null, expected);
    }
}
