package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;

/**
 * What a customer or agent token must be to be believed: signed with SECRET_KEY, with {@code iat}
 * and {@code exp} at most ACCESS_TOKEN_EXPIRE_MINUTES (30 in the tests) apart, not issued in the
 * future, and an agent's with both the role claim and the desk's audience.
 */
class CustomerTokenRulesTest extends ApiTest {

    private static final String MINE = "/api/v1/conversations?user_id=ada";

    private int statusWith(JWTClaimsSet.Builder claims) {
        return api.withBearer(CustomerTokensForTests.signed(claims.build())).get(MINE).status();
    }

    private static JWTClaimsSet.Builder ada(Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("ada");
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        return claims;
    }

    @Test
    void aTokenWithinTheRulesIsBelieved() {
        Instant now = Instant.now();

        assertThat(statusWith(ada(now, now.plus(Duration.ofMinutes(30))))).isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryOrIssueTimeIsRefused() {
        Instant now = Instant.now();

        assertThat(statusWith(ada(null, null))).isEqualTo(401);
        assertThat(statusWith(ada(now, null))).isEqualTo(401);
        assertThat(statusWith(ada(null, now.plus(Duration.ofMinutes(10))))).isEqualTo(401);
        var response = api.withBearer(CustomerTokensForTests.signed(ada(now, null).build())).get(MINE);
        assertThat(response.json().get("detail").asString()).contains("iat").contains("exp");
    }

    @Test
    void aTokenWithoutIssueTimeIsToldSoNotThatItWasIssuedInTheFuture() {
        Instant now = Instant.now();

        var response = api.withBearer(CustomerTokensForTests.signed(ada(null, now.plus(Duration.ofMinutes(10)))
                .build())).get(MINE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("iat").doesNotContain("future");
    }

    @Test
    void aSubjectTooLongForTheStoreOrWithControlCharactersIsRefused() {
        Instant now = Instant.now();
        for (String subject : new String[] {"a".repeat(400), "ada\u0000", "ada\nadmin"}) {
            var response = api.withBearer(CustomerTokensForTests.signed(new JWTClaimsSet.Builder().subject(subject)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build()))
                    .chat("How do I reset my password?");

            assertThat(response.status()).as(subject).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).as(subject).contains("sub");
        }
        assertThat(api.withBearer(CustomerTokensForTests.tokenFor("a".repeat(255))).get(MINE.replace("ada",
                "a".repeat(255))).status()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() {
        Instant now = Instant.now();

        assertThat(statusWith(ada(now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)))))
                .isEqualTo(401);
        assertThat(statusWith(ada(now.plusSeconds(20), now.plus(Duration.ofMinutes(20))))).isEqualTo(200);
    }

    @Test
    void aTokenLivingLongerThanTheConfiguredLifetimeIsRefused() {
        Instant now = Instant.now();

        var response = api.withBearer(CustomerTokensForTests.signed(ada(now, now.plus(Duration.ofDays(365))).build()))
                .get(MINE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("ACCESS_TOKEN_EXPIRE_MINUTES");
    }

    @Test
    void anAgentTokenNeedsTheDesksAudienceBesidesItsRole() {
        Instant now = Instant.now();
        JWTClaimsSet.Builder roleOnly = new JWTClaimsSet.Builder().subject("mallory").claim("role", "agent")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        JWTClaimsSet.Builder audienceOnly = new JWTClaimsSet.Builder().subject("mallory")
                .audience(CustomerTokensForTests.AGENT_AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));

        for (JWTClaimsSet.Builder claims : new JWTClaimsSet.Builder[] {roleOnly, audienceOnly}) {
            var response = api.withBearer(CustomerTokensForTests.signed(claims.build()))
                    .get("/api/v1/desk/conversations");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).contains("support-desk");
        }
        assertThat(api.withBearer(CustomerTokensForTests.agentToken("bob")).get("/api/v1/desk/conversations").status())
                .isEqualTo(200);
    }
}
