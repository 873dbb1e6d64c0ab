package dev.supportassistant.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code MANAGEMENT_PORT}: the port of {@code /actuator}; unset, the endpoints share the API's port
 * (see {@link ActuatorAccessFilter}). Bound here only to be validated: Boot's
 * {@code management.server.port} reads the same variable, and would otherwise take a negative
 * value as "no management endpoints" and fail on one above 65535 with a stack trace.
 */
@Validated
@ConfigurationProperties("support.management")
record ManagementSettings(@Min(1) @Max(65535) Integer port) {
}
