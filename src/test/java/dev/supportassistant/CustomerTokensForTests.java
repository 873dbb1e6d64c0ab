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

    /** A support agent's token: signed with SECRET_KEY, role claim "agent", the agent's name as subject. */
    public static String agentToken(String agentName) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(agentName).claim("role", "agent").issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30)))).build());
            jwt.sign(new MACSigner(SECRET_KEY.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signed(String userId, String secret, Instant issuedAt, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(userId).issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
