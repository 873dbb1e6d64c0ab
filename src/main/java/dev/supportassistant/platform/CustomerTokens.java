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
 * Checks customer identity tokens: JWTs signed HS256 with {@code SECRET_KEY}, as the old backend
 * issued them. A valid token's subject is the customer's user id, unless its {@code role} claim is
 * {@code agent}: then it is a support agent's token and the subject is the agent's name. The clock
 * is injectable so tests can issue tokens that have already expired.
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
            Instant now = clock.instant();
            if (claims.getExpirationTime() != null
                    && claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
                throw unauthorized("Token expired");
            }
            Date issuedAt = claims.getIssueTime();
            if (issuedAt != null && issuedAt.toInstant()
                    .plus(Duration.ofMinutes(settings.accessTokenExpireMinutes())).plus(CLOCK_SKEW).isBefore(now)) {
                throw unauthorized("Token expired");
            }
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw unauthorized("Token has no subject");
            }
            return new Identity(subject, AGENT_ROLE.equals(claims.getClaim(ROLE_CLAIM)));
        } catch (ParseException | JOSEException e) {
            throw unauthorized("Invalid token");
        }
    }

    private static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
        error.getHeaders().set("WWW-Authenticate", "Bearer");
        return error;
    }
}
