package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.supportassistant.EmbeddedPostgres;

/** Where the service counts: in buckets instances share on PostgreSQL, in this instance's own on H2. */
class RateLimitConfigurationIT {

    private static final RateLimiter.Budget ONE_A_MINUTE = new RateLimiter.Budget("chat", 1, Duration.ofMinutes(1));

    @Test
    void instancesOnOnePostgresShareTheirBuckets() throws Exception {
        String url = EmbeddedPostgres.newJdbcUrl("limits_config_" + System.nanoTime());
        DataSource postgres = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "postgres");
        Flyway.configure().dataSource(postgres).load().migrate();

        assertThat(RateLimitConfiguration.rateLimiter(postgres).acquire("ip:x", ONE_A_MINUTE)).isZero();
        assertThat(RateLimitConfiguration.rateLimiter(postgres).acquire("ip:x", ONE_A_MINUTE)).isPositive();
    }

    @Test
    void theEmbeddedDatabasesSingleInstanceKeepsThemInMemory() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:limits_config");

        assertThat(RateLimitConfiguration.rateLimiter(h2).acquire("ip:x", ONE_A_MINUTE)).isZero();
        assertThat(RateLimitConfiguration.rateLimiter(h2).acquire("ip:x", ONE_A_MINUTE)).isZero();
    }
}
