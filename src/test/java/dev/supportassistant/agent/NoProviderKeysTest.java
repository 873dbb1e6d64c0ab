package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/** The service without any provider credentials: it starts, answers with local, and says what is missing. */
class NoProviderKeysTest extends ApiTest {

    @Test
    void withoutAKeyTheDefaultOpenAiGivesWayToLocal() {
        var response = api.chat("How do I reset my password?");

        assertThat(response.status()).isEqualTo(200);
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("local");
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isTrue();
    }

    @Test
    void switchingToAProviderWithoutKeyIsRejectedNamingTheVariable() {
        var response = api.asAdmin().post("/api/v1/agent/switch?provider=anthropic", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("ANTHROPIC_API_KEY");
        assertThat(api.get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("local");
    }

    @Test
    void switchingToOllamaWithoutItsAddressNamesTheVariable() {
        var response = api.asAdmin().post("/api/v1/agent/switch?provider=ollama", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("OLLAMA_BASE_URL");
    }

    @Test
    void aRequestForAnUnconfiguredProviderIsRejectedNamingTheVariable() {
        var response = api.asAdmin().chat(ChatRequest.message("hello").via("openai"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("OPENAI_API_KEY");
    }

    @Test
    void currentAndHealthReportEachProviderAsNotConfigured() {
        JsonNode current = api.get("/api/v1/agent/current").json();
        for (JsonNode provider : current.get("providers")) {
            boolean local = provider.get("name").asString().equals("local");
            assertThat(provider.get("configured").asBoolean()).isEqualTo(local);
        }
        JsonNode health = api.get("/api/v1/health").json().get("providers");
        assertThat(health.get("openai").asString()).isEqualTo("not_configured");
        assertThat(health.get("anthropic").asString()).isEqualTo("not_configured");
        assertThat(health.get("ollama").asString()).isEqualTo("not_configured");
        assertThat(health.get("local").asString()).isEqualTo("available");
    }

    @Test
    void theLocalAgentStreamsToo() {
        var response = api.chatStream(ChatRequest.message("How do I reset my password?"), "Accept",
                "text/event-stream");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("event:token").contains("event:done").contains("\"provider\":\"local\"");
    }
}
