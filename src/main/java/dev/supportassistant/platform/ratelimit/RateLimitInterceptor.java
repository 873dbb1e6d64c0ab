package dev.supportassistant.platform.ratelimit;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link RateLimited} budgets: per customer (their token's user id) when the request proves
 * one, otherwise per client address. Operators (admin key) are not limited. It runs after Spring
 * Security's checks, so a refused caller spends no budget.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final RequestClients clients;

    RateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, RequestClients clients) {
        this.limiter = limiter;
        this.settings = settings;
        this.clients = clients;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        RateLimited limited = handler instanceof HandlerMethod method ? method.getMethodAnnotation(RateLimited.class)
                : null;
        int perMinute = limited == null ? 0 : settings.perMinute(limited.value());
        if (perMinute == 0) {
            return true;
        }
        RequestClients.Client client = clients.of(request);
        if (client.admin()) {
            return true;
        }
        String key = client.userId() != null ? "user:" + client.userId() : "ip:" + client.address();
        long retryAfter = limiter.acquire(key, new RateLimiter.Budget(limited.value().name().toLowerCase(Locale.ROOT),
                perMinute, Duration.ofMinutes(1)));
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
