package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A separate management port listens on loopback unless MANAGEMENT_HOST says otherwise. */
class ManagementAddressEnvironmentPostProcessorTest {

    private static MockEnvironment environment(String managementPort) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8000")
                .withProperty("support.management.host", "${MANAGEMENT_HOST:127.0.0.1}");
        if (managementPort != null) {
            environment.setProperty("management.server.port", managementPort);
        }
        return environment;
    }

    @Test
    void aSeparatePortListensOnLoopbackByDefault() {
        MockEnvironment environment = environment("9090");

        new ManagementAddressEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void managementHostChoosesAnotherInterface() {
        MockEnvironment environment = environment("9090").withProperty("MANAGEMENT_HOST", "0.0.0.0");

        new ManagementAddressEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void onTheApisPortNoAddressIsSetBecauseSpringBootWouldRefuseIt() {
        for (String port : new String[] {null, "8000"}) {
            MockEnvironment environment = environment(port);

            new ManagementAddressEnvironmentPostProcessor().postProcessEnvironment(environment, null);

            assertThat(environment.getProperty("management.server.address")).as("port %s", port).isNull();
        }
    }
}
