package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/agent/current} and {@code /api/v1/agent/switch}. */
class AgentApiTest extends ApiTest {

    @Autowired
    ActiveProviderStore store;

    @Test
    void currentNamesTheActiveProviderAndEverySupportedOne() {
        JsonNode current = api.get("/api/v1/agent/current").json();

        assertThat(current.get("provider").asString()).isEqualTo("local");
        assertThat(current.get("supported_providers").valueStream().map(JsonNode::asString)).contains("local");
        JsonNode local = current.get("providers").valueStream()
                .filter(provider -> provider.get("name").asString().equals("local")).findFirst().orElseThrow();
        assertThat(local.get("configured").asBoolean()).isTrue();
        assertThat(local.get("model").asString()).isNotBlank();
    }

    @Test
    void switchingToAConfiguredProviderIsStoredForEveryInstance() {
        var response = api.asAdmin().post("/api/v1/agent/switch?provider=local", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Successfully switched to local");
        assertThat(response.json().get("provider").asString()).isEqualTo("local");
        assertThat(store.load()).contains("local");
    }

    @Test
    void switchingToAnUnknownProviderIsA422ListingTheSupportedOnes() {
        var response = api.asAdmin().post("/api/v1/agent/switch?provider=skynet", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("skynet").contains("local");
    }

    @Test
    void switchingWithoutAProviderIsA422() {
        var response = api.asAdmin().post("/api/v1/agent/switch", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("provider");
    }
}
