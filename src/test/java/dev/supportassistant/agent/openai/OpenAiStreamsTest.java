package dev.supportassistant.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

class OpenAiStreamsTest {

    @Test
    void aHundredStreamsReachTheProviderAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD, ProviderFakesTest.SSE_TYPE,
                ProviderFakesTest.openAiStreamBody(List.of("Open ", "Settings."), 20, 3))) {
            OpenAiAgent agent = new OpenAiAgent(new OpenAiSettings("sk-test", "gpt-4.1-mini", upstream.baseUrl() + "/v1"),
                    ManyStreams.settings());

            List<String> texts = ManyStreams.streamAll(agent);

            assertThat(upstream.missing()).isZero();
            assertThat(texts).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
