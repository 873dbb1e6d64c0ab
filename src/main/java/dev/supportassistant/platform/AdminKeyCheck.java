package dev.supportassistant.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The one rule for operator access, shared by the {@link AdminOnly} endpoints and the management
 * endpoints: the request must carry {@code ADMIN_API_KEY}; without a configured key operator
 * access is open only with {@code DEBUG=true}.
 */
@Component
class AdminKeyCheck {

    private final SecuritySettings security;
    private final ApiSettings api;
    private final CallerResolver callers;

    AdminKeyCheck(SecuritySettings security, ApiSettings api, CallerResolver callers) {
        this.security = security;
        this.api = api;
        this.callers = callers;
    }

    /** Why the request may not use an operator endpoint (403 or 401), or empty when it may. */
    Optional<ErrorResponseException> refusal(HttpServletRequest request) {
        if (security.adminApiKey() == null) {
            if (api.debug()) {
                return Optional.empty();
            }
            return Optional.of(new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Operator endpoints are disabled: set ADMIN_API_KEY and send it as "
                            + "'Authorization: Bearer <key>' or 'X-API-Key: <key>'"), null));
        }
        CallerResolver.AdminKey key = callers.adminKey(request);
        if (key == CallerResolver.AdminKey.THROTTLED) {
            return Optional.of(callers.throttled(request));
        }
        if (key != CallerResolver.AdminKey.VALID) {
            ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "This operator endpoint needs the admin API key as 'Authorization: Bearer <key>' "
                                    + "or 'X-API-Key: <key>'"), null);
            error.getHeaders().set("WWW-Authenticate", "Bearer");
            return Optional.of(error);
        }
        return Optional.empty();
    }
}
