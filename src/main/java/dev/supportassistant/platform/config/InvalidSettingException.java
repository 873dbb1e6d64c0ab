package dev.supportassistant.platform.config;

import org.jspecify.annotations.Nullable;

/**
 * A setting (an environment variable or a {@code .env} entry) has a value the service cannot
 * run with, found by a check of the service's own. Start-up stops with Boot's failure report,
 * whose description is this message naming the variable and what it accepts; see
 * {@link SettingsFailureAnalyzer}.
 */
public class InvalidSettingException extends RuntimeException {

    private final String variable;
    private final String allowed;

    /**
     * @param variable the environment variable, e.g. {@code DEFAULT_AI_PROVIDER}
     * @param shownValue the offending value as it may be shown to the operator; absent when it must
     *     not be shown (it may hold a secret)
     * @param allowed what the variable accepts, e.g. {@code "one of local, openai"}
     */
    public InvalidSettingException(String variable, @Nullable String shownValue, String allowed) {
        super(describe(variable, shownValue, allowed));
        this.variable = variable;
        this.allowed = allowed;
    }

    public String variable() {
        return variable;
    }

    public String allowed() {
        return allowed;
    }

    static String describe(String variable, @Nullable String shownValue, String allowed) {
        String setting = shownValue == null ? variable : variable + "=" + shownValue;
        return "Invalid setting " + setting + ": expected " + allowed;
    }
}
