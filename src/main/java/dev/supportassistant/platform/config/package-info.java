/**
 * Settings beyond Boot's binding and {@code .env} import: the API's and management endpoints', and the
 * failure analysis that names the environment variable of a bad setting.
 */
@NamedInterface("config")
@NullMarked
package dev.supportassistant.platform.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
