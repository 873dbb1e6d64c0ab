package dev.supportassistant.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.observation.ObservationRegistry;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

class OpenAiStreamsTest {

    @Test
    void aHundredStreamsRunAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD, ProviderFakesTest.SSE_TYPE,
                ProviderFakesTest.openAiStreamBody(ManyStreams.PIECES, 20, 3), ManyStreams.PIECES.get(0))) {
            OpenAiAgent agent = new OpenAiAgent(new OpenAiSettings("sk-test", "gpt-4.1-mini", upstream.baseUrl() + "/v1"),
                    ManyStreams.settings(), ObservationRegistry.NOOP);

            ManyStreams.Outcome outcome = ManyStreams.streamAll(agent, upstream);

            assertThat(upstream.missing()).isZero();
            assertThat(outcome.streamingTogether()).isEqualTo(ManyStreams.AT_ONCE);
            assertThat(outcome.texts()).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
