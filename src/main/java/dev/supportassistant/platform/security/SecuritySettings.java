package dev.supportassistant.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Who may do what.
 *
 * @param adminApiKey {@code ADMIN_API_KEY}: the key operator endpoints require; unset, they are
 *     open only with {@code DEBUG=true}
 * @param secretKey {@code SECRET_KEY}: the HS256 key of customer identity tokens; unset, customer
 *     tokens are not accepted
 * @param algorithm {@code ALGORITHM}: the old backend's setting; only {@code HS256} is supported
 * @param accessTokenExpireMinutes {@code ACCESS_TOKEN_EXPIRE_MINUTES}: the longest lifetime a
 *     customer token may have, counted from its {@code iat}
 * @param trustedProxies {@code TRUSTED_PROXIES}: addresses of reverse proxies whose
 *     {@code X-Forwarded-For} header names the real client
 */
@Validated
@ConfigurationProperties("support.security")
public record SecuritySettings(@Nullable String adminApiKey, @Nullable String secretKey,
        @Pattern(regexp = "HS256", message = "HS256 (the only algorithm supported)") String algorithm,
        @Min(1) @Max(525_600) int accessTokenExpireMinutes, List<String> trustedProxies) {

    /** The placeholder of {@code .env.example}, which must never sign real tokens. */
    static final String PLACEHOLDER_SECRET = "change-me-in-production";
    static final int MIN_SECRET_BYTES = 32;
    static final int MIN_ADMIN_KEY_CHARS = 32;

    @ConstructorBinding
    public SecuritySettings(@Nullable String adminApiKey, @Nullable String secretKey, String algorithm,
            int accessTokenExpireMinutes, @Nullable String trustedProxies) {
        this(blankToNull(adminApiKey), blankToNull(secretKey), algorithm, accessTokenExpireMinutes,
                proxies(trustedProxies));
    }

    private static List<String> proxies(@Nullable String value) {
        List<String> proxies = value == null ? List.of() : Arrays.stream(value.split(","))
                .map(String::strip).filter(proxy -> !proxy.isEmpty()).toList();
        proxies.stream().filter(proxy -> !ClientAddress.isAddressOrRange(proxy)).findFirst().ifPresent(bad -> {
            throw new InvalidSettingException("TRUSTED_PROXIES", value, "IP addresses or CIDR ranges, "
                    + "comma-separated, such as 10.0.0.5,192.168.0.0/16; '" + bad + "' is not one");
        });
        return proxies;
    }

    public boolean customerTokensEnabled() {
        return secretKey != null;
    }

    /**
     * Whether support staff can authenticate to the desk API: with the admin key, or with an agent
     * token signed with {@code SECRET_KEY}. Desk accounts (the desk's web pages) are another way in.
     */
    public boolean staffCredentialsConfigured() {
        return adminApiKey != null || customerTokensEnabled();
    }

    boolean secretKeyIsWeak() {
        return secretKey != null
                && (secretKey.equals(PLACEHOLDER_SECRET) || secretKey.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES);
    }

    boolean adminApiKeyIsWeak() {
        return adminApiKey != null && adminApiKey.length() < MIN_ADMIN_KEY_CHARS;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SecuritySettings[adminApiKey=" + (adminApiKey == null ? null : "***") + ", secretKey="
                + (secretKey == null ? null : "***") + ", algorithm=" + algorithm + ", accessTokenExpireMinutes="
                + accessTokenExpireMinutes + ", trustedProxies=" + trustedProxies + "]";
    }
}
