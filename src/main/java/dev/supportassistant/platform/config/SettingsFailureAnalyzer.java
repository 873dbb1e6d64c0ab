package dev.supportassistant.platform.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad setting into one line naming the environment variable, its value (unless it may be
 * a secret) and what it accepts, e.g. {@code Invalid setting AI_TEMPERATURE=7: expected a number
 * from 0 to 2}, instead of Boot's report about internal property names. It reads any binding or
 * validation failure of a {@code @ConfigurationProperties} type, a conversion failure of one of
 * Boot's own properties, and an {@link InvalidSettingException} from a check of our own. What a
 * setting accepts comes from the type and constraints of the record field declaring it
 * ({@link AcceptedValues}); the variable from the placeholders of {@code application.yml}
 * ({@link SettingOrigins}), so that file stays the only place mapping variables to properties.
 * {@link StartupFailureReporter} prints the line.
 */
class SettingsFailureAnalyzer implements FailureAnalyzer {

    private static final String ACTION = "Fix the variable in the environment or in .env; .env.example documents every setting.";

    private final SettingOrigins origins;

    /** @param environment absent when start-up stopped before there was an application context */
    SettingsFailureAnalyzer(@Nullable Environment environment) {
        this.origins = new SettingOrigins(environment);
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        String line = describe(failure);
        return line == null ? null : new FailureAnalysis(line, ACTION, failure);
    }

    /** The one line about the setting that stopped start-up, when the failure is a setting's. */
    @Nullable String describe(Throwable failure) {
        InvalidSettingException invalid = cause(failure, InvalidSettingException.class);
        if (invalid != null) {
            return invalid.getMessage();
        }
        ConfigurationPropertiesBindException bean = cause(failure, ConfigurationPropertiesBindException.class);
        Class<?> owner = bean == null ? null : bean.getBeanType();
        String prefix = bean == null ? null : SettingOrigins.prefixOf(bean.getAnnotation());
        BindException bind = cause(failure, BindException.class);
        if (bind != null && bind.getCause() instanceof BindValidationException validation) {
            return validation.getValidationErrors().getAllErrors().stream()
                    .map(error -> describe(validation.getValidationErrors().getName().toString(), owner, error))
                    .distinct()
                    .collect(Collectors.joining("; "));
        }
        if (bind != null) {
            return describeConversion(bind.getName().toString(), bind.getTarget().getType().resolve(Object.class),
                    Arrays.asList(bind.getTarget().getAnnotations()), owner, prefix);
        }
        InvalidConfigurationPropertyValueException property = cause(failure, InvalidConfigurationPropertyValueException.class);
        if (property != null) {
            ConversionFailedException conversion = cause(failure, ConversionFailedException.class);
            Class<?> type = conversion == null || conversion.getTargetType() == null ? String.class
                    : conversion.getTargetType().getType();
            return describeConversion(property.getName(), type, List.of(), null, null);
        }
        return null;
    }

    /**
     * A value that is not even of the right type. What the setting accepts is read from the first
     * declaration along its placeholders that has constraints: Boot's {@code server.port} says only
     * "a whole number", the {@code support.api.port} it reads from also "from 1 to 65535".
     */
    private String describeConversion(String property, Class<?> type, List<Annotation> annotations,
            @Nullable Class<?> owner, @Nullable String prefix) {
        Optional<Field> declared = origins.chain(property).stream()
                .map(name -> origins.declaration(name, owner, prefix))
                .flatMap(Optional::stream)
                .filter(SettingsFailureAnalyzer::isConstrained)
                .findFirst()
                .or(() -> origins.declaration(property, owner, prefix));
        return declared.map(field -> line(property, field.getType(), Arrays.asList(field.getAnnotations())))
                .orElseGet(() -> line(property, type, annotations));
    }

    private String describe(String prefix, @Nullable Class<?> owner, ObjectError error) {
        if (!(error instanceof FieldError fieldError)) {
            return "Invalid settings under " + prefix + ": " + error.getDefaultMessage();
        }
        String path = SettingOrigins.dashed(fieldError.getField());
        Optional<Field> field = owner == null ? Optional.empty() : SettingOrigins.field(owner, path);
        if (field.isEmpty() && error.contains(ConstraintViolation.class)) {
            Object leaf = error.unwrap(ConstraintViolation.class).getLeafBean();
            field = leaf == null ? Optional.empty() : SettingOrigins.field(leaf.getClass(), path.replaceAll(".*\\.", ""));
        }
        String property = prefix + "." + path;
        String accepted = field.map(f -> AcceptedValues.describe(f.getType(), Arrays.asList(f.getAnnotations())))
                .orElse(null);
        String variable = origins.variableFor(property);
        return InvalidSettingException.describe(variable, origins.shown(variable),
                accepted != null ? accepted : "a value that " + error.getDefaultMessage());
    }

    private String line(String property, Class<?> type, List<Annotation> annotations) {
        String accepted = AcceptedValues.describe(type, annotations);
        String variable = origins.variableFor(property);
        return InvalidSettingException.describe(variable, origins.shown(variable),
                accepted != null ? accepted : "a valid " + type.getSimpleName());
    }

    private static boolean isConstrained(Field field) {
        return Arrays.stream(field.getAnnotations()).anyMatch(annotation -> annotation instanceof DurationUnit
                || annotation.annotationType().isAnnotationPresent(Constraint.class));
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
