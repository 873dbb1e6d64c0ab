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
        super("Invalid setting " + (shownValue == null ? variable : variable + "=" + shownValue) + ": expected "
                + allowed);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
