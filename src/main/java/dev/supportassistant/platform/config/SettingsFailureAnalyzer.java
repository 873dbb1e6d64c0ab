package dev.supportassistant.platform.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;

/**
 * Boot's failure analysis of a bad setting, naming the environment variable behind the property
 * (through {@code application.yml}'s placeholders: {@code server.port → support.api.port → API_PORT}) and its
 * value unless it may be a secret, with what is wrong as Boot's binder and Bean Validation say it. Boot's
 * own analyzers name the internal property and show every value, secrets included, so this one goes first.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer implements FailureAnalyzer {

    private static final String ACTION = "Set it in the environment or in .env; docs/configuration.md says what "
            + "each setting accepts.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:$]+)[:}]");
    private static final Pattern SECRET = Pattern.compile(".*(KEY|SECRET|PASSWORD|CERTIFICATE|TOKEN|URL)");

    private final @Nullable Environment environment;

    /** @param environment absent when start-up stopped before there was an application context */
    SettingsFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        String description = describe(failure);
        return description == null ? null : new FailureAnalysis(description, ACTION, failure);
    }

    /** The line naming the setting that stopped start-up, when a setting did. */
    @Nullable String describe(Throwable failure) {
        InvalidSettingException invalid = cause(failure, InvalidSettingException.class);
        BindException bind = cause(failure, BindException.class);
        var value = cause(failure, InvalidConfigurationPropertyValueException.class);
        if (invalid != null) {
            return invalid.getMessage();
        }
        if (bind != null && bind.getCause() instanceof BindValidationException validation) {
            String name = validation.getValidationErrors().getName().toString();
            Map<String, TreeSet<String>> complaints = new TreeMap<>();
            validation.getValidationErrors().getAllErrors().forEach(error -> complaints.computeIfAbsent(
                    error instanceof FieldError field ? name + "." + dashed(field.getField()) : name,
                    property -> new TreeSet<>()).add(complaint(error.getDefaultMessage())));
            return complaints.entrySet().stream()
                    .map(entry -> describe(entry.getKey(), String.join("; ", entry.getValue())))
                    .collect(Collectors.joining("; "));
        }
        if (bind != null) {
            Class<?> type = bind.getTarget().getType().resolve(Object.class);
            return describe(bind.getName().toString(),
                    "expected " + kind(type, bind.getTarget().getAnnotation(DurationUnit.class)));
        }
        if (value != null) {
            ConversionFailedException conversion = cause(failure, ConversionFailedException.class);
            return describe(value.getName(), conversion == null ? Objects.toString(value.getReason(), "invalid")
                    : "expected " + kind(conversion.getTargetType().getType(), null));
        }
        return null;
    }

    private String describe(String property, String complaint) {
        String variable = variable(property);
        return InvalidSettingException.line(variable, shown(variable), complaint);
    }

    /** The variable a property reads, through the placeholders of {@code application.yml}; else the property. */
    private String variable(String property) {
        String name = property;
        for (int hop = 0; hop < 5 && environment instanceof ConfigurableEnvironment configurable; hop++) {
            String last = name;
            Optional<Matcher> placeholder = configurable.getPropertySources().stream()
                    .filter(source -> !source.getName().equals("configurationProperties")) // resolves placeholders
                    .map(source -> source.getProperty(last)).filter(Objects::nonNull).findFirst()
                    .map(raw -> PLACEHOLDER.matcher(raw.toString())).filter(Matcher::find);
            if (placeholder.isEmpty()) {
                break;
            }
            name = placeholder.get().group(1);
        }
        return name;
    }

    /** The value as the operator typed it, on one line and clipped; absent when it may be a secret. */
    private @Nullable String shown(String variable) {
        if (environment == null || SECRET.matcher(variable.toUpperCase(Locale.ROOT)).matches()) {
            return null;
        }
        try {
            String value = Objects.toString(environment.getProperty(variable), null);
            String oneLine = value == null ? null : value.replaceAll("\\p{Cntrl}+", " ");
            return oneLine == null || oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    /** Bean Validation's own words ("must be ..."), or a constraint's message written as what it expects. */
    private static String complaint(@Nullable String message) {
        return message == null ? "invalid" : message.contains("must ") ? message : "expected " + message;
    }

    /** What a value that did not convert should have been, in words. */
    private static String kind(Class<?> type, @Nullable DurationUnit unit) {
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (boxed == Integer.class || boxed == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "a number";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (boxed == Duration.class) {
            ChronoUnit units = unit == null ? ChronoUnit.MILLIS : unit.value();
            return "a whole number of " + units.toString().toLowerCase(Locale.ROOT);
        }
        if (boxed.isEnum()) {
            return "one of " + Arrays.stream(boxed.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "a " + boxed.getSimpleName();
    }

    /** {@code circuit.minimumCalls[0]} as a property path: {@code circuit.minimum-calls}. */
    private static String dashed(String javaPath) {
        return javaPath.replaceAll("\\[\\d+]", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
