package dev.supportassistant.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.EmbeddedPostgres;
import dev.supportassistant.RunningService;

/**
 * On a real PostgreSQL: the statistics' and the outcomes' SQL adds up the same as on H2, and readiness goes down
 * when the database does (while liveness stays up, so the orchestrator waits instead of restarting).
 */
class StatsOnPostgresIT {

    @Test
    void statsAddUpOnPostgresAndReadinessFollowsTheDatabase() throws SQLException {
        String database = "stats_" + Long.toHexString(System.nanoTime());
        try (RunningService service = RunningService.start("DATABASE_URL=" + EmbeddedPostgres.newDatabaseUrl(database),
                // A lost database is reported within a second, not after Hikari's default 30.
                "spring.datasource.hikari.connection-timeout=500")) {
            StatsFixture.store(service.context().getBean(JdbcClient.class));

            var stats = service.api().asAdmin().get("/api/v1/stats?from=" + StatsFixture.FROM + "&to=" + StatsFixture.TO);
            StatsFixture.assertStats(stats.json());
            OutcomesFixture.store(service.context().getBean(JdbcClient.class));
            var outcomes = service.api().asAdmin().get(OutcomesFixture.QUERY);
            assertThat(outcomes.status()).as(outcomes.body()).isEqualTo(200);
            OutcomesFixture.assertReport(outcomes.json());
            assertThat(service.api().get("/actuator/health/readiness").status()).isEqualTo(200);

            dropDatabase(database);

            var readiness = service.api().get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(service.api().get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    private static void dropDatabase(String database) throws SQLException {
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + EmbeddedPostgres.port() + "/postgres", "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }
}
