package dev.supportassistant.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One routing rule: conditions on a turn, and who answers when all of them hold. Bounds are
 * inclusive; a condition left out always holds, so a rule without any matches every turn.
 *
 * @param statuses the conversation statuses the rule applies to; empty for any
 */
record RoutingRule(String name, @Nullable Double minConfusion, @Nullable Double maxConfusion,
        @Nullable Double minKbScore, @Nullable Double maxKbScore, @Nullable Integer minLength,
        @Nullable Integer maxLength, @Nullable Integer minTurn, @Nullable Integer maxTurn,
        Set<ConversationStatus> statuses, String provider, @Nullable String model, @Nullable String systemPrompt) {

    static final Set<String> KEYS = Set.of("name", "when", "provider", "model", "system_prompt");
    static final Set<String> CONDITIONS = Set.of("min_confusion", "max_confusion", "min_kb_score", "max_kb_score",
            "min_length", "max_length", "min_turn", "max_turn", "status");

    boolean matches(TurnFacts turn) {
        return atLeast(turn.confusionLevel(), minConfusion) && atMost(turn.confusionLevel(), maxConfusion)
                && atLeast(turn.knowledgeScore(), minKbScore) && atMost(turn.knowledgeScore(), maxKbScore)
                && atLeast(turn.messageLength(), minLength) && atMost(turn.messageLength(), maxLength)
                && atLeast(turn.turn(), minTurn) && atMost(turn.turn(), maxTurn)
                && (statuses.isEmpty() || statuses.contains(turn.status()));
    }

    private static boolean atLeast(double value, @Nullable Number bound) {
        return bound == null || value >= bound.doubleValue();
    }

    private static boolean atMost(double value, @Nullable Number bound) {
        return bound == null || value <= bound.doubleValue();
    }

    /** Reads the rules of {@code ROUTING_RULES}: a list, or {@code {"rules": [...]}}. */
    static List<RoutingRule> parse(SettingsDocument document, @Nullable Object parsed) {
        if (parsed == null) {
            return List.of();
        }
        List<RoutingRule> rules = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<Object> entries = document.listOrUnder(parsed, "rules");
        for (int i = 0; i < entries.size(); i++) {
            String at = "rule " + (i + 1);
            Map<String, Object> entry = document.map(entries.get(i), at);
            String name = document.text(entry, "name", true, at);
            at = "rule " + (i + 1) + " (\"" + name + "\")";
            if (!names.add(name)) {
                throw document.invalid("unique rule names; \"" + name + "\" is used twice");
            }
            document.onlyKeys(entry, KEYS, at);
            Map<String, Object> when = entry.get("when") == null ? Map.of() : document.map(entry.get("when"), at + " when");
            document.onlyKeys(when, CONDITIONS, at + " when");
            rules.add(new RoutingRule(name,
                    fraction(document, when, "min_confusion", at), fraction(document, when, "max_confusion", at),
                    fraction(document, when, "min_kb_score", at), fraction(document, when, "max_kb_score", at),
                    count(document, when, "min_length", at), count(document, when, "max_length", at),
                    count(document, when, "min_turn", at), count(document, when, "max_turn", at),
                    statuses(document, when.get("status"), at),
                    document.text(entry, "provider", true, at).toLowerCase(java.util.Locale.ROOT),
                    document.text(entry, "model", false, at), document.text(entry, "system_prompt", false, at)));
        }
        return List.copyOf(rules);
    }

    private static @Nullable Double fraction(SettingsDocument document, Map<String, Object> when, String key, String at) {
        Double value = document.number(when, key, at);
        if (value != null && (value < 0 || value > 1)) {
            throw document.invalid("\"" + key + "\" between 0.0 and 1.0 at " + at);
        }
        return value;
    }

    private static @Nullable Integer count(SettingsDocument document, Map<String, Object> when, String key, String at) {
        Double value = document.number(when, key, at);
        if (value == null) {
            return null;
        }
        if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw document.invalid("a whole number of at least 0 for \"" + key + "\" at " + at);
        }
        return value.intValue();
    }

    private static Set<ConversationStatus> statuses(SettingsDocument document, @Nullable Object value, String at) {
        if (value == null) {
            return Set.of();
        }
        List<Object> names = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        Set<ConversationStatus> statuses = new LinkedHashSet<>();
        for (Object name : names) {
            statuses.add(ConversationStatus.fromWireName(String.valueOf(name)).orElseThrow(() -> document.invalid(
                    "\"status\" of " + java.util.Arrays.stream(ConversationStatus.values())
                            .map(ConversationStatus::wireName).toList() + " at " + at + "; found \"" + name + "\"")));
        }
        return Set.copyOf(statuses);
    }
}
