package dev.supportassistant.agent.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.observation.ObservationRegistry;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

/** Ollama's client (Spring's WebClient) never limited streams; this keeps it that way. */
class OllamaStreamsTest {

    @Test
    void aHundredStreamsRunAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD,
                ProviderFakesTest.OLLAMA_STREAM_TYPE,
                ProviderFakesTest.ollamaStreamBody(ManyStreams.PIECES, 20, 3), ManyStreams.PIECES.get(0))) {
            OllamaAgent agent = new OllamaAgent(new OllamaSettings(upstream.baseUrl(), "llama3.2"),
                    ManyStreams.settings(), ObservationRegistry.NOOP);

            ManyStreams.Outcome outcome = ManyStreams.streamAll(agent, upstream);

            assertThat(upstream.missing()).isZero();
            assertThat(outcome.streamingTogether()).isEqualTo(ManyStreams.AT_ONCE);
            assertThat(outcome.texts()).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
