/**
 * How the service reads its settings: the environment and {@code .env}, the log format, where the
 * API and the management endpoints listen and whether {@code DEBUG} is on, and the one-line start-up
 * message naming a bad setting ({@link dev.supportassistant.platform.config.InvalidSettingException}).
 */
@NamedInterface("config")
@NullMarked
package dev.supportassistant.platform.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
