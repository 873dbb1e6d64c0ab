package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Handoff meters, recorded in a registry the way Actuator would provide one. */
class HandoffMetricsTest {

    @Test
    void handoffsAreCountedByCauseAndWaitingAndResolutionTimesRecorded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HandoffMetrics metrics = new HandoffMetrics(new StaticListableBeanFactory(Map.of("registry", registry))
                .getBeanProvider(MeterRegistry.class));

        metrics.escalated(HandoffCause.CONFUSION);
        metrics.escalated(HandoffCause.CONFUSION);
        metrics.escalated(HandoffCause.CUSTOMER_REQUEST);
        metrics.claimed(Duration.ofSeconds(42));
        metrics.resolved(Duration.ofMinutes(5));

        assertThat(registry.get("support.handoffs").tag("cause", "confusion").counter().count()).isEqualTo(2);
        assertThat(registry.get("support.handoffs").tag("cause", "customer_request").counter().count()).isEqualTo(1);
        assertThat(registry.get("support.handoff.wait").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(42);
        assertThat(registry.get("support.handoff.resolution").timer().count()).isEqualTo(1);
    }
}
