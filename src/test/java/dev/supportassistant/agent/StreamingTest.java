package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/chat/stream} through each provider, and when a stream breaks. */
class StreamingTest extends ProviderFakesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PIECES = List.of("Open ", "Settings, ", "then ", "Reset password.");

    @Test
    void openAiStreamsTextThenTheWholeResponseWithItsUsage() {
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(PIECES, 120, 9)));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");

        assertThat(streamed.tokens()).containsExactlyElementsOf(PIECES);
        JsonNode message = streamed.done().get("message");
        assertThat(message.get("content").asString()).isEqualTo(String.join("", PIECES));
        assertThat(message.get("metadata").get("provider").asString()).isEqualTo("openai");
        assertThat(message.get("metadata").get("token_usage").get("total_tokens").asInt()).isEqualTo(129);
        assertThat(message.get("metadata").get("token_usage").get("estimated").asBoolean()).isFalse();
        // Usage in a stream comes only when asked for.
        OPENAI.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("\"include_usage\":true")));
        assertStoredOnce(streamed.done(), String.join("", PIECES));
    }

    @Test
    void anthropicStreamsWithItsUsage() {
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicStream(PIECES, 95, 11)));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\", \"provider\": \"anthropic\"}");

        assertThat(String.join("", streamed.tokens())).isEqualTo(String.join("", PIECES));
        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("anthropic");
        assertThat(metadata.get("token_usage").get("prompt_tokens").asInt()).isEqualTo(95);
        assertThat(metadata.get("token_usage").get("completion_tokens").asInt()).isEqualTo(11);
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isFalse();
        assertStoredOnce(streamed.done(), String.join("", PIECES));
    }

    @Test
    void ollamaStreamsWithItsUsage() {
        OLLAMA.stubFor(ollamaChat(true).willReturn(ollamaStream(PIECES, 26, 7)));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\", \"provider\": \"ollama\"}");

        assertThat(String.join("", streamed.tokens())).isEqualTo(String.join("", PIECES));
        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("ollama");
        assertThat(metadata.get("token_usage").get("total_tokens").asInt()).isEqualTo(33);
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isFalse();
        assertStoredOnce(streamed.done(), String.join("", PIECES));
    }

    @Test
    void aStreamFailingBeforeItsFirstTokenFallsOver() {
        OPENAI.stubFor(openAiChat(true).willReturn(openAiError(500, "server_error", "The server had an error")));
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicStream(PIECES, 95, 11)));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");

        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("anthropic");
        assertThat(metadata.get("fallback").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).contains("openai: HTTP 500");
        assertThat(String.join("", streamed.tokens())).isEqualTo(String.join("", PIECES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.supportassistant.agent.FailoverTest#failures")
    void everyFailureBeforeTheFirstTokenFallsOver(String mode, ResponseDefinitionBuilder failure, String reported) {
        OPENAI.stubFor(openAiChat(true).willReturn(failure));
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicError(500, "api_error")));
        OLLAMA.stubFor(ollamaChat(true).willReturn(ollamaStream(PIECES, 26, 7)));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");

        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("ollama");
        assertThat(metadata.get("fallback").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).startsWith("openai: ").contains("anthropic: HTTP 500");
        assertThat(String.join("", streamed.tokens())).isEqualTo(String.join("", PIECES));
        assertStoredOnce(streamed.done(), String.join("", PIECES));
    }

    @Test
    void aStreamCutMidwayKeepsWhatArrivedMarkedIncomplete() {
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStreamCut(List.of("Open ", "Settings, "))));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");

        assertThat(streamed.tokens()).containsExactly("Open ", "Settings, ");
        JsonNode message = streamed.done().get("message");
        assertThat(message.get("content").asString()).isEqualTo("Open Settings, ");
        assertThat(message.get("metadata").get("provider").asString()).isEqualTo("openai");
        assertThat(message.get("metadata").get("incomplete").asBoolean()).isTrue();
        assertThat(message.get("metadata").get("token_usage").get("estimated").asBoolean()).isTrue();
        JsonNode stored = assertStoredOnce(streamed.done(), "Open Settings, ");
        assertThat(stored.get("metadata").get("incomplete").asBoolean()).isTrue();
    }

    @Test
    void aStreamThatBreaksAfterItsFirstTextIsNotTriedAgain() {
        // The connection drops before the promised length: a failure that is retried before any text.
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStreamCut(List.of("Open ", "Settings, "))
                .withHeader("Content-Length", "100000")));

        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");

        assertThat(streamed.tokens()).containsExactly("Open ", "Settings, ");
        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("openai");
        assertThat(metadata.get("incomplete").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).contains("openai: connection failed");
        OPENAI.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertStoredOnce(streamed.done(), "Open Settings, ");
    }

    @Test
    void aStreamThatStallsPastTheTimeoutEndsThereMarkedIncomplete() {
        List<String> pieces = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "piece" + i + " ").toList();
        // The whole reply would take 8 s; the timeout is 2 s.
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(pieces, 50, 10).withChunkedDribbleDelay(10, 8_000)));

        long started = System.nanoTime();
        Streamed streamed = stream("{\"message\": \"How do I reset my password?\"}");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        JsonNode metadata = streamed.done().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("openai");
        assertThat(metadata.get("incomplete").asBoolean()).isTrue();
        assertThat(metadata.get("error").asString()).contains("openai: timed out");
        assertThat(tookMs).isLessThan(4_000);
        assertStoredOnce(streamed.done(), streamed.done().get("message").get("content").asString());
    }

    @Test
    void anUnconfiguredOrUnknownProviderIsRefusedBeforeTheStreamStarts() {
        var response = api.post("/api/v1/chat/stream", "{\"message\": \"hi\", \"provider\": \"nonesuch\"}",
                "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(422);
    }

    /** The text events of one streamed answer, and its final {@code done} event. */
    private record Streamed(List<String> tokens, JsonNode done) {
    }

    private Streamed stream(String body) {
        var response = api.post("/api/v1/chat/stream", body, "Accept", "text/event-stream");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        List<Event> events = events(response.body());
        assertThat(events).last().extracting(Event::name).isEqualTo("done");
        List<String> tokens = events.stream().filter(event -> "token".equals(event.name()))
                .map(event -> JSON.readTree(event.data()).get("text").asString()).collect(Collectors.toList());
        return new Streamed(tokens, JSON.readTree(events.get(events.size() - 1).data()));
    }

    private JsonNode assertStoredOnce(JsonNode done, String content) {
        String conversationId = done.get("conversation_id").asString();
        JsonNode messages = api.get("/api/v1/conversation/" + conversationId).json().get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asString()).isEqualTo(content);
        assertThat(messages.get(1).get("id").asString()).isEqualTo(done.get("message").get("id").asString());
        return messages.get(1);
    }

}
