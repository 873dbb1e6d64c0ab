package dev.supportassistant.platform.security;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers every request Spring Security turns away with a {@link Refusal}, which Spring MVC's
 * exception handling writes as the problem detail every other error is: an access rule's own, for
 * an anonymous caller (the entry point) or a known one (the access-denied handler); for a token, the
 * rule it broke ({@link CustomerTokenDecoder}); for a URL the firewall rejects, a 400.
 */
@Component
final class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String INVALID_TOKEN = "Invalid token";

    private final HandlerExceptionResolver errors;

    /** Also answers requests the firewall rejects, for every filter chain. */
    SecurityRefusals(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        // An access rule's refusal of an anonymous caller comes as the cause.
        Refusal refusal = ruled(failure.getCause());
        answer(request, response, refusal != null ? refusal : Refusal.unauthorized(failure
                instanceof OAuth2AuthenticationException token ? Objects.requireNonNullElse(
                        token.getError().getDescription(), INVALID_TOKEN) : "This endpoint needs credentials"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        Refusal refusal = ruled(denied);
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

    private static @Nullable Refusal ruled(@Nullable Throwable failure) {
        return failure instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof Refusal refusal ? refusal : null;
    }
}
