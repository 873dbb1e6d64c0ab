package dev.supportassistant.agent.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.observation.ObservationRegistry;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

class AnthropicStreamsTest {

    @Test
    void aHundredStreamsRunAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD, ProviderFakesTest.SSE_TYPE,
                ProviderFakesTest.anthropicStreamBody(ManyStreams.PIECES, 20, 3), ManyStreams.PIECES.get(0))) {
            AnthropicAgent agent = new AnthropicAgent(new AnthropicSettings("sk-ant-test", "claude-sonnet-4-5", upstream.baseUrl()),
                    ManyStreams.settings(), ObservationRegistry.NOOP);

            ManyStreams.Outcome outcome = ManyStreams.streamAll(agent, upstream);

            assertThat(upstream.missing()).isZero();
            assertThat(outcome.streamingTogether()).isEqualTo(ManyStreams.AT_ONCE);
            assertThat(outcome.texts()).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
