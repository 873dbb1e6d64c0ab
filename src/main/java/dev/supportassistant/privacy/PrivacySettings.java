package dev.supportassistant.privacy;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * What the service does with personal data in customers' text.
 *
 * @param masking whether personal data is replaced by placeholders before any text reaches an AI
 *     provider ({@code PII_MASKING}, default true)
 * @param storeMasked whether the database keeps customers' text masked instead of as written, so
 *     that the support desk too sees placeholders' masked forms ({@code PII_STORE_MASKED}, default false)
 * @param phoneRegion where a phone number written without a country code is taken to be, as an
 *     ISO 3166 region code ({@code PII_PHONE_REGION}, default US); numbers written with {@code +}
 *     and their country code are found whatever it is
 */
@Validated
@ConfigurationProperties("support.privacy")
public record PrivacySettings(boolean masking, boolean storeMasked, String phoneRegion) {

    public PrivacySettings {
        phoneRegion = phoneRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(phoneRegion)) {
            throw new InvalidSettingException("PII_PHONE_REGION", phoneRegion,
                    "a two-letter region code such as US, GB or DE");
        }
    }
}
