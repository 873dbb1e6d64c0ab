package dev.supportassistant.platform.security;

import org.springframework.stereotype.Component;

import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Refuses to start a production service ({@code DEBUG=false}) whose customer tokens would be
 * signed with the published placeholder or a key short enough to guess, or whose operator
 * endpoints would open to an admin key short enough to guess. The message names the variable,
 * never its value.
 */
@Component
class WeakKeyCheck {

    WeakKeyCheck(SecuritySettings security, ApiSettings api) {
        if (api.debug()) {
            return;
        }
        if (security.secretKeyIsWeak()) {
            throw new InvalidSettingException("SECRET_KEY", null, "a random value of at least "
                    + SecuritySettings.MIN_SECRET_BYTES + " bytes that is not the example placeholder "
                    + "(for example: openssl rand -hex 32), or unset it to turn customer tokens off");
        }
        if (security.adminApiKeyIsWeak()) {
            throw new InvalidSettingException("ADMIN_API_KEY", null, "a random value of at least "
                    + SecuritySettings.MIN_ADMIN_KEY_CHARS + " characters (for example: openssl rand -hex 32), "
                    + "or unset it to close the operator endpoints");
        }
    }
}
