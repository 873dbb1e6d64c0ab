package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.Scrape;

/**
 * What {@code /actuator/prometheus} shows about provider calls: Spring AI's observation of each
 * model call (duration and tokens, by provider and model, OpenTelemetry GenAI names) with the
 * failure's cause added, Resilience4j's circuits, retries and deadlines, and the fallbacks. Counters
 * are compared before and after, since the context (and so the registry) is shared.
 */
class ProviderMetricsTest extends ProviderFakesTest {

    private static final String TOKENS = "gen_ai_client_token_usage_total";
    private static final String CALLS = "gen_ai_client_operation_seconds_count";

    @Test
    void tokensAndDurationAreCountedPerProviderModelAndDirection() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Open Settings, then Security.", 120, 48)));
        Map<String, String> openAi = Map.of("gen_ai_system", "openai", "gen_ai_request_model", "gpt-4.1-mini",
                "gen_ai_response_model", OPENAI_MODEL, "gen_ai_operation_name", "chat");
        Scrape before = Scrape.of(api);

        assertThat(api.chat("How do I turn on two-factor login?").status())
                .isEqualTo(200);

        Scrape after = Scrape.of(api);
        assertThat(increase(before, after, TOKENS, with(openAi, "gen_ai_token_type", "input"))).isEqualTo(120);
        assertThat(increase(before, after, TOKENS, with(openAi, "gen_ai_token_type", "output"))).isEqualTo(48);
        assertThat(increase(before, after, CALLS, with(openAi, "error_type", "none"))).isEqualTo(1);
        assertThat(after.value("gen_ai_client_operation_seconds_sum", with(openAi, "error_type", "none")))
                .isPositive();
    }

    @Test
    void eachFailedAttemptCountsByCauseAndTheTurnAsARetriedFailureAndAFallback() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "The server had an error")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));
        // The model asked for, too: the routing tests, in this context as well, ask OpenAI for others.
        Map<String, String> failedAttempt = Map.of("gen_ai_system", "openai", "gen_ai_request_model", "gpt-4.1-mini",
                "error_type", "server_error");
        Map<String, String> anthropicOutput = Map.of("gen_ai_system", "anthropic", "gen_ai_request_model",
                "claude-sonnet-4-5", "gen_ai_response_model", ANTHROPIC_MODEL, "gen_ai_token_type", "output");
        Scrape before = Scrape.of(api);

        var response = api.chat("How do I reset my password?");

        assertThat(response.json().get("message").get("metadata").get("provider").asString()).isEqualTo("anthropic");
        Scrape after = Scrape.of(api);
        // The call and its one retry (support.agent.max-retries=1 here), each observed by Spring AI.
        assertThat(increase(before, after, CALLS, failedAttempt)).isEqualTo(2);
        assertThat(increase(before, after, "resilience4j_retry_calls_total",
                Map.of("name", "openai", "kind", "failed_with_retry"))).isEqualTo(1);
        assertThat(increase(before, after, "resilience4j_circuitbreaker_calls_seconds_count",
                Map.of("name", "openai", "kind", "failed"))).isEqualTo(1);
        assertThat(increase(before, after, "support_provider_fallbacks_total",
                Map.of("from", "openai", "to", "anthropic"))).isEqualTo(1);
        assertThat(increase(before, after, TOKENS, anthropicOutput)).isEqualTo(8);
    }

    @Test
    void theCircuitStateShowsAnOpenCircuitAndSkippedCallsAreCountedAsNotPermitted() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(401, "invalid_request_error", "Incorrect API key")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));
        Map<String, String> openAiClosed = Map.of("name", "openai", "state", "closed");
        assertThat(Scrape.of(api).find("resilience4j_circuitbreaker_state", openAiClosed)).contains(1.0);

        for (int i = 0; i < 3; i++) {
            api.chat("How do I reset my password?");
        }
        Scrape before = Scrape.of(api);
        api.chat("How do I reset my password?");
        Scrape after = Scrape.of(api);

        assertThat(before.find("resilience4j_circuitbreaker_state", Map.of("name", "openai", "state", "open")))
                .contains(1.0);
        assertThat(after.find("resilience4j_circuitbreaker_state", Map.of("name", "anthropic", "state", "closed")))
                .contains(1.0);
        assertThat(increase(before, after, "resilience4j_circuitbreaker_not_permitted_calls_total",
                Map.of("name", "openai"))).isEqualTo(1);
        assertThat(increase(before, after, CALLS, Map.of("gen_ai_system", "openai", "gen_ai_request_model",
                "gpt-4.1-mini", "error_type", "credentials")))
                .isZero();
        // local answers in-process: no circuit of its own.
        assertThat(after.find("resilience4j_circuitbreaker_state", Map.of("name", "local", "state", "closed")))
                .isEmpty();
    }

    @Test
    void aStreamGivenUpOnAtTheDeadlineIsACancelledCallAndATimeout() {
        List<String> pieces = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "piece" + i + " ").toList();
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(pieces, 50, 10).withChunkedDribbleDelay(10, 8_000)));
        Map<String, String> cancelled = Map.of("gen_ai_system", "openai", "gen_ai_request_model", "gpt-4.1-mini",
                "error_type", "cancelled");
        Map<String, String> timedOut = Map.of("name", "openai", "kind", "timeout");
        Scrape before = Scrape.of(api);

        var response = api.chatStream(ChatRequest.message("How do I reset my password?"), "Accept",
                "text/event-stream");

        assertThat(response.body()).contains("openai: timed out");
        // Given up at the deadline, the stream is cancelled before the answer goes out, whatever the
        // call's thread is doing: not later, into another test's counts.
        Scrape after = Scrape.of(api);
        assertThat(increase(before, after, CALLS, cancelled)).isEqualTo(1);
        assertThat(increase(before, after, "resilience4j_timelimiter_calls_total", timedOut)).isEqualTo(1);
    }

    private static double increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        double increase = after.value(name, labels) - before.value(name, labels);
        assertThat(increase).isCloseTo(Math.rint(increase), within(1e-9));
        return increase;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
