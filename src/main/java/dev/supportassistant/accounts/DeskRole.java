package dev.supportassistant.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a desk account may do: an {@code agent} works the queue; an {@code operator} also runs the
 * operator's console (providers, knowledge, usage, experiments, accounts) and may end a
 * conversation another agent holds.
 */
public enum DeskRole {
    AGENT, OPERATOR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeskRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
