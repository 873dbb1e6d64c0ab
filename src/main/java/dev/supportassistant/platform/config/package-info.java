/**
 * How the service reads its settings, beyond Boot's own binding of the {@code @ConfigurationProperties}
 * records and its {@code .env} import: the API's and the management endpoints' settings, the check of
 * {@code LOG_FORMAT}, and the failure analysis that names the environment variable of a bad setting
 * ({@link dev.supportassistant.platform.config.InvalidSettingException} for checks of the service's own).
 */
@NamedInterface("config")
@NullMarked
package dev.supportassistant.platform.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
