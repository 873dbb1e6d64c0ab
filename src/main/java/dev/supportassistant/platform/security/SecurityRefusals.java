package dev.supportassistant.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers every request Spring Security turns away as a {@link Refusal}, which Spring MVC's
 * exception handling (the API's {@code ApiExceptionHandler}) writes as the problem detail every
 * other error is: in an access rule's own words, anonymous (the entry point) or known (the
 * access-denied handler); a token in the words of the rule it broke ({@link CustomerTokens}); a
 * request the firewall rejects (a path with {@code /../}, an encoded {@code ;} or {@code %}) as a 400.
 */
final class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String INVALID_TOKEN = "Invalid token";

    private final HandlerExceptionResolver errors;

    SecurityRefusals(HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        Refusal refusal = refusalIn(failure);
        answer(request, response, refusal != null ? refusal : Refusal.unauthorized(
                failure instanceof OAuth2AuthenticationException ? tokenProblem(failure) : "This endpoint needs credentials"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        Refusal refusal = refusalIn(denied);
        answer(request, response, refusal != null ? refusal : Refusal.forbidden("Access denied"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) {
        answer(request, response, Refusal.badRequest("The request is malformed: its URL is not in normal form or "
                + "holds characters this service refuses (for example /../, an encoded ; or an encoded %)"));
    }

    void answer(HttpServletRequest request, HttpServletResponse response, Refusal refusal) {
        errors.resolveException(request, response, null, refusal);
    }

    private static @Nullable Refusal refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** Which rule a bearer token broke; a token that is no valid JWT at all is just invalid. */
    private static String tokenProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().map(OAuth2Error::getDescription).filter(description ->
                        description != null).findFirst().orElse(INVALID_TOKEN);
            }
        }
        return INVALID_TOKEN;
    }
}
