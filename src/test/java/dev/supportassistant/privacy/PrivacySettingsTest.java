package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.supportassistant.platform.config.InvalidSettingException;

/** The privacy settings as they bind: a region libphonenumber does not know stops start-up by name. */
class PrivacySettingsTest {

    @Test
    void aRegionIsReadInEitherCase() {
        PrivacySettings settings = bind(Map.of("masking", "true", "store-masked", "false", "phone-region", "gb"));

        assertThat(settings).isEqualTo(new PrivacySettings(true, false, "GB"));
    }

    @Test
    void aRegionThatIsNoneStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("masking", "true", "store-masked", "false", "phone-region", "USA")))
                .hasRootCauseInstanceOf(InvalidSettingException.class)
                .rootCause().hasMessage("Invalid setting PII_PHONE_REGION=USA: expected a two-letter region code such as US, GB or DE");
    }

    private static PrivacySettings bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((name, value) -> source.put("support.privacy." + name, value));
        return new Binder(source).bindOrCreate("support.privacy", PrivacySettings.class);
    }
}
