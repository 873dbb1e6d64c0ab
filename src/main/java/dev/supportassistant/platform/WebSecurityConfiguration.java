package dev.supportassistant.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the request guards into Spring MVC: who the caller is, operator-only and staff-only
 * endpoints, and rate limits, in that order. Rate limits are counted in PostgreSQL when the service runs on it (so
 * instances share them) and in memory on the embedded H2 database.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration implements WebMvcConfigurer {

    private final CallerResolver callers;
    private final AdminAccessInterceptor adminAccess;
    private final StaffAccessInterceptor staffAccess;
    private final RateLimitInterceptor rateLimits;

    WebSecurityConfiguration(CallerResolver callers, AdminAccessInterceptor adminAccess,
            StaffAccessInterceptor staffAccess, RateLimiter limiter, RateLimitSettings settings,
            SecuritySettings security) {
        this.callers = callers;
        this.adminAccess = adminAccess;
        this.staffAccess = staffAccess;
        this.rateLimits = new RateLimitInterceptor(limiter, settings, security, callers, Clock.systemUTC());
    }

    @Bean
    static RateLimiter rateLimiter(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new SqlRateLimiter(jdbc) : new InMemoryRateLimiter();
        }
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
