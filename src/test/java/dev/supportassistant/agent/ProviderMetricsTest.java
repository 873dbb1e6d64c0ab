package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportassistant.Scrape;

/**
 * What {@code /actuator/prometheus} shows about provider calls: tokens and durations by provider
 * and model (OpenTelemetry GenAI names), errors by cause, fallbacks, and circuit states. Counters
 * are compared before and after, since the context (and so the registry) is shared.
 */
class ProviderMetricsTest extends ProviderFakesTest {

    private static final String TOKENS_SUM = "gen_ai_client_token_usage_tokens_sum";
    private static final String DURATION_COUNT = "gen_ai_client_operation_duration_seconds_count";

    @Test
    void tokensAndDurationAreCountedPerProviderModelAndDirection() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Open Settings, then Security.", 120, 48)));
        Map<String, String> openAi = Map.of("gen_ai_provider_name", "openai", "gen_ai_request_model", "gpt-4.1-mini",
                "gen_ai_response_model", OPENAI_MODEL);
        Scrape before = Scrape.of(api);

        assertThat(api.chat("How do I turn on two-factor login?").status())
                .isEqualTo(200);

        Scrape after = Scrape.of(api);
        assertThat(increase(before, after, TOKENS_SUM, with(openAi, "gen_ai_token_type", "input"))).isEqualTo(120);
        assertThat(increase(before, after, TOKENS_SUM, with(openAi, "gen_ai_token_type", "output"))).isEqualTo(48);
        assertThat(increase(before, after, DURATION_COUNT, with(openAi, "outcome", "success"))).isEqualTo(1);
        assertThat(after.value("gen_ai_client_operation_duration_seconds_sum", with(openAi, "outcome", "success")))
                .isPositive();
    }

    @Test
    void aFailoverCountsTheErrorByCauseAndTheFallback() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "The server had an error")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));
        Map<String, String> openAiError = Map.of("provider", "openai", "cause", "server_error");
        Map<String, String> fallback = Map.of("from", "openai", "to", "anthropic");
        Map<String, String> anthropicOutput = Map.of("gen_ai_provider_name", "anthropic",
                "gen_ai_response_model", ANTHROPIC_MODEL, "gen_ai_token_type", "output");
        Map<String, String> failedCall = Map.of("gen_ai_provider_name", "openai", "outcome", "error",
                "error_type", "server_error");
        Scrape before = Scrape.of(api);

        var response = api.chat("How do I reset my password?");

        assertThat(response.json().get("message").get("metadata").get("provider").asString()).isEqualTo("anthropic");
        Scrape after = Scrape.of(api);
        assertThat(increase(before, after, "support_provider_errors_total", openAiError)).isEqualTo(1);
        assertThat(increase(before, after, "support_provider_fallbacks_total", fallback)).isEqualTo(1);
        assertThat(increase(before, after, DURATION_COUNT, failedCall)).isEqualTo(1);
        assertThat(increase(before, after, TOKENS_SUM, anthropicOutput)).isEqualTo(8);
    }

    @Test
    void theCircuitStateGaugeShowsAnOpenCircuitAndSkippedCallsCountAsErrors() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiError(401, "invalid_request_error", "Incorrect API key")));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Claude answers instead.", 40, 8)));
        Map<String, String> openAiCircuit = Map.of("provider", "openai");
        assertThat(Scrape.of(api).find("support_provider_circuit_state", openAiCircuit)).contains(0.0);

        for (int i = 0; i < 3; i++) {
            api.chat("How do I reset my password?");
        }
        Scrape before = Scrape.of(api);
        api.chat("How do I reset my password?");
        Scrape after = Scrape.of(api);

        assertThat(before.find("support_provider_circuit_state", openAiCircuit)).contains(2.0);
        assertThat(after.find("support_provider_circuit_state", Map.of("provider", "anthropic"))).contains(0.0);
        assertThat(increase(before, after, "support_provider_errors_total",
                Map.of("provider", "openai", "cause", "circuit_open"))).isEqualTo(1);
        assertThat(increase(before, after, "support_provider_errors_total",
                Map.of("provider", "openai", "cause", "credentials"))).isZero();
    }

    private static double increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        double increase = after.value(name, labels) - before.value(name, labels);
        assertThat(increase).isCloseTo(Math.rint(increase), within(1e-9));
        return increase;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
