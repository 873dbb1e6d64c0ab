package dev.supportassistant.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the interactive docs ({@code /docs}) and the OpenAPI document ({@code /openapi.json})
 * only with {@code DEBUG=true}. Springdoc reads its switches while the application is being
 * assembled, before settings are validated, so {@code DEBUG} is checked here, early, to fail
 * with a message naming it rather than with a stack trace about a condition.
 */
class ApiDocsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "apiDocs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String debug = environment.getProperty("support.api.debug", "false");
        boolean enabled;
        try {
            enabled = Boolean.TRUE.equals(DefaultConversionService.getSharedInstance().convert(debug.strip(), Boolean.class));
        } catch (ConversionException e) {
            throw new InvalidSettingException("DEBUG", debug, "true or false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                Map.of("springdoc.api-docs.enabled", enabled, "springdoc.swagger-ui.enabled", enabled)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
