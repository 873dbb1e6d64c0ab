package dev.supportassistant.platform.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where {@code /actuator} listens, bound only to be validated: Boot's {@code management.server.*} read the
 * same variables and take a negative port as "none", and fail on a foreign address with a stack trace.
 *
 * @param port {@code MANAGEMENT_PORT}: unset, the endpoints share the API's port (see
 *     the security module's access rules); 0 picks any free port
 * @param host {@code MANAGEMENT_HOST}: the interface a port of their own listens on (see
 *     {@link ManagementAddressEnvironmentPostProcessor})
 */
@Validated
@ConfigurationProperties("support.management")
record ManagementSettings(@Min(0) @Max(65535) @Nullable Integer port, @Nullable String host) {

    ManagementSettings {
        host = ApiSettings.localAddress("MANAGEMENT_HOST", host);
    }
}
