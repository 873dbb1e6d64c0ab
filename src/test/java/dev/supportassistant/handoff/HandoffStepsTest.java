package dev.supportassistant.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.StatementCounting;
import dev.supportassistant.agent.ProviderFakesTest;

/**
 * Each handoff step is one transaction: the state change, its history message and its live
 * {@code status} event commit together (one commit, nothing written outside it), so a crash can no
 * longer leave them disagreeing. Counted with datasource-proxy ({@link StatementCounting}).
 */
class HandoffStepsTest extends ProviderFakesTest {

    @Test
    void everyStepOfAHandoffIsOneCommit() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Run the installer as administrator.", 40, 10)));
        // The model is not asked for the note here: its answer would be another step's commit.
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("handoff note")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"bad request\", \"type\": \"invalid_request_error\"}}")));
        String conversationId = customer.post("/api/v1/chat", "{\"message\": \"Sync fails with error 0x80070005\"}")
                .json().get("conversation_id").asString();
        String desk = "/api/v1/desk/conversations/" + conversationId;

        oneCommit(() -> customer.post("/api/v1/conversation/" + conversationId + "/handoff", "{\"reason\": \"urgent\"}"));
        oneCommit(() -> api.post(desk + "/claim", null));
        oneCommit(() -> api.post(desk + "/messages", "{\"content\": \"Hello, I am looking at it.\"}"));
        oneCommit(() -> api.post(desk + "/hand-back", "{\"reason\": \"back to the assistant\"}"));
        oneCommit(() -> customer.post("/api/v1/conversation/" + conversationId + "/handoff", "{}"));
        oneCommit(() -> api.post(desk + "/resolve", null));

        assertThat(api.get("/api/v1/conversation/" + conversationId + "/handoff").json().get("status").asString())
                .isEqualTo("resolved");
    }

    private static void oneCommit(Supplier<ApiClient.Response> step) {
        StatementCounting.Sent sent = StatementCounting.during(() -> assertThat(step.get().status()).isBetween(200, 201));
        assertThat(sent.commits()).as(sent.describe()).isEqualTo(1);
        assertThat(sent.autocommittedWrites()).as(sent.describe()).isEmpty();
    }
}
