package dev.supportassistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.RunningService;

/** Operator endpoints need ADMIN_API_KEY; without one configured they are closed unless DEBUG=true. */
class AdminAccessTest extends ApiTest {

    private static final String[] OPERATOR_CALLS = {"POST /api/v1/agent/switch?provider=local", "GET /api/v1/docs",
            "POST /api/v1/docs", "DELETE /api/v1/docs/any-id"};

    private static ApiClient.Response call(ApiClient client, String call, String... headers) {
        String[] parts = call.split(" ");
        return client.send(parts[0], parts[1], parts[0].equals("POST") && parts[1].endsWith("docs")
                ? "{\"title\": \"t\", \"content\": \"c\"}" : null, headers);
    }

    @Test
    void operatorEndpointsRefuseCallersWithoutTheKey() {
        for (String operatorCall : OPERATOR_CALLS) {
            var response = call(api, operatorCall);

            assertThat(response.status()).as(operatorCall).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).contains("admin API key");
        }
    }

    @Test
    void operatorEndpointsRefuseAWrongKeyAndACustomerToken() {
        assertThat(call(api, OPERATOR_CALLS[0], "X-API-Key", "wrong").status()).isEqualTo(401);
        assertThat(call(api, OPERATOR_CALLS[0], "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(call(api, OPERATOR_CALLS[0], "Authorization",
                "Bearer " + CustomerTokensForTests.tokenFor("alice")).status()).isEqualTo(401);
    }

    @Test
    void theKeyIsAcceptedAsApiKeyHeaderOrBearerToken() {
        assertThat(call(api, OPERATOR_CALLS[0], "X-API-Key", ApiClient.TEST_ADMIN_KEY).status()).isEqualTo(200);
        assertThat(call(api, OPERATOR_CALLS[1], "Authorization", "Bearer " + ApiClient.TEST_ADMIN_KEY).status())
                .isEqualTo(200);
    }

    @Test
    void withoutAConfiguredKeyOperatorEndpointsAreClosedTellingTheOperatorWhatToSet() {
        try (RunningService service = RunningService.start("ADMIN_API_KEY=", "spring.datasource.url=jdbc:h2:mem:noadmin")) {
            var response = call(service.api(), OPERATOR_CALLS[0], "X-API-Key", "anything");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).contains("set ADMIN_API_KEY");
        }
    }

    @Test
    void withoutAConfiguredKeyDebugModeOpensOperatorEndpoints() {
        try (RunningService service = RunningService.start("ADMIN_API_KEY=", "DEBUG=true",
                "spring.datasource.url=jdbc:h2:mem:debugadmin")) {
            assertThat(call(service.api(), OPERATOR_CALLS[0]).status()).isEqualTo(200);
        }
    }
}
