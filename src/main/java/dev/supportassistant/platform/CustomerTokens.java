package dev.supportassistant.platform;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks customer identity tokens: JWTs signed HS256 with {@code SECRET_KEY}, carrying {@code iat}
 * and {@code exp} at most {@code ACCESS_TOKEN_EXPIRE_MINUTES} apart. A valid token's subject is the
 * customer's user id, unless it is a support agent's token, told apart by two marks (a customer who
 * can get a token signed with arbitrary claims still needs both): the {@code role} claim
 * {@code agent} and the audience {@value #AGENT_AUDIENCE}. Then the subject is the agent's name.
 * The clock is injectable so tests can issue tokens that have already expired.
 */
@Component
class CustomerTokens {

    /** Tolerated clock difference between the token issuer and this service. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final SecuritySettings settings;
    private final Clock clock;

    @Autowired
    CustomerTokens(SecuritySettings settings) {
        this(settings, Clock.systemUTC());
    }

    CustomerTokens(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The claim that marks a support agent's token, and its value. */
    static final String ROLE_CLAIM = "role";
    static final String AGENT_ROLE = "agent";
    /** The audience ({@code aud}) a support agent's token must also name, and a customer's must not. */
    static final String AGENT_AUDIENCE = "support-desk";

    /**
     * A verified token's holder.
     *
     * @param subject the customer's user id, or the agent's name
     * @param agent whether the token's role claim is {@code agent}
     */
    record Identity(String subject, boolean agent) {
    }

    /** @return the token's subject, the customer's user id */
    String verify(String token) {
        return identify(token).subject();
    }

    Identity identify(String token) {
        if (!settings.customerTokensEnabled()) {
            throw unauthorized("Customer tokens are not enabled on this service (SECRET_KEY is not set)");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(settings.secretKey().getBytes(StandardCharsets.UTF_8)))) {
                throw unauthorized("Invalid token");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            checkLifetime(claims.getIssueTime(), claims.getExpirationTime());
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw unauthorized("Token has no subject");
            }
            boolean agentRole = AGENT_ROLE.equals(claims.getClaim(ROLE_CLAIM));
            boolean deskAudience = claims.getAudience().contains(AGENT_AUDIENCE);
            if (agentRole != deskAudience) {
                throw unauthorized("A support agent's token needs both the role claim '" + AGENT_ROLE
                        + "' and the audience '" + AGENT_AUDIENCE + "'; a customer's token neither");
            }
            return new Identity(subject, agentRole);
        } catch (ParseException | JOSEException e) {
            throw unauthorized("Invalid token");
        }
    }

    /**
     * A token must say when it was issued and when it expires: one without both would never
     * expire. It may not be issued in the future (beyond the clock skew), which would postpone its
     * expiry, nor live longer than {@code ACCESS_TOKEN_EXPIRE_MINUTES}.
     */
    private void checkLifetime(Date issuedAt, Date expiresAt) {
        if (issuedAt == null || expiresAt == null) {
            throw unauthorized("Token must carry both iat (issued at) and exp (expires at)");
        }
        Instant now = clock.instant();
        Duration longest = Duration.ofMinutes(settings.accessTokenExpireMinutes());
        if (issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw unauthorized("Token issued in the future (iat after now)");
        }
        if (expiresAt.toInstant().plus(CLOCK_SKEW).isBefore(now)
                || issuedAt.toInstant().plus(longest).plus(CLOCK_SKEW).isBefore(now)) {
            throw unauthorized("Token expired");
        }
        if (Duration.between(issuedAt.toInstant(), expiresAt.toInstant()).compareTo(longest.plus(CLOCK_SKEW)) > 0) {
            throw unauthorized("Token lifetime (exp - iat) is longer than ACCESS_TOKEN_EXPIRE_MINUTES ("
                    + settings.accessTokenExpireMinutes() + " minutes)");
        }
    }

    private static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
        error.getHeaders().set("WWW-Authenticate", "Bearer");
        return error;
    }
}
