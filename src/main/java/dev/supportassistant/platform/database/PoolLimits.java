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
 * HikariCP's own limits admit requests to the database ({@code maximumPoolSize}, {@code connectionTimeout}
 * in application.yml; a refusal is a 503). On the embedded H2 file one connection: many concurrent writers
 * livelocked it (bench/RESULTS.md, "an admission queue in front of the connection pool").
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
     * Flyway holds two connections while it migrates: on H2 its own, opened while the pool holds one,
     * so that an in-memory database outlives Flyway's.
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

    static boolean embedded(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:");
    }
}
