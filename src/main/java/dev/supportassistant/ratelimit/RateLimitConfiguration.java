package dev.supportassistant.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits are counted in PostgreSQL when the service runs on it (so instances share them) and
 * in memory on the embedded H2 database, which only one instance can use.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new SqlRateLimiter(jdbc) : new InMemoryRateLimiter();
        }
    }

    @Bean
    RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, RequestClients clients) {
        return new RateLimitInterceptor(limiter, settings, clients, Clock.systemUTC());
    }
}
