package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.supportassistant.StatementCounting;
import dev.supportassistant.events.Broadcast;
import dev.supportassistant.events.Broadcasts;
import tools.jackson.databind.JsonNode;

/** Switching the active provider at run time, for every instance sharing the database. */
@EnableScenarios
class ProviderSwitchTest extends ProviderFakesTest {

    @Autowired
    private ActiveProviderStore store;

    @Autowired
    private Broadcasts broadcasts;

    @Test
    void switchingIsPersistedAndAnswersComeFromTheNewProvider() {
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude here.", 20, 3)));

        var switched = api.asAdmin().post("/api/v1/agent/switch?provider=anthropic", null);

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().get("message").asString()).isEqualTo("Successfully switched to anthropic");
        assertThat(switched.json().get("provider").asString()).isEqualTo("anthropic");
        // Stored where every instance reads it.
        assertThat(store.load()).contains("anthropic");
        assertThat(api.get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("anthropic");
        assertThat(api.get("/api/v1/health").json().get("ai_provider").asString()).isEqualTo("anthropic");

        var reply = api.post("/api/v1/chat", "{\"message\": \"hello\"}");

        assertThat(reply.json().get("message").get("metadata").get("provider").asString()).isEqualTo("anthropic");
        OPENAI.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aSwitchMadeByAnotherInstanceIsSeenHere(Scenario scenario) {
        assertThat(current()).isEqualTo("openai");

        // What another instance's switch does: store the choice and broadcast it with the commit.
        scenario.stimulate(() -> store.save("ollama", () -> broadcasts.send(ActiveProvider.SWITCHED)))
                .andWaitForEventOfType(Broadcast.class).matching(heard -> heard.concerns(ActiveProvider.SWITCHED))
                .toArriveAndVerify(heard -> assertThat(current()).isEqualTo("ollama"));
    }

    @Test
    void theOperatorsChoiceIsReadOnceNotOnEveryTurn() {
        api.post("/api/v1/chat", "{\"message\": \"hello\"}");

        StatementCounting.Sent sent = StatementCounting.during(() -> api.get("/api/v1/agent/current"));

        assertThat(sent.statements()).noneMatch(sql -> sql.contains("active_provider"));
    }

    private String current() {
        return api.get("/api/v1/agent/current").json().get("provider").asString();
    }

    @Test
    void switchingToAnUnknownProviderIs422() {
        var response = api.asAdmin().post("/api/v1/agent/switch?provider=gemini", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("gemini").contains("openai");
    }

    @Test
    void currentListsEveryProviderWithModelAndCircuitState() {
        JsonNode current = api.get("/api/v1/agent/current").json();

        assertThat(current.get("provider").asString()).isEqualTo("openai");
        assertThat(current.get("supported_providers").values().stream().map(JsonNode::asString).toList())
                .containsExactly("anthropic", "local", "ollama", "openai");
        for (JsonNode provider : current.get("providers")) {
            assertThat(provider.get("configured").asBoolean()).isTrue();
            assertThat(provider.get("model").asString()).isNotBlank();
            assertThat(provider.get("circuit_state").asString()).isEqualTo("closed");
        }
        assertThat(api.get("/api/v1/health").json().get("providers").get("anthropic").asString())
                .isEqualTo("available");
    }
}
