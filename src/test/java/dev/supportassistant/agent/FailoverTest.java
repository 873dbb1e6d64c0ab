package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import tools.jackson.databind.JsonNode;

import dev.supportassistant.ChatRequest;

/** Every way a provider fails ends in an answer: from the next provider, and finally from local. */
class FailoverTest extends ProviderFakesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("HTTP 500", openAiError(500, "server_error", "The server had an error"), "HTTP 500"),
                Arguments.of("429 with Retry-After", openAiError(429, "requests", "Rate limit reached for " + OPENAI_KEY)
                        .withHeader("Retry-After", "1"), "HTTP 429"),
                Arguments.of("401", openAiError(401, "invalid_request_error",
                        "Incorrect API key provided: " + OPENAI_KEY), "HTTP 401"),
                Arguments.of("hung connection", openAiReply("too late", 1, 1).withFixedDelay(5_000), "timed out"),
                Arguments.of("malformed body", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"chatcmpl-1\", \"choices\": [{\"message\": "), "malformed response"),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        "connection failed"),
                Arguments.of("garbage then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), "openai"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void everyFailureFallsOverToTheNextProvider(String mode, ResponseDefinitionBuilder failure, String reported) {
        OPENAI.stubFor(openAiChat(false).willReturn(failure));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));

        var response = api.chat("How do I reset my password?");

        assertThat(response.status()).isEqualTo(200);
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("anthropic");
        assertThat(metadata.get("fallback").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).startsWith("openai: ").contains(reported);
        assertThat(response.body()).doesNotContain(OPENAI_KEY).doesNotContain("sk-").doesNotContain("Exception");
        assertBothTurnsStored(response.json().get("conversation_id").asString(), "anthropic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void whenEveryProviderFailsLocalAnswers(String mode, ResponseDefinitionBuilder failure, String reported) {
        OPENAI.stubFor(openAiChat(false).willReturn(failure));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicError(529, "overloaded_error")));
        OLLAMA.stubFor(ollamaChat(false).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        long started = System.nanoTime();
        var response = api.chat("How do I reset my password?");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("local");
        assertThat(metadata.get("fallback").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).contains("openai: ").contains(reported)
                .contains("anthropic: HTTP 529").contains("ollama: connection failed");
        assertThat(response.body()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        // One timeout (2 s) per provider at most, whatever each one does.
        assertThat(tookMs).isLessThan(3 * 2_000 + 1_500);
        assertBothTurnsStored(response.json().get("conversation_id").asString(), "local");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRejectedKeyReachesNeitherTheAnswerNorTheLogs(CapturedOutput output) {
        var echoingKey = openAiError(401, "invalid_request_error", "Incorrect API key provided: " + OPENAI_KEY);
        OPENAI.stubFor(openAiChat(false).willReturn(echoingKey));
        OPENAI.stubFor(openAiChat(true).willReturn(echoingKey));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers.", 10, 4)));
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicStream(java.util.List.of("Claude."), 10, 4)));

        var answered = api.chat("hello");
        var streamed = api.chatStream(ChatRequest.message("hello"), "Accept", "text/event-stream");

        assertThat(answered.body()).contains("openai: HTTP 401").doesNotContain(OPENAI_KEY);
        assertThat(streamed.body()).contains("openai: HTTP 401").doesNotContain(OPENAI_KEY);
        assertThat(output.getAll()).contains("openai failed: HTTP 401").doesNotContain(OPENAI_KEY);
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheProviderAskedFor() {
        OPENAI.stubFor(openAiChat(false).inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(openAiError(429, "requests", "Rate limit reached").withHeader("Retry-After", "1"))
                .willSetStateTo("cooled down"));
        OPENAI.stubFor(openAiChat(false).inScenario("rate limit").whenScenarioStateIs("cooled down")
                .willReturn(openAiReply("Answer after the wait.", 10, 4)));

        var response = api.chat("hello");

        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("openai");
        assertThat(metadata.get("fallback").asBoolean()).isFalse();
        assertThat(metadata.get("latency_ms").asLong()).isGreaterThanOrEqualTo(1_000);
        OPENAI.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRetryAfterBeyondTheTimeoutFallsOverAtOnce() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(429, "requests", "Rate limit reached")
                .withHeader("Retry-After", "60")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers.", 10, 4)));

        var response = api.chat("hello");

        assertThat(response.json().get("message").get("metadata").get("provider").asString()).isEqualTo("anthropic");
        OPENAI.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCallGivenUpAtTheDeadlineIsNotTriedAgain(CapturedOutput output) {
        // Ollama's client fails at once when its thread is interrupted, as a broken connection would.
        OLLAMA.stubFor(ollamaChat(false).willReturn(ollamaReply("too late", 1, 1).withFixedDelay(5_000)));

        var response = api.chat(ChatRequest.message("hello").via("ollama"));

        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("error").asString()).contains("ollama: timed out");
        // Nobody waits for that call any more: it is neither tried again nor scheduled to be, for a
        // whole second. A retry makes the condition false for good (requests and log lines only add
        // up), so it fails the wait whenever it comes in that second, however long atMost is: atMost
        // only leaves a busy machine room for slow polls around the second.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                OLLAMA.countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/chat")).build()).getCount() == 1
                        && !output.getAll().contains("AI provider ollama: connection failed, trying again"));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheProvider() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(401, "invalid_request_error", "Incorrect API key")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers.", 10, 4)));
        for (int i = 0; i < 3; i++) {
            api.chat("hello");
        }
        OPENAI.verify(3, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));

        var response = api.chat("hello again");

        OPENAI.verify(3, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("anthropic");
        assertThat(metadata.get("error").asString()).contains("openai: circuit open");
        JsonNode openai = providerStatus("openai");
        assertThat(openai.get("circuit_state").asString()).isEqualTo("open");
        assertThat(api.get("/api/v1/health").json().get("providers").get("openai").asString()).isEqualTo("failing");
    }

    private JsonNode providerStatus(String name) {
        for (JsonNode provider : api.get("/api/v1/agent/current").json().get("providers")) {
            if (provider.get("name").asString().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no provider " + name);
    }

    private void assertBothTurnsStored(String conversationId, String answeredBy) {
        JsonNode messages = api.get("/api/v1/conversation/" + conversationId).json().get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(1).get("metadata").get("provider").asString()).isEqualTo(answeredBy);
        assertThat(messages.get(1).get("metadata").get("fallback").asBoolean()).isTrue();
    }
}
