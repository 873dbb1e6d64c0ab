package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;

/**
 * Operator endpoints need ADMIN_API_KEY, as {@code X-API-Key} or a bearer token; customers' tokens
 * do not open them. (Without a configured key: {@link AccessWithoutKeysTest}.)
 */
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
    void theApiKeepsNoSession() {
        var operator = call(api, OPERATOR_CALLS[1], "X-API-Key", ApiClient.TEST_ADMIN_KEY);
        var customer = api.withBearer(CustomerTokensForTests.tokenFor("alice")).get("/api/v1/conversations?user_id=alice");

        assertThat(operator.status()).isEqualTo(200);
        assertThat(customer.status()).isEqualTo(200);
        assertThat(operator.header("Set-Cookie")).isNull();
        assertThat(customer.header("Set-Cookie")).isNull();
    }
}
