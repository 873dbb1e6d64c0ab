package dev.supportassistant.agent.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

/** Ollama's client (Spring's WebClient) never limited streams; this keeps it that way. */
class OllamaStreamsTest {

    @Test
    void aHundredStreamsReachTheProviderAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD,
                ProviderFakesTest.OLLAMA_STREAM_TYPE,
                ProviderFakesTest.ollamaStreamBody(List.of("Open ", "Settings."), 20, 3))) {
            OllamaAgent agent = new OllamaAgent(new OllamaSettings(upstream.baseUrl(), "llama3.2"),
                    ManyStreams.settings());

            List<String> texts = ManyStreams.streamAll(agent);

            assertThat(upstream.missing()).isZero();
            assertThat(texts).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
