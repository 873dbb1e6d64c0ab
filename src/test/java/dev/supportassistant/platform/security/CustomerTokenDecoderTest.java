package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.supportassistant.CustomerTokensForTests;

/**
 * The decoder the resource server asks, without a server: every way a token fails is a
 * {@link JwtValidationException} whose words reach the client (a 401, never a 500), and a valid
 * token names a customer or an agent. {@code CustomerTokenRulesTest} drives the same rules over HTTP.
 */
class CustomerTokenDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static JwtDecoder decoder(String secretKey) {
        return CustomerTokenDecoder.of(new SecuritySettings(null, secretKey, "HS256", 30, List.of()), CLOCK);
    }

    private static String refusal(JwtDecoder decoder, String token) {
        JwtValidationException refused = catchThrowableOfType(JwtValidationException.class, () -> decoder.decode(token));
        assertThat(refused).as("refused").isNotNull();
        return refused.getErrors().iterator().next().getDescription();
    }

    private static String issued(Instant issuedAt, Instant expiresAt) {
        return CustomerTokensForTests.signed("ada", CustomerTokensForTests.SECRET_KEY, issuedAt, expiresAt);
    }

    @Test
    void withoutASecretKeyEveryTokenIsRefusedSayingSo() {
        assertThat(refusal(decoder(null), issued(NOW, NOW.plusSeconds(60))))
                .contains("not enabled").contains("SECRET_KEY");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrNotAJwtIsInvalid() {
        String otherKey = CustomerTokensForTests.signed("ada", "another-secret-key-of-enough-length-000000", NOW,
                NOW.plusSeconds(60));

        assertThat(refusal(decoder(CustomerTokensForTests.SECRET_KEY), otherKey)).isEqualTo("Invalid token");
        assertThat(refusal(decoder(CustomerTokensForTests.SECRET_KEY), "not-a-jwt")).isEqualTo("Invalid token");
    }

    @Test
    void aKeyTooShortToVerifyWithMakesEveryTokenInvalidNotAServerError() {
        // DEBUG=true lets such a key start; Nimbus refuses to verify with fewer than 256 bits.
        assertThat(refusal(decoder("short"), issued(NOW, NOW.plusSeconds(60)))).isEqualTo("Invalid token");
    }

    @Test
    void expiryCountsTheClockSkew() {
        Instant issued = NOW.minus(Duration.ofMinutes(10));

        assertThat(decoder(CustomerTokensForTests.SECRET_KEY).decode(issued(issued, NOW.minusSeconds(59))).getSubject())
                .isEqualTo("ada");
        assertThat(refusal(decoder(CustomerTokensForTests.SECRET_KEY), issued(issued, NOW.minusSeconds(61))))
                .isEqualTo("Token expired");
    }

    @Test
    void aValidTokenNamesACustomerOrAnAgent() {
        var customer = decoder(CustomerTokensForTests.SECRET_KEY).decode(issued(NOW, NOW.plusSeconds(600)));
        var agent = decoder(CustomerTokensForTests.SECRET_KEY).decode(CustomerTokensForTests.signed(
                new JWTClaimsSet.Builder().subject("bob").claim("role", "agent").audience("support-desk")
                        .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).build()));

        assertThat(Caller.of(CustomerTokenDecoder.holder(customer))).isEqualTo(new Caller("ada", false, null));
        assertThat(Caller.of(CustomerTokenDecoder.holder(agent))).isEqualTo(new Caller(null, false, "bob"));
        assertThat(CustomerTokenDecoder.holder(agent).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly(Caller.AGENT_AUTHORITY);
    }
}
