package dev.supportassistant.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import dev.supportassistant.platform.web.ControlCharacters;

/**
 * Customers' and support agents' tokens: JWTs signed HS256 with {@code SECRET_KEY}, verified by
 * Spring Security's {@link NimbusJwtDecoder} and held to the rules of docs/security.md (60 seconds
 * of clock skew); the first rule a token breaks is its 401's detail. An agent's token carries two
 * marks, the {@code role} claim {@value #AGENT_ROLE} and the audience {@value #AGENT_AUDIENCE}, so
 * that a customer who can get arbitrary claims signed still needs both to pass for one.
 */
final class CustomerTokenDecoder {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The user id and owner columns hold 255 characters. */
    private static final int MAX_SUBJECT_CHARS = 255;
    private static final String AGENT_ROLE = "agent";
    private static final String AGENT_AUDIENCE = "support-desk";
    private static final MappedJwtClaimSetConverter DEFAULT_CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    private CustomerTokenDecoder() {
    }

    static JwtDecoder of(SecuritySettings settings, Clock clock) {
        String secretKey = settings.secretKey();
        if (secretKey == null) {
            return token -> {
                throw refused("Customer tokens are not enabled on this service (SECRET_KEY is not set)");
            };
        }
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(token -> {
            String problem = problem(token, settings.accessTokenExpireMinutes(), clock.instant());
            return problem == null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(invalid(problem));
        });
        nimbus.setClaimSetConverter(CustomerTokenDecoder::claimsAsSent);
        return token -> {
            try {
                return nimbus.decode(token);
            } catch (JwtValidationException brokeARule) { // its message would have a prefix the client need not read
                throw refused(brokeARule.getErrors().iterator().next().getDescription());
            } catch (JwtException invalid) {
                // Also a key too short to verify with (possible with DEBUG=true), which would otherwise be a 500.
                throw refused(SecurityRefusals.INVALID_TOKEN);
            }
        };
    }

    /** Who a valid token proves: a support agent by name, or a customer by user id. */
    static JwtAuthenticationToken holder(Jwt token) {
        return new JwtAuthenticationToken(token, AuthorityUtils.createAuthorityList(
                isAgents(token) ? Caller.AGENT_AUTHORITY : Caller.CUSTOMER_AUTHORITY), token.getSubject());
    }

    private static boolean isAgents(Jwt token) {
        return AGENT_ROLE.equals(token.getClaims().get("role"));
    }

    private static @Nullable String problem(Jwt token, int lifetimeMinutes, Instant now) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt == null || expiresAt == null) { // one without both would never expire
            return "Token must carry both iat (issued at) and exp (expires at)";
        }
        Duration longest = Duration.ofMinutes(lifetimeMinutes).plus(CLOCK_SKEW);
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) { // which would postpone its expiry
            return "Token issued in the future (iat after now)";
        }
        if (expiresAt.plus(CLOCK_SKEW).isBefore(now) || issuedAt.plus(longest).isBefore(now)) {
            return "Token expired";
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(longest) > 0) {
            return "Token lifetime (exp - iat) is longer than ACCESS_TOKEN_EXPIRE_MINUTES (" + lifetimeMinutes
                    + " minutes)";
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return "Token has no subject";
        }
        if (subject.length() > MAX_SUBJECT_CHARS) {
            return "Token subject (sub) is longer than " + MAX_SUBJECT_CHARS + " characters";
        }
        if (ControlCharacters.in(subject, false)) {
            return "Token subject (sub) " + ControlCharacters.REFUSAL;
        }
        List<String> audience = token.getAudience();
        if (isAgents(token) != (audience != null && audience.contains(AGENT_AUDIENCE))) {
            return "A support agent's token needs both the role claim '" + AGENT_ROLE + "' and the audience '"
                    + AGENT_AUDIENCE + "'; a customer's token neither";
        }
        return null;
    }

    /**
     * The claims converted as Spring Security's defaults convert them, but a missing {@code iat} left
     * missing: the defaults make one up from {@code exp}, and the token would be told it was issued in
     * the future instead of what it lacks.
     */
    private static Map<String, Object> claimsAsSent(Map<String, Object> claims) {
        Map<String, Object> converted = DEFAULT_CLAIMS.convert(claims);
        if (!claims.containsKey(JwtClaimNames.IAT) && converted.containsKey(JwtClaimNames.IAT)) {
            converted = new HashMap<>(converted);
            converted.remove(JwtClaimNames.IAT);
        }
        return converted;
    }

    private static JwtValidationException refused(String detail) {
        return new JwtValidationException(detail, List.of(invalid(detail)));
    }

    private static OAuth2Error invalid(String detail) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, detail, null);
    }
}
