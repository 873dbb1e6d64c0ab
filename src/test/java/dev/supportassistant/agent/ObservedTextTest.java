package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.Scrape;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * What customers and the assistant write stays out of what is observed of a provider call: the
 * observations' tags, the metrics and the logs (Spring AI's models log the whole prompt in a
 * warning when a reply has no text).
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservedTextTest extends ProviderFakesTest {

    private static final String ASKED = "My parcel QZ-ZEBRA-1177 never arrived";
    private static final String ANSWERED = "Ticket QZ-OKAPI-5521 is open for it";

    @Autowired
    private ObservationRegistry observations;

    @Test
    void aTurnsObservationsMetricsAndLogsCarryNoMessageText(CapturedOutput output) {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(ANSWERED, 30, 9)));
        ModelCalls calls = new ModelCalls();
        observations.observationConfig().observationHandler(calls);
        try {
            var response = api.post("/api/v1/chat", "{\"message\": \"" + ASKED + "\"}");
            assertThat(response.json().get("message").get("content").asString()).isEqualTo(ANSWERED);
        } finally {
            calls.stop();
        }

        // The model's call was observed: Spring AI's observation is on.
        assertThat(calls.tags).contains("gen_ai.system=openai", "error.type=none");
        assertThat(calls.tags).noneMatch(tag -> tag.contains("ZEBRA") || tag.contains("OKAPI"));
        assertThat(Scrape.of(api).lines()).noneMatch(line -> line.contains("ZEBRA") || line.contains("OKAPI"));
        assertThat(output.getAll()).doesNotContain("ZEBRA").doesNotContain("OKAPI");
    }

    @Test
    void aReplyWithoutTextLeavesThePromptOutOfTheLogs(CapturedOutput output) {
        OPENAI.stubFor(openAiChat(false).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1764000000,
                 "model":"%s","choices":[],"usage":{"prompt_tokens":30,"completion_tokens":0,"total_tokens":30}}
                """.formatted(OPENAI_MODEL))));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"%s",
                 "content":[],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":30,"output_tokens":0}}
                """.formatted(ANTHROPIC_MODEL))));

        var response = api.post("/api/v1/chat", "{\"message\": \"" + ASKED + "\"}");

        assertThat(response.json().get("message").get("metadata").get("error").asString())
                .contains("openai: malformed response").contains("anthropic: malformed response");
        assertThat(output.getAll()).contains("AI provider anthropic failed: malformed response")
                .doesNotContain("ZEBRA");
    }

    /** The tags of every chat model call observed until stopped. */
    private static final class ModelCalls implements ObservationHandler<ChatModelObservationContext> {

        final List<String> tags = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        @Override
        public void onStop(ChatModelObservationContext context) {
            if (stopped) {
                return;
            }
            tags.add(context.getName() + " " + context.getContextualName());
            for (KeyValue tag : context.getAllKeyValues()) {
                tags.add(tag.getKey() + "=" + tag.getValue());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof ChatModelObservationContext;
        }

        void stop() {
            stopped = true;
        }
    }
}
