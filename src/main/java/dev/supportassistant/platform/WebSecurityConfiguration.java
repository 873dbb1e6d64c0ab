package dev.supportassistant.platform;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.supportassistant.ratelimit.RateLimitInterceptor;

/**
 * Wires the request guards into Spring MVC: who the caller is, operator-only and staff-only
 * endpoints, and rate limits (the ratelimit module's), in that order.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration implements WebMvcConfigurer {

    private final CallerResolver callers;
    private final AdminAccessInterceptor adminAccess;
    private final StaffAccessInterceptor staffAccess;
    private final RateLimitInterceptor rateLimits;

    WebSecurityConfiguration(CallerResolver callers, AdminAccessInterceptor adminAccess,
            StaffAccessInterceptor staffAccess, RateLimitInterceptor rateLimits) {
        this.callers = callers;
        this.adminAccess = adminAccess;
        this.staffAccess = staffAccess;
        this.rateLimits = rateLimits;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminAccess);
        registry.addInterceptor(staffAccess);
        registry.addInterceptor(rateLimits);
    }
}
