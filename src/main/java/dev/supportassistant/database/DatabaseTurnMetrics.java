package dev.supportassistant.database;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** How many requests wait for their turn at the database (see {@link AdmittingDataSource}). */
@Component
class DatabaseTurnMetrics {

    static final String WAITING = "support.database.waiting";

    DatabaseTurnMetrics(DataSource dataSource, MeterRegistry registry) {
        if (dataSource instanceof AdmittingDataSource admitting) {
            Gauge.builder(WAITING, admitting, AdmittingDataSource::waiting)
                    .description("Requests waiting for their turn at the database (at most "
                            + DatabaseAdmissionConfiguration.MAX_WAITING + ", then 503)")
                    .register(registry);
        }
    }
}
