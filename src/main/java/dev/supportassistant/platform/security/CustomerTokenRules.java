package dev.supportassistant.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.supportassistant.platform.web.ControlCharacters;

/**
 * What a correctly signed customer or agent token must also be to be believed. It carries
 * {@code iat} and {@code exp} (one without both would never expire), is not issued in the future
 * (which would postpone its expiry), has not expired, and lives at most
 * {@code ACCESS_TOKEN_EXPIRE_MINUTES}, each with {@value #CLOCK_SKEW_SECONDS} seconds of clock skew.
 * It names its holder ({@code sub}) in at most {@value #MAX_SUBJECT_CHARS} characters (the longest
 * user id the store keeps; limits and caps key on it too) and without control characters
 * ({@link ControlCharacters}). A support agent's token is told apart by two marks, which a
 * customer who can get a token signed with arbitrary claims still needs both of: the {@code role}
 * claim {@value #AGENT_ROLE} and the audience {@value #AGENT_AUDIENCE}. The first broken rule is
 * the token's problem, in words the client reads.
 */
final class CustomerTokenRules implements OAuth2TokenValidator<Jwt> {

    static final long CLOCK_SKEW_SECONDS = 60;
    /** The longest subject: the user id and owner columns hold 255 characters. */
    static final int MAX_SUBJECT_CHARS = 255;
    /** The claim that marks a support agent's token, and its value. */
    static final String ROLE_CLAIM = "role";
    static final String AGENT_ROLE = "agent";
    /** The audience ({@code aud}) a support agent's token must also name, and a customer's must not. */
    static final String AGENT_AUDIENCE = "support-desk";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(CLOCK_SKEW_SECONDS);

    private final int lifetimeMinutes;
    private final Clock clock;

    CustomerTokenRules(int lifetimeMinutes, Clock clock) {
        this.lifetimeMinutes = lifetimeMinutes;
        this.clock = clock;
    }

    /** Whether a token that passed these rules is a support agent's. */
    static boolean isAgents(Jwt token) {
        return AGENT_ROLE.equals(token.getClaims().get(ROLE_CLAIM));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String problem = lifetimeProblem(token.getIssuedAt(), token.getExpiresAt());
        if (problem == null) {
            problem = holderProblem(token);
        }
        return problem == null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, problem, null));
    }

    private @Nullable String lifetimeProblem(@Nullable Instant issuedAt, @Nullable Instant expiresAt) {
        if (issuedAt == null || expiresAt == null) {
            return "Token must carry both iat (issued at) and exp (expires at)";
        }
        Instant now = clock.instant();
        Duration longest = Duration.ofMinutes(lifetimeMinutes);
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return "Token issued in the future (iat after now)";
        }
        if (expiresAt.plus(CLOCK_SKEW).isBefore(now) || issuedAt.plus(longest).plus(CLOCK_SKEW).isBefore(now)) {
            return "Token expired";
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(longest.plus(CLOCK_SKEW)) > 0) {
            return "Token lifetime (exp - iat) is longer than ACCESS_TOKEN_EXPIRE_MINUTES (" + lifetimeMinutes
                    + " minutes)";
        }
        return null;
    }

    private static @Nullable String holderProblem(Jwt token) {
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
        boolean deskAudience = token.getAudience() != null && token.getAudience().contains(AGENT_AUDIENCE);
        if (isAgents(token) != deskAudience) {
            return "A support agent's token needs both the role claim '" + AGENT_ROLE + "' and the audience '"
                    + AGENT_AUDIENCE + "'; a customer's token neither";
        }
        return null;
    }
}
