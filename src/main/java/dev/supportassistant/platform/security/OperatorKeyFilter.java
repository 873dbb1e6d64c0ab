package dev.supportassistant.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.supportassistant.platform.ratelimit.RateLimiter;

/**
 * Authenticates operators by {@code ADMIN_API_KEY}, as {@code X-API-Key} or a bearer token not
 * shaped like a JWT, compared in constant time. A client (by {@link CallerResolver#addressKey}) may
 * offer {@value #WRONG_KEYS_PER_MINUTE} wrong keys a minute; beyond that every key it offers is
 * refused with 429 until its budget refills, the right one included (else the guess that finds it
 * would pass). A wrong key authenticates nobody: the request goes on as anonymous.
 */
final class OperatorKeyFilter extends OncePerRequestFilter {

    static final int WRONG_KEYS_PER_MINUTE = 10;
    private static final RateLimiter.Budget WRONG_KEYS =
            new RateLimiter.Budget("admin-key", WRONG_KEYS_PER_MINUTE, Duration.ofMinutes(1));
    private static final String BEARER = "Bearer ";

    /** Absent while operator endpoints have no key. */
    private final byte @Nullable [] adminKey;
    private final RateLimiter attempts;
    private final SecurityRefusals refusals;
    /** Where an asynchronous dispatch of the same request (a stream) finds the operator again. */
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    OperatorKeyFilter(SecuritySettings security, RateLimiter attempts, SecurityRefusals refusals) {
        String key = security.adminApiKey();
        this.adminKey = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        this.attempts = attempts;
        this.refusals = refusals;
    }

    /** The operator, as the access rules and {@link Caller} see them. */
    static Authentication operator() {
        return UsernamePasswordAuthenticationToken.authenticated(Caller.ADMIN_NAME, null,
                AuthorityUtils.createAuthorityList(Caller.OPERATOR_AUTHORITY));
    }

    /**
     * The bearer token for the resource server to check as a JWT: none once the key authenticated
     * the request (the bearer was the key). Read as the old backend read it, the scheme in any case
     * and spaces trimmed, an empty one as none, which Spring's default resolver would refuse.
     */
    static @Nullable String jwtBearer(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() ? null : bearer(request);
    }

    private static @Nullable String bearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = request.getHeader("X-API-Key");
        String bearer = bearer(request);
        boolean valid = isAdminKey(apiKey) || isAdminKey(bearer);
        boolean jwt = bearer != null && bearer.chars().filter(c -> c == '.').count() == 2; // a token, not a guess
        if (adminKey != null && (valid || apiKey != null || bearer != null && !jwt)) {
            String client = CallerResolver.addressKey(request.getRemoteAddr());
            try {
                long wait = attempts.waitSeconds(client, WRONG_KEYS);
                if (wait > 0) {
                    refusals.answer(request, response, Refusal.tooManyKeyAttempts(wait));
                    return;
                }
                if (!valid) {
                    attempts.acquire(client, WRONG_KEYS);
                }
            } catch (DataAccessException unavailable) { // on PostgreSQL the attempts are counted there
                refusals.answer(request, response, Refusal.databaseUnavailable());
                return;
            }
            if (valid) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(operator());
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isAdminKey(@Nullable String candidate) {
        return adminKey != null && candidate != null
                && MessageDigest.isEqual(adminKey, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
