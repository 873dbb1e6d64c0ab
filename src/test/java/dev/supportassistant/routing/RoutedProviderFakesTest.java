package dev.supportassistant.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.supportassistant.agent.ProviderFakesTest;

/**
 * The provider fakes with routing rules and an experiment, set for each routing test on the shared
 * provider-fakes context ({@link AdjustableRouting}) and put back after it. Every conversation is in
 * the experiment "model-test", half in each variant; the rules are tried first, in this order.
 */
abstract class RoutedProviderFakesTest extends ProviderFakesTest {

    static final String EXPERIMENT = "model-test";

    private static final String RULES = """
            [{"name": "offered-screen-share", "when": {"status": "screen_share_offered"}, "provider": "ollama"},
             {"name": "confused", "when": {"min_confusion": 0.6}, "provider": "anthropic", "model": "claude-opus-4-1"},
             {"name": "easy", "when": {"max_confusion": 0.3, "min_kb_score": 0.6, "max_length": 200},
              "provider": "openai", "model": "gpt-4.1-nano"},
             {"name": "long", "when": {"min_length": 600}, "provider": "anthropic"},
             {"name": "third-turn-on", "when": {"min_turn": 3}, "provider": "ollama", "model": "llama3.1"}]
            """;
    private static final String EXPERIMENTS = """
            [{"name": "model-test", "variants": [
              {"name": "mini", "percent": 50, "provider": "openai", "model": "gpt-4.1-mini"},
              {"name": "terse", "percent": 50, "provider": "openai", "model": "gpt-4o-mini",
               "system_prompt": "Answer in one sentence."}]}]
            """;

    @Autowired
    private AdjustableRouting routing;

    @BeforeEach
    void routeByTheRulesAndTheExperiment() {
        routing.use(RULES, EXPERIMENTS);
    }

    @AfterEach
    void routeAsConfigured() {
        routing.reset();
    }

    /** The variant a conversation is in, by the same hash the service uses. */
    static String variantOf(String conversationId) {
        return ExperimentAssigner.bucket(conversationId) < 5_000 ? "mini" : "terse";
    }

    static RequestPatternBuilder openAiAskedFor(String model) {
        return postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    static RequestPatternBuilder anthropicAskedFor(String model) {
        return postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    static RequestPatternBuilder ollamaAskedFor(String model) {
        return postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }
}
