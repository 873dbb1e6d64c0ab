package dev.supportassistant.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operator endpoint (or a controller whose endpoints all are): callers must present
 * {@code ADMIN_API_KEY} as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}.
 * Without a configured key such endpoints are open only with {@code DEBUG=true}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminOnly {
}
