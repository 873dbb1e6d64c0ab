package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import dev.supportassistant.ApiClient;
import dev.supportassistant.LimitedServiceTest;

/** Operator settings that change what the service lets through: a wildcard CORS origin, a management port. */
@LimitedServiceTest
class LimitedSettingsTest {

    @LocalServerPort
    private int port;

    @Value("${local.management.port}")
    private int managementPort;

    @Autowired
    private Environment environment;

    @Test
    void aWildcardOriginIsAllowedButNeverWithCredentials() {
        ApiClient api = new ApiClient(port);

        var preflight = api.send("OPTIONS", "/api/v1/chat", null, "Origin", "https://any.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        var simple = api.get("/api/v1/health", "Origin", "https://other.example");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(simple.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aManagementPortOfItsOwnListensOnLoopbackOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");

        var health = new ApiClient(managementPort).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
    }
}
