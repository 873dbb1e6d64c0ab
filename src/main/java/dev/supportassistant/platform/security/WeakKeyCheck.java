package dev.supportassistant.platform.security;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Refuses to start with {@code DEBUG=false} and a key short enough to guess, or the published
 * placeholder as {@code SECRET_KEY}, naming the variable but never its value. Not a constraint on
 * {@link SecuritySettings}: whether it applies depends on {@code DEBUG}, another record's setting.
 */
@Component
class WeakKeyCheck {

    /** The placeholder of {@code .env.example}, which must never sign real tokens. */
    private static final String PLACEHOLDER_SECRET = "change-me-in-production";

    WeakKeyCheck(SecuritySettings security, ApiSettings api) {
        String secret = security.secretKey();
        String adminKey = security.adminApiKey();
        if (api.debug()) {
            return;
        }
        if (secret != null
                && (secret.equals(PLACEHOLDER_SECRET) || secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new InvalidSettingException("SECRET_KEY", null, "a random value of at least 32 bytes that is not "
                    + "the example placeholder (for example: openssl rand -hex 32), or unset it to turn customer "
                    + "tokens off");
        }
        if (adminKey != null && adminKey.length() < 32) {
            throw new InvalidSettingException("ADMIN_API_KEY", null, "a random value of at least 32 characters "
                    + "(for example: openssl rand -hex 32), or unset it to close the operator endpoints");
        }
    }
}
