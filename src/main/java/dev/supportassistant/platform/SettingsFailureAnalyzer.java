package dev.supportassistant.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad setting into one line that names the environment variable and what it accepts,
 * instead of Boot's report about internal property names. The variable is found through the
 * placeholder in {@code application.yml} ({@code support.ai.temperature: ${AI_TEMPERATURE:0.7}}),
 * so that file stays the only place mapping variables to properties.
 */
class SettingsFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Set<String> SECRET_SUFFIXES = Set.of("KEY", "SECRET", "PASSWORD", "CERTIFICATE", "TOKEN", "URL");
    private static final String ACTION = "Fix the variable in the environment or in .env; .env.example documents every setting.";

    private final Environment environment;

    SettingsFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException invalid) {
                return new FailureAnalysis(invalid.getMessage(), ACTION, invalid);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return new FailureAnalysis(describe(bind), ACTION, bind);
            }
        }
        return null;
    }

    private String describe(BindException bind) {
        if (bind.getCause() instanceof BindValidationException validation) {
            String prefix = validation.getValidationErrors().getName().toString();
            return validation.getValidationErrors().getAllErrors().stream()
                    .map(error -> describe(prefix, error))
                    .collect(Collectors.joining("; "));
        }
        String variable = variableFor(bind.getName().toString());
        return InvalidSettingException.describe(variable, shown(variable), expectedType(bind));
    }

    private String describe(String prefix, ObjectError error) {
        if (error instanceof FieldError field) {
            String property = prefix + "." + dashed(field.getField());
            String variable = variableFor(property);
            return InvalidSettingException.describe(variable, shown(variable), "a value that " + error.getDefaultMessage());
        }
        return "Invalid settings under " + prefix + ": " + error.getDefaultMessage();
    }

    private static String expectedType(BindException bind) {
        Class<?> target = bind.getTarget().getType().resolve(Object.class);
        for (Throwable cause = bind; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConversionFailedException conversion && conversion.getTargetType() != null) {
                target = conversion.getTargetType().getType();
            }
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "a number";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.stream(target.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (target == java.time.Duration.class) {
            return "a duration such as 30s or 5m";
        }
        return "a valid " + target.getSimpleName();
    }

    /** Follows {@code ${...}} placeholders from the property to the environment variable behind it. */
    String variableFor(String property) {
        String name = property;
        for (int depth = 0; depth < 5; depth++) {
            Optional<String> placeholder = rawValue(name).map(PLACEHOLDER::matcher).filter(Matcher::find)
                    .map(matcher -> matcher.group(1));
            if (placeholder.isEmpty()) {
                return name.equals(property) ? property : name;
            }
            name = placeholder.get();
        }
        return name;
    }

    private Optional<String> rawValue(String property) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return Optional.empty();
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source.getName().equals("configurationProperties")) {
                continue; // a view over the other sources that resolves placeholders
            }
            Object value = source.getProperty(property);
            if (value != null) {
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }

    /** The value as the operator typed it, unless it may be a secret (URLs may carry passwords). */
    private String shown(String variable) {
        boolean secret = SECRET_SUFFIXES.stream().anyMatch(variable.toUpperCase(Locale.ROOT)::endsWith);
        if (secret || environment == null) {
            return null;
        }
        try {
            return environment.getProperty(variable);
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    private static String dashed(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
