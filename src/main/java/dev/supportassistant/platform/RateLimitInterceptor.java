package dev.supportassistant.platform;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.supportassistant.security.Caller;
import dev.supportassistant.security.CallerResolver;
import dev.supportassistant.security.ClientAddress;
import dev.supportassistant.security.SecuritySettings;

/**
 * Applies {@link RateLimited} budgets: per customer (their token's user id) when the request
 * proves one, otherwise per client address (an IPv6 client by its /64, see {@link ClientAddress#key}).
 * Operators (admin key) are not limited.
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final SecuritySettings security;
    private final CallerResolver callers;
    private final Clock clock;

    RateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, SecuritySettings security,
            CallerResolver callers, Clock clock) {
        this.limiter = limiter;
        this.settings = settings;
        this.security = security;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RateLimited.class)) {
            return true;
        }
        RateLimited.Limit limit = method.getMethodAnnotation(RateLimited.class).value();
        int perMinute = settings.perMinute(limit);
        Caller caller = callers.resolve(request);
        if (perMinute == 0 || caller.admin()) {
            return true;
        }
        String client = caller.authenticatedUser().map(user -> "user:" + user)
                .orElseGet(() -> "ip:" + ClientAddress.key(ClientAddress.of(request, security.trustedProxies())));
        long retryAfter = limiter.acquire(limit.name().toLowerCase() + ":" + client, perMinute, clock.millis());
        if (retryAfter > 0) {
            ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                    ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many requests: at most "
                            + perMinute + " a minute; try again in " + retryAfter + " seconds"), null);
            tooMany.getHeaders().set("Retry-After", Long.toString(retryAfter));
            throw tooMany;
        }
        return true;
    }
}
