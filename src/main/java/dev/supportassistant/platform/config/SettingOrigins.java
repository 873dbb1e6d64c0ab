package dev.supportassistant.platform.config;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Where a property's value comes from and where it is declared, for messages about bad settings:
 * the environment variable behind it (followed through the {@code ${...}} placeholders of
 * {@code application.yml}, e.g. {@code server.port → support.api.port → API_PORT}), the value as it
 * may be shown, and the field of a {@code @ConfigurationProperties} record that declares what the
 * property accepts.
 */
final class SettingOrigins {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern DASH = Pattern.compile("-([a-z0-9])");
    private static final Set<String> SECRET_SUFFIXES = Set.of("KEY", "SECRET", "PASSWORD", "CERTIFICATE", "TOKEN", "URL");
    private static final int LONGEST_SHOWN_VALUE = 80;

    /** Where the application's settings records are: the package above this one. */
    private static final String APPLICATION_PACKAGE =
            SettingOrigins.class.getPackageName().substring(0, SettingOrigins.class.getPackageName().lastIndexOf('.'));

    private final @Nullable Environment environment;
    private @Nullable List<Class<?>> settingsTypes;

    /** @param environment absent when start-up stopped before there was one */
    SettingOrigins(@Nullable Environment environment) {
        this.environment = environment;
    }

    /** The property, then each property or variable its placeholder names, ending with the variable. */
    List<String> chain(String property) {
        List<String> chain = new ArrayList<>(List.of(property));
        for (int depth = 0; depth < 5; depth++) {
            Optional<String> next = rawValue(chain.get(chain.size() - 1)).map(PLACEHOLDER::matcher)
                    .filter(Matcher::find).map(matcher -> matcher.group(1));
            if (next.isEmpty()) {
                break;
            }
            chain.add(next.get());
        }
        return chain;
    }

    /** The environment variable behind the property (the property itself when it was set directly). */
    String variableFor(String property) {
        List<String> chain = chain(property);
        return chain.get(chain.size() - 1);
    }

    /**
     * The variable's value as the operator typed it, on one line and clipped; absent when it may be a
     * secret (URLs may carry passwords) or is unknown.
     */
    @Nullable String shown(String variable) {
        boolean secret = SECRET_SUFFIXES.stream().anyMatch(variable.toUpperCase(Locale.ROOT)::endsWith);
        if (secret || environment == null) {
            return null;
        }
        try {
            String value = environment.getProperty(variable);
            if (value == null) {
                return null;
            }
            String oneLine = value.replaceAll("\\p{Cntrl}+", " ");
            return oneLine.length() <= LONGEST_SHOWN_VALUE ? oneLine : oneLine.substring(0, LONGEST_SHOWN_VALUE) + "…";
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    /**
     * The record field declaring {@code property}: in {@code owner} (whose properties start with
     * {@code prefix}), else in any of the application's {@code @ConfigurationProperties} types.
     */
    Optional<Field> declaration(String property, @Nullable Class<?> owner, @Nullable String prefix) {
        if (owner != null && prefix != null && property.startsWith(prefix + ".")) {
            Optional<Field> field = field(owner, property.substring(prefix.length() + 1));
            if (field.isPresent()) {
                return field;
            }
        }
        for (Class<?> type : settingsTypes()) {
            String typePrefix = prefixOf(AnnotationUtils.findAnnotation(type, ConfigurationProperties.class));
            if (property.startsWith(typePrefix + ".")) {
                Optional<Field> field = field(type, property.substring(typePrefix.length() + 1));
                if (field.isPresent()) {
                    return field;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The application's {@code @ConfigurationProperties} types, found on the class path: a failure
     * may come before they are registered as beans (while Boot chooses its configuration) or with
     * no application context at all. Read only when start-up has already failed.
     */
    private List<Class<?>> settingsTypes() {
        if (settingsTypes == null) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            settingsTypes = scanner.findCandidateComponents(APPLICATION_PACKAGE).stream()
                    .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                            SettingOrigins.class.getClassLoader()))
                    .toList();
        }
        return settingsTypes;
    }

    static String prefixOf(ConfigurationProperties annotation) {
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /** The field at a dashed property path below {@code owner}, e.g. {@code circuit.minimum-calls}. */
    static Optional<Field> field(Class<?> owner, String dashedPath) {
        Class<?> type = owner;
        Field field = null;
        for (String name : dashedPath.split("\\.")) {
            try {
                field = type.getDeclaredField(camel(name.replaceAll("\\[\\d+]$", "")));
            } catch (NoSuchFieldException e) {
                return Optional.empty();
            }
            type = field.getType();
        }
        return Optional.ofNullable(field);
    }

    static String dashed(String javaPath) {
        return Arrays.stream(javaPath.split("\\."))
                .map(name -> name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .reduce((left, right) -> left + "." + right).orElse(javaPath);
    }

    private static String camel(String dashed) {
        return DASH.matcher(dashed).replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
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
}
