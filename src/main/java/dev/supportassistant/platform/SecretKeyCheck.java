package dev.supportassistant.platform;

import org.springframework.stereotype.Component;

/**
 * Refuses to start a production service ({@code DEBUG=false}) whose customer tokens would be
 * signed with the published placeholder or a key short enough to guess.
 */
@Component
class SecretKeyCheck {

    SecretKeyCheck(SecuritySettings security, ApiSettings api) {
        if (!api.debug() && security.secretKeyIsWeak()) {
            throw new InvalidSettingException("SECRET_KEY", null, "a random value of at least "
                    + SecuritySettings.MIN_SECRET_BYTES + " bytes that is not the example placeholder "
                    + "(for example: openssl rand -hex 32), or unset it to turn customer tokens off");
        }
    }
}
