package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.ApiTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Spring Security observes nothing of its own: with an observation registry present it would wrap
 * every filter of every request in an observation (a tenth of a turn's processor time in the profile
 * of bench/RESULTS.md), while the request metrics already count refusals by status.
 */
class SecurityObservationsTest extends ApiTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void requestsThroughTheFilterChainLeaveNoSecurityObservations() {
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stats").status()).isEqualTo(401);

        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
        assertThat(meters.getMeters()).anyMatch(meter -> meter.getId().getName().equals("http.server.requests"));
    }
}
