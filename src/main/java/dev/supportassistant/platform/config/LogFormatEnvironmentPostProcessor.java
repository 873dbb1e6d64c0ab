package dev.supportassistant.platform.config;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} turns the console log into one JSON object a line in the Elastic Common
 * Schema (Spring Boot's structured logging), with the request id as the field {@code requestId},
 * for log shippers; {@code plain} (the default) keeps the human-readable lines. Checked here, before
 * logging starts, so that a wrong value stops start-up with a message naming the variable rather
 * than quietly logging in the other format.
 */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "logFormat";
    private static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("support.observability.log-format", "plain");
        switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "", "plain" -> {
                // Boot's default console pattern, with the request id added in application.yml.
            }
            case "json" -> environment.getPropertySources().addFirst(
                    new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(STRUCTURED_CONSOLE, "ecs")));
            default -> throw new InvalidSettingException("LOG_FORMAT", format, "plain or json");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
