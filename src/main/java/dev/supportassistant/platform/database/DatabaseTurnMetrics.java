package dev.supportassistant.platform.database;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many requests wait for their turn at the database: at its turnstile ({@link AdmittingDataSource})
 * and, on the embedded H2 file, queued to share the next commit ({@link GroupCommit}).
 */
@Component
class DatabaseTurnMetrics {

    static final String WAITING = "support.database.waiting";

    DatabaseTurnMetrics(DataSource dataSource, GroupCommit commits, MeterRegistry registry) {
        if (dataSource instanceof AdmittingDataSource admitting) {
            Gauge.builder(WAITING, () -> admitting.waiting() + commits.waiting())
                    .description("Requests waiting for their turn at the database or, on the embedded"
                            + " database, for the next commit (at most " + DatabaseAdmissionConfiguration.MAX_WAITING
                            + " in each line, then 503)")
                    .register(registry);
        }
    }
}
