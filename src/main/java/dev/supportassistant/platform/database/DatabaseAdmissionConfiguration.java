package dev.supportassistant.platform.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Puts the connection pool behind an {@link AdmittingDataSource}. On PostgreSQL as many callers as
 * the pool has connections use the database at once. On the embedded H2 file database only one
 * does: H2 stores every commit synchronously under one lock (WRITE_DELAY=0, for crash safety), so
 * more would not run faster, and many concurrent transactions were seen to livelock inside H2
 * (bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseAdmissionConfiguration {

    /** How long a request waits for its turn at a busy (but working) database before a 503. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** How many requests may wait for the database at once; the next one is answered 503 at once. */
    static final int MAX_WAITING = 2000;

    private static final Logger log = LoggerFactory.getLogger(DatabaseAdmissionConfiguration.class);

    @Bean
    static BeanPostProcessor databaseAdmission() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof HikariDataSource pool)) {
                    return bean;
                }
                boolean embedded = pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:");
                int concurrency = embedded ? 1 : pool.getMaximumPoolSize();
                log.info("Database: at most {} caller(s) at once, the others queue for up to {} s", concurrency,
                        MAX_WAIT.toSeconds());
                return new AdmittingDataSource(pool, concurrency, MAX_WAIT, MAX_WAITING);
            }
        };
    }
}
