package dev.supportassistant.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * HikariCP's own limits stand between requests and the database: at most {@code maximumPoolSize}
 * connections in use, and a caller that gets none within {@code connectionTimeout} (application.yml)
 * is refused, answered 503 whether the database is busy or down. On the embedded H2 file one
 * connection: H2 stores commits one at a time under one lock, and many concurrent writers livelocked
 * it (bench/RESULTS.md, "an admission queue in front of the connection pool").
 */
@Configuration(proxyBeanMethods = false)
class PoolLimits {

    @Bean
    static BeanPostProcessor oneConnectionOnTheEmbeddedDatabase() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && embedded(pool)) {
                    pool.setMaximumPoolSize(1);
                }
                return bean;
            }
        };
    }

    /**
     * Flyway holds two connections at once while it migrates (before any request): on H2 its own. The
     * pool opens its connection first, so that an in-memory database outlives Flyway's.
     */
    @Bean
    static FlywayConfigurationCustomizer migrationsOnConnectionsOfTheirOwn() {
        return flyway -> {
            if (flyway.getDataSource() instanceof HikariDataSource pool && embedded(pool)) {
                try (Connection opened = pool.getConnection()) {
                    flyway.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                } catch (SQLException unavailable) {
                    throw new CannotGetJdbcConnectionException("The embedded database cannot be opened", unavailable);
                }
            }
        };
    }

    private static boolean embedded(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:");
    }
}
