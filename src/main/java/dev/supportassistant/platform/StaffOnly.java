package dev.supportassistant.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a support-desk endpoint (or a controller whose endpoints all are): callers must be staff,
 * with {@code ADMIN_API_KEY} (as for {@link AdminOnly}) or a support agent's token, a JWT signed
 * with {@code SECRET_KEY} whose {@code role} claim is {@code agent}. Customers get 403, anonymous
 * callers 401. With neither setting configured such endpoints are open only with {@code DEBUG=true}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaffOnly {
}
