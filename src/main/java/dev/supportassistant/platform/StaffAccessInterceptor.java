package dev.supportassistant.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach a {@link StaffOnly} endpoint only with the admin key or a support agent's token. */
@Component
class StaffAccessInterceptor implements HandlerInterceptor {

    private static final String HOW = "send ADMIN_API_KEY as 'Authorization: Bearer <key>' or 'X-API-Key: <key>', "
            + "or a support agent's token (a JWT signed with SECRET_KEY whose role claim is agent) as "
            + "'Authorization: Bearer <token>'";

    private final SecuritySettings security;
    private final ApiSettings api;
    private final CallerResolver callers;

    StaffAccessInterceptor(SecuritySettings security, ApiSettings api, CallerResolver callers) {
        this.security = security;
        this.api = api;
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isStaffOnly(method)) {
            return true;
        }
        if (security.adminApiKey() == null && !security.customerTokensEnabled()) {
            if (api.debug()) {
                return true;
            }
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Support desk endpoints are disabled: set ADMIN_API_KEY or SECRET_KEY, then " + HOW), null);
        }
        Caller caller = callers.resolve(request);
        if (caller.staff()) {
            return true;
        }
        if (caller.authenticatedUser().isPresent()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "This support desk endpoint is for support staff, not customers"), null);
        }
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "This support desk endpoint needs staff "
                        + "credentials: " + HOW), null);
        error.getHeaders().set("WWW-Authenticate", "Bearer");
        throw error;
    }

    private static boolean isStaffOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(StaffOnly.class) || method.getBeanType().isAnnotationPresent(StaffOnly.class);
    }
}
