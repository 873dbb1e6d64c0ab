package dev.supportassistant.platform.config;

import org.jspecify.annotations.Nullable;

/**
 * A setting has a value the service cannot run with, found by a check of the service's own: start-up
 * stops with Boot's failure report, whose description is this message ({@link SettingsFailureAnalyzer}).
 */
public class InvalidSettingException extends RuntimeException {

    private final String variable;

    /**
     * @param variable the environment variable, e.g. {@code DEFAULT_AI_PROVIDER}
     * @param shownValue the value as it may be shown; absent when it may hold a secret
     * @param allowed what the variable accepts, e.g. {@code "one of local, openai"}
     */
    public InvalidSettingException(String variable, @Nullable String shownValue, String allowed) {
        super(line(variable, shownValue, "expected " + allowed));
        this.variable = variable;
    }

    /** The failure report's line: {@code Invalid setting API_PORT=http: expected a whole number}. */
    static String line(String variable, @Nullable String shownValue, String complaint) {
        return "Invalid setting " + (shownValue == null ? variable : variable + "=" + shownValue) + ": " + complaint;
    }

    public String variable() {
        return variable;
    }
}
