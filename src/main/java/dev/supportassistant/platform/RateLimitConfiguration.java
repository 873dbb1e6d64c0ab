package dev.supportassistant.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.supportassistant.security.CallerResolver;
import dev.supportassistant.security.SecuritySettings;

/**
 * Wires the rate limits into Spring MVC, after Spring Security has established the caller. Rate
 * limits are counted in PostgreSQL when the service runs on it (so instances share them) and in
 * memory on the embedded H2 database.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimits;

    RateLimitConfiguration(CallerResolver callers, RateLimiter limiter, RateLimitSettings settings,
            SecuritySettings security) {
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
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimits);
    }
}
