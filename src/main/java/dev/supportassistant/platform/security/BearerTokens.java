package dev.supportassistant.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token the resource server checks as a JWT, read as the old backend read it (the
 * scheme in any case, spaces trimmed, an empty token as none; Spring's default resolver refuses
 * these), and none once the operator's key authenticated the request: that bearer was the key.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() ? null : of(request);
    }

    static @Nullable String of(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    /** Three dot-separated parts: a JWT, not a guess at the admin key. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
