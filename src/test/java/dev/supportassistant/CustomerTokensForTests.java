package dev.supportassistant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Customer tokens as the old backend issued them, and support agents' tokens, signed with the tests' SECRET_KEY. */
public final class CustomerTokensForTests {

    /** src/test/resources/config/application.yml sets SECRET_KEY to this. */
    public static final String SECRET_KEY = "test-secret-key-for-customer-tokens-0123456789";

    private CustomerTokensForTests() {
    }

    public static String tokenFor(String userId) {
        return signed(userId, SECRET_KEY, Instant.now(), Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** The audience a support agent's token names besides its role claim. */
    public static final String AGENT_AUDIENCE = "support-desk";

    /**
     * A support agent's token: signed with SECRET_KEY, role claim "agent", audience "support-desk",
     * the agent's name as subject.
     */
    public static String agentToken(String agentName) {
        Instant now = Instant.now();
        return signed(new JWTClaimsSet.Builder().subject(agentName).claim("role", "agent").audience(AGENT_AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(30)))).build());
    }

    public static String signed(String userId, String secret, Instant issuedAt, Instant expiresAt) {
        return signed(new JWTClaimsSet.Builder().subject(userId).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt)).build(), secret);
    }

    /** Any claims, signed with the tests' SECRET_KEY. */
    public static String signed(JWTClaimsSet claims) {
        return signed(claims, SECRET_KEY);
    }

    private static String signed(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
