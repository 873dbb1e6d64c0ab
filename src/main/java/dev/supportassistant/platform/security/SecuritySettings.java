package dev.supportassistant.platform.security;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Who may do what: {@code ADMIN_API_KEY}, {@code SECRET_KEY} (customers' and agents' tokens),
 * {@code ALGORITHM}, {@code ACCESS_TOKEN_EXPIRE_MINUTES} and {@code TRUSTED_PROXIES}, as
 * docs/configuration.md describes them. The keys never show in {@link #toString}.
 */
@Validated
@ConfigurationProperties("support.security")
public record SecuritySettings(@Nullable String adminApiKey, @Nullable String secretKey,
        @Pattern(regexp = "HS256", message = "HS256 (the only algorithm supported)") String algorithm,
        @Min(1) @Max(525_600) int accessTokenExpireMinutes, List<String> trustedProxies) {

    @ConstructorBinding
    public SecuritySettings(@Nullable String adminApiKey, @Nullable String secretKey, String algorithm,
            int accessTokenExpireMinutes, @Nullable String trustedProxies) {
        this(blankToNull(adminApiKey), blankToNull(secretKey), algorithm, accessTokenExpireMinutes,
                proxies(trustedProxies));
    }

    private static List<String> proxies(@Nullable String value) {
        List<String> proxies = value == null ? List.of() : Arrays.stream(value.split(","))
                .map(String::strip).filter(proxy -> !proxy.isEmpty()).toList();
        for (String proxy : proxies) {
            try {
                new IpAddressMatcher(proxy); // refuses a host name without asking DNS
            } catch (IllegalArgumentException notOne) {
                throw new InvalidSettingException("TRUSTED_PROXIES", value, "IP addresses or CIDR ranges, "
                        + "comma-separated, such as 10.0.0.5,192.168.0.0/16; '" + proxy + "' is not one");
            }
        }
        return proxies;
    }

    public boolean customerTokensEnabled() {
        return secretKey != null;
    }

    /** Whether staff can use the desk API: with the admin key, or an agent's token signed with {@code SECRET_KEY}. */
    public boolean staffCredentialsConfigured() {
        return adminApiKey != null || customerTokensEnabled();
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
