package dev.supportassistant.platform.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;

/**
 * Boot's failure analysis for a bad setting, in the operator's terms: the environment variable
 * (followed through {@code application.yml}'s placeholders, {@code server.port → support.api.port →
 * API_PORT}), its value unless it may be a secret, and what it accepts, read from the type and
 * constraints of the {@code @ConfigurationProperties} record declaring it. Boot's own analyzers
 * name internal properties and show every value, secrets included, so this one goes first.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer implements FailureAnalyzer {

    private static final String ACTION = "Set it in the environment or in .env; docs/configuration.md says what "
            + "each setting accepts.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:$]+)[:}]");
    private static final Pattern DASH = Pattern.compile("-([a-z0-9])");
    private static final Pattern SECRET = Pattern.compile(".*(KEY|SECRET|PASSWORD|CERTIFICATE|TOKEN|URL)");
    /** The application's packages, where its settings records are: this package is two below. */
    private static final String APPLICATION_PACKAGE =
            SettingsFailureAnalyzer.class.getPackageName().replaceFirst("\\.platform\\.config$", "");

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
        InvalidConfigurationPropertyValueException value = cause(failure, InvalidConfigurationPropertyValueException.class);
        if (invalid != null) {
            return invalid.getMessage();
        }
        if (bind != null && bind.getCause() instanceof BindValidationException validation) {
            String prefix = validation.getValidationErrors().getName() + ".";
            return validation.getValidationErrors().getAllErrors().stream()
                    .map(error -> describe(prefix + (error instanceof FieldError field ? dashed(field.getField()) : ""),
                            Object.class, error.getDefaultMessage()))
                    .distinct().collect(Collectors.joining("; "));
        }
        if (bind != null) {
            return describe(bind.getName().toString(), bind.getTarget().getType().resolve(Object.class), null);
        }
        if (value != null) {
            ConversionFailedException conversion = cause(failure, ConversionFailedException.class);
            return describe(value.getName(), conversion == null ? String.class : conversion.getTargetType().getType(), null);
        }
        return null;
    }

    /** What the property accepts comes from the record field declaring it, or one along its placeholders. */
    private String describe(String property, Class<?> type, @Nullable String complaint) {
        List<String> chain = chain(property);
        String accepted = chain.stream().map(SettingsFailureAnalyzer::declaration).flatMap(Optional::stream).findFirst()
                .map(field -> accepted(field.getType(), field.getAnnotations()))
                .orElseGet(() -> accepted(type, new Annotation[0]));
        String variable = chain.get(chain.size() - 1);
        return InvalidSettingException.describe(variable, shown(variable), accepted != null ? accepted
                : complaint != null ? "a value that " + complaint : "a valid " + type.getSimpleName());
    }

    /** The property, then each property or variable its placeholder names, ending with the variable. */
    private List<String> chain(String property) {
        List<String> chain = new ArrayList<>(List.of(property));
        while (environment instanceof ConfigurableEnvironment configurable && chain.size() < 5) {
            String last = chain.get(chain.size() - 1);
            Optional<Matcher> placeholder = configurable.getPropertySources().stream()
                    .filter(source -> !source.getName().equals("configurationProperties")) // resolves placeholders
                    .map(source -> source.getProperty(last)).filter(Objects::nonNull).findFirst()
                    .map(raw -> PLACEHOLDER.matcher(raw.toString())).filter(Matcher::find);
            if (placeholder.isEmpty()) {
                break;
            }
            chain.add(placeholder.get().group(1));
        }
        return chain;
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

    /**
     * The record field declaring the property, among the application's {@code @ConfigurationProperties}
     * types on the class path: a failure may come before they are beans, or with no context at all.
     */
    private static Optional<Field> declaration(String property) {
        for (Class<?> type : SettingsTypes.ALL) {
            ConfigurationProperties settings = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            String prefix = (settings.prefix().isEmpty() ? settings.value() : settings.prefix()) + ".";
            Field field = null;
            for (String name : property.startsWith(prefix) ? property.substring(prefix.length()).split("\\.") : new String[0]) {
                String camel = DASH.matcher(name).replaceAll(letter -> letter.group(1).toUpperCase(Locale.ROOT));
                try {
                    field = (field == null ? type : field.getType()).getDeclaredField(camel);
                } catch (NoSuchFieldException e) {
                    field = null;
                    break;
                }
            }
            if (field != null) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** {@code circuit.minimumCalls[0]} as a property path: {@code circuit.minimum-calls}. */
    private static String dashed(String javaPath) {
        return javaPath.replaceAll("\\[\\d+]", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * What a type with these constraints accepts, in words: {@code double} with {@code @DecimalMin("0.0")
     * @DecimalMax("2.0")} is "a number from 0 to 2". A constraint's own message is taken as those words,
     * so such messages are written as noun phrases: "32 hexadecimal characters, or nothing".
     */
    static @Nullable String accepted(Class<?> type, Annotation[] annotations) {
        ChronoUnit unit = Arrays.stream(annotations).filter(DurationUnit.class::isInstance)
                .map(annotation -> ((DurationUnit) annotation).value()).findFirst().orElse(ChronoUnit.MILLIS);
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        String kind = boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class ? "a number"
                : boxed == Integer.class || boxed == Long.class ? "a whole number"
                : boxed == Boolean.class ? "true or false"
                : boxed == Duration.class ? "a whole number of "
                        + (unit == ChronoUnit.MILLIS ? "milliseconds" : unit.toString().toLowerCase(Locale.ROOT))
                : boxed == InetAddress.class ? ApiSettings.LOCAL_ADDRESS
                : boxed.isEnum() ? "one of " + Arrays.stream(boxed.getEnumConstants())
                        .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                : null;
        String min = null;
        String max = null;
        List<String> limits = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (annotation instanceof Min bound) {
                min = String.valueOf(bound.value());
            } else if (annotation instanceof DecimalMin bound) {
                min = new BigDecimal(bound.value()).stripTrailingZeros().toPlainString();
            } else if (annotation instanceof DurationMin bound) {
                min = String.valueOf(Duration.ofDays(bound.days()).plusHours(bound.hours()).plusMinutes(bound.minutes())
                        .plusSeconds(bound.seconds()).plusMillis(bound.millis()).toNanos() / unit.getDuration().toNanos());
            } else if (annotation instanceof Max bound) {
                max = String.valueOf(bound.value());
            } else if (annotation instanceof DecimalMax bound) {
                max = new BigDecimal(bound.value()).stripTrailingZeros().toPlainString();
            } else if (annotation instanceof Size size) {
                limits.add("at most " + size.max() + " characters");
            } else if (annotation instanceof NotBlank && kind == null) {
                kind = "a value that is not empty";
            } else if (annotation instanceof jakarta.validation.constraints.Pattern pattern) {
                limits.add(pattern.message().startsWith("{") ? "text matching " + pattern.regexp() : pattern.message());
            }
        }
        if (min != null || max != null) {
            String range = max == null ? min + " or more" : min == null ? "at most " + max : "from " + min + " to " + max;
            if (kind != null && limits.isEmpty() && range.startsWith("from")) {
                return kind + " " + range;
            }
            limits.add(0, range);
        }
        if (kind != null) {
            limits.add(0, kind);
        }
        return limits.isEmpty() ? null : String.join(", ", limits);
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Found once, and only when start-up has already failed. */
    private static final class SettingsTypes {

        static final List<Class<?>> ALL = find();

        private static List<Class<?>> find() {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            return scanner.findCandidateComponents(APPLICATION_PACKAGE).stream()
                    .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                            SettingsFailureAnalyzer.class.getClassLoader()))
                    .toList();
        }
    }
}
