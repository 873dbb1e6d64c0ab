package dev.supportassistant.platform.ratelimit;

import java.sql.DatabaseMetaData;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the rate limits into Spring MVC, after Spring Security has established who calls. The buckets
 * are shared through PostgreSQL when the service runs on it, in memory on the embedded H2 database.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<RateLimitInterceptor> rateLimits;

    RateLimitConfiguration(ObjectProvider<RateLimitInterceptor> rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimits.getObject());
    }

    @Bean
    static RateLimiter rateLimiter(DataSource dataSource) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(database) ? RateLimiter.onPostgres(dataSource, Clock.systemUTC())
                : RateLimiter.inMemory(Clock.systemUTC());
    }

    @Bean
    static RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter, RateLimitSettings settings, RequestClients clients) {
        return new RateLimitInterceptor(limiter, settings, clients);
    }
}
