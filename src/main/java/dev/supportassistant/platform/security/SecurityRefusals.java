package dev.supportassistant.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every request Spring Security turns away as the rest of the API answers errors: RFC 9457
 * problem details with a {@code detail} the frontend shows. A {@link Refusal} of an access rule is
 * answered in its own words, whether the caller is anonymous (the entry point) or known (the
 * access-denied handler); a token that fails the {@link CustomerTokenRules} says which rule; a
 * request the firewall rejects (a path with {@code /../}, an encoded {@code ;} or {@code %}) is a 400.
 */
final class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String INVALID_TOKEN = "Invalid token";

    private final JsonMapper json;

    SecurityRefusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        Refusal refusal = refusalIn(failure);
        if (refusal == null) {
            refusal = Refusal.unauthorized(failure instanceof OAuth2AuthenticationException ? tokenProblem(failure)
                    : "This endpoint needs credentials");
        }
        write(request, response, refusal);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Refusal refusal = refusalIn(denied);
        write(request, response, refusal != null ? refusal : Refusal.forbidden("Access denied"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, Refusal.badRequest("The request is malformed: its URL is not in normal form or "
                + "holds characters this service refuses (for example /../, an encoded ; or an encoded %)"));
    }

    void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        response.setStatus(refusal.status().value());
        if (refusal.challenge()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refusal.status().getReasonPhrase());
        problem.put("status", refusal.status().value());
        problem.put("detail", refusal.detail());
        problem.put("instance", request.getRequestURI());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The refusal an access rule decided, when the failure comes from one. */
    private static @Nullable Refusal refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** Which rule a bearer token broke, in the rule's words; a token that is no valid JWT at all is just invalid. */
    private static String tokenProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().map(OAuth2Error::getDescription).filter(Objects::nonNull)
                        .findFirst().orElse(INVALID_TOKEN);
            }
        }
        return INVALID_TOKEN;
    }
}
