package dev.supportassistant.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps a separate {@code MANAGEMENT_PORT}, whose endpoints answer without a key, on {@code MANAGEMENT_HOST}
 * (loopback by default). Boot refuses a management address on the API's port, so it is set only for a port
 * of its own, which a placeholder in {@code application.yml} cannot do.
 */
class ManagementAddressEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ManagementPortType portType;
        try {
            portType = ManagementPortType.get(environment);
        } catch (RuntimeException notAPort) {
            return; // MANAGEMENT_PORT is not a number: ManagementSettings reports it, under its own name
        }
        if (portType != ManagementPortType.DIFFERENT) {
            return;
        }
        // The placeholder, not its value: a bad MANAGEMENT_HOST is then reported under its own name.
        environment.getPropertySources().addFirst(new MapPropertySource("managementAddress",
                Map.of("management.server.address", "${support.management.host}")));
    }
}
