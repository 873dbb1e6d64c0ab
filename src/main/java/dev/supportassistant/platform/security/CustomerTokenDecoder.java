package dev.supportassistant.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads customers' and support agents' tokens for the resource server: JWTs signed HS256 with
 * {@code SECRET_KEY}, verified by Spring Security's {@link NimbusJwtDecoder} and held to the
 * {@link CustomerTokenRules}. A token that is no valid JWT, has another algorithm or signature, is
 * just invalid; without {@code SECRET_KEY} every token is refused, saying so.
 */
final class CustomerTokenDecoder implements JwtDecoder {

    private static final MappedJwtClaimSetConverter DEFAULT_CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    /** Absent while customer tokens are off ({@code SECRET_KEY} unset). */
    private final @Nullable NimbusJwtDecoder nimbus;

    CustomerTokenDecoder(SecuritySettings settings, Clock clock) {
        if (!settings.customerTokensEnabled()) {
            this.nimbus = null;
            return;
        }
        this.nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                settings.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(new CustomerTokenRules(settings.accessTokenExpireMinutes(), clock));
        nimbus.setClaimSetConverter(CustomerTokenDecoder::claimsAsSent);
    }

    /**
     * The token's claims converted as Spring Security's defaults convert them (times to instants),
     * but a missing {@code iat} left missing: the defaults make one up from {@code exp}, and the
     * {@link CustomerTokenRules} would then call such a token issued in the future, not say what it lacks.
     */
    private static Map<String, Object> claimsAsSent(Map<String, Object> claims) {
        Map<String, Object> converted = DEFAULT_CLAIMS.convert(claims);
        if (!claims.containsKey(JwtClaimNames.IAT) && converted.containsKey(JwtClaimNames.IAT)) {
            converted = new HashMap<>(converted);
            converted.remove(JwtClaimNames.IAT);
        }
        return converted;
    }

    @Override
    public Jwt decode(String token) {
        if (nimbus == null) {
            throw refused("Customer tokens are not enabled on this service (SECRET_KEY is not set)");
        }
        try {
            return nimbus.decode(token);
        } catch (JwtValidationException brokeARule) {
            throw brokeARule;
        } catch (JwtException invalid) {
            // Also a key Nimbus finds too short to verify with (possible with DEBUG=true): no token is valid then.
            throw refused(SecurityRefusals.INVALID_TOKEN);
        }
    }

    /** Who a valid token proves: a support agent by name, or a customer by user id. */
    static JwtAuthenticationToken holder(Jwt token) {
        return new JwtAuthenticationToken(token, AuthorityUtils.createAuthorityList(
                CustomerTokenRules.isAgents(token) ? Caller.AGENT_AUTHORITY : Caller.CUSTOMER_AUTHORITY),
                token.getSubject());
    }

    private static JwtValidationException refused(String detail) {
        return new JwtValidationException(detail,
                List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, detail, null)));
    }
}
