package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.supportassistant.EmbeddedPostgres;

/** Which buckets the service counts in: shared ones on PostgreSQL, this instance's own on H2. */
class RateLimitConfigurationIT {

    private static ApplicationContextRunner on(DataSource dataSource) {
        return new ApplicationContextRunner()
                .withUserConfiguration(RateLimitConfiguration.class)
                .withBean(DataSource.class, () -> dataSource)
                .withBean(JdbcClient.class, () -> JdbcClient.create(dataSource))
                .withBean(RateLimitSettings.class, () -> new RateLimitSettings(30, 10, 30))
                .withBean(RequestClients.class, () -> request -> new RequestClients.Client(null, null, false, "x"));
    }

    @Test
    void instancesOnOnePostgresShareTheirBuckets() {
        String url = EmbeddedPostgres.newJdbcUrl("limits_config_" + System.nanoTime());
        on(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "postgres")).run(context -> {
            assertThat(context.getBean(RateLimiter.class)).isInstanceOf(SqlRateLimiter.class);
            assertThat(context).hasSingleBean(RateLimitInterceptor.class);
        });
    }

    @Test
    void theEmbeddedDatabasesSingleInstanceKeepsThemInMemory() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:limits_config");
        on(h2).run(context -> assertThat(context.getBean(RateLimiter.class)).isInstanceOf(InMemoryRateLimiter.class));
    }
}
