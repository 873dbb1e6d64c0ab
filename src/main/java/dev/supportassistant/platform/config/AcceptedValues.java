package dev.supportassistant.platform.config;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

/**
 * What a setting accepts, in plain words, read from the type it binds to and the constraints on
 * it: {@code double} with {@code @DecimalMin("0.0") @DecimalMax("2.0")} is "a number from 0 to 2".
 * Start-up failure messages use it for every {@code @ConfigurationProperties} record, so a new
 * setting gets a readable message by being declared, not by writing one.
 *
 * <p>A {@code @Pattern} (or any constraint) with its own {@code message} is taken as the words for
 * what it accepts, so write such messages as a noun phrase: {@code "32 hexadecimal characters"}.
 */
final class AcceptedValues {

    /** What {@code API_HOST} (Boot's {@code server.address}) accepts. */
    static final String LOCAL_ADDRESS = "an address of this machine, such as 0.0.0.0 (every interface) or 127.0.0.1";

    private AcceptedValues() {
    }

    /** @return the description, when the type or the constraints say anything */
    static @Nullable String describe(Class<?> type, Collection<Annotation> annotations) {
        String kind = kind(type, annotations);
        List<String> limits = new ArrayList<>();
        String range = type == Duration.class ? durationRange(annotations, unit(annotations)) : range(annotations);
        if (range != null) {
            limits.add(range);
        }
        for (Annotation annotation : annotations) {
            String text = textLimit(annotation);
            if (text != null) {
                limits.add(text);
            }
        }
        if (kind == null && limits.isEmpty()) {
            return null;
        }
        if (kind == null) {
            return String.join(", ", limits);
        }
        if (range != null && limits.size() == 1 && range.startsWith("from ")) {
            return kind + " " + range;
        }
        return limits.isEmpty() ? kind : kind + ", " + String.join(", ", limits);
    }

    private static @Nullable String kind(Class<?> type, Collection<Annotation> annotations) {
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            ChronoUnit unit = unit(annotations);
            return "a whole number of " + switch (unit) {
                case NANOS -> "nanoseconds";
                case MICROS -> "microseconds";
                case MILLIS -> "milliseconds";
                default -> unit.toString().toLowerCase(Locale.ROOT);
            };
        }
        if (type == InetAddress.class) {
            return LOCAL_ADDRESS;
        }
        if (annotations.stream().anyMatch(annotation -> annotation instanceof NotBlank || annotation instanceof NotEmpty)) {
            return "a value that is not empty";
        }
        return null;
    }

    private static @Nullable String range(Collection<Annotation> annotations) {
        String min = null;
        String max = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof Min m) {
                min = number(BigDecimal.valueOf(m.value()));
            } else if (annotation instanceof DecimalMin m) {
                min = (m.inclusive() ? "" : "more than ") + number(new BigDecimal(m.value()));
            } else if (annotation instanceof Positive) {
                min = "more than 0";
            } else if (annotation instanceof PositiveOrZero) {
                min = "0";
            } else if (annotation instanceof Max m) {
                max = number(BigDecimal.valueOf(m.value()));
            } else if (annotation instanceof DecimalMax m) {
                max = (m.inclusive() ? "" : "less than ") + number(new BigDecimal(m.value()));
            }
        }
        return range(min, max);
    }

    private static @Nullable String durationRange(Collection<Annotation> annotations, ChronoUnit unit) {
        String min = null;
        String max = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof DurationMin m) {
                min = (m.inclusive() ? "" : "more than ") + in(unit,
                        duration(m.days(), m.hours(), m.minutes(), m.seconds(), m.millis(), m.nanos()));
            } else if (annotation instanceof DurationMax m) {
                max = (m.inclusive() ? "" : "less than ") + in(unit,
                        duration(m.days(), m.hours(), m.minutes(), m.seconds(), m.millis(), m.nanos()));
            }
        }
        return range(min, max);
    }

    private static Duration duration(long days, long hours, long minutes, long seconds, long millis, long nanos) {
        return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusMillis(millis)
                .plusNanos(nanos);
    }

    private static @Nullable String range(@Nullable String min, @Nullable String max) {
        if (min != null && max != null) {
            return "from " + min + " to " + max;
        }
        if (min != null) {
            return min.startsWith("more") ? min : min + " or more";
        }
        if (max != null) {
            return max.startsWith("less") ? max : "at most " + max;
        }
        return null;
    }

    private static @Nullable String textLimit(Annotation annotation) {
        String own = ownMessage(annotation);
        if (own != null && !(annotation instanceof Min || annotation instanceof Max || annotation instanceof DecimalMin
                || annotation instanceof DecimalMax || annotation instanceof DurationMin
                || annotation instanceof DurationMax)) {
            return own;
        }
        if (annotation instanceof Size size) {
            String characters = size.min() > 0 && size.max() < Integer.MAX_VALUE
                    ? "from " + size.min() + " to " + size.max() : size.max() < Integer.MAX_VALUE
                            ? "at most " + size.max() : "at least " + size.min();
            return characters + " characters";
        }
        if (annotation instanceof Pattern pattern) {
            return "text matching " + pattern.regexp();
        }
        return null;
    }

    /** A constraint's own message, when it has one rather than the standard template. */
    static @Nullable String ownMessage(Annotation annotation) {
        try {
            Object message = annotation.annotationType().getMethod("message").invoke(annotation);
            return message instanceof String text && !text.startsWith("{") ? text : null;
        } catch (ReflectiveOperationException notAConstraint) {
            return null;
        }
    }

    private static ChronoUnit unit(Collection<Annotation> annotations) {
        return annotations.stream().filter(DurationUnit.class::isInstance).map(DurationUnit.class::cast)
                .map(DurationUnit::value).findFirst().orElse(ChronoUnit.MILLIS);
    }

    private static String in(ChronoUnit unit, Duration duration) {
        return number(new BigDecimal(duration.toNanos()).divide(new BigDecimal(unit.getDuration().toNanos())));
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
