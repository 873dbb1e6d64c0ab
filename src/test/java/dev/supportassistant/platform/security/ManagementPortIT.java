package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.env.Environment;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;
import dev.supportassistant.TwoInstancesOnPostgres;

/** {@code MANAGEMENT_PORT}: the health probes and metrics get a port of their own, on the loopback interface only. */
@ExtendWith(TwoInstancesOnPostgres.class)
class ManagementPortIT {

    @Test
    void aManagementPortOfItsOwnListensOnLoopbackOnly() {
        RunningService service = TwoInstancesOnPostgres.second();
        Environment environment = service.context().getEnvironment();
        int managementPort = Integer.parseInt(environment.getProperty("local.management.port"));

        assertThat(managementPort).isNotEqualTo(service.port());
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(new ApiClient(managementPort).get("/actuator/health").status()).isEqualTo(200);
    }
}
