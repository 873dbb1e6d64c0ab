package dev.supportassistant.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach an {@link AdminOnly} endpoint only with the admin key (or in debug mode without one). */
@Component
class AdminAccessInterceptor implements HandlerInterceptor {

    private final SecuritySettings security;
    private final ApiSettings api;
    private final CallerResolver callers;

    AdminAccessInterceptor(SecuritySettings security, ApiSettings api, CallerResolver callers) {
        this.security = security;
        this.api = api;
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isAdminOnly(method)) {
            return true;
        }
        if (security.adminApiKey() == null) {
            if (api.debug()) {
                return true;
            }
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Operator endpoints are disabled: set ADMIN_API_KEY and send it as 'Authorization: Bearer <key>' "
                            + "or 'X-API-Key: <key>'"), null);
        }
        if (!callers.presentsAdminKey(request)) {
            ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "This operator endpoint needs the admin API key as 'Authorization: Bearer <key>' "
                                    + "or 'X-API-Key: <key>'"), null);
            error.getHeaders().set("WWW-Authenticate", "Bearer");
            throw error;
        }
        return true;
    }

    private static boolean isAdminOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(AdminOnly.class) || method.getBeanType().isAnnotationPresent(AdminOnly.class);
    }
}
