package dev.supportassistant.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads customers' and support agents' tokens for the resource server: JWTs signed HS256 with
 * {@code SECRET_KEY}, verified by Spring Security's {@link NimbusJwtDecoder} and held to the
 * {@link CustomerTokenRules}. A token that is no valid JWT, has another algorithm or signature, is
 * just invalid; without {@code SECRET_KEY} every token is refused, saying so.
 */
final class CustomerTokenDecoder implements JwtDecoder {

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
