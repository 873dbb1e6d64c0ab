package dev.supportassistant.agent.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.agent.HeldUpstream;
import dev.supportassistant.agent.ManyStreams;
import dev.supportassistant.agent.ProviderFakesTest;

class AnthropicStreamsTest {

    @Test
    void aHundredStreamsReachTheProviderAtOnce() throws Exception {
        try (HeldUpstream upstream = new HeldUpstream(ManyStreams.AT_ONCE, ManyStreams.HOLD, ProviderFakesTest.SSE_TYPE,
                ProviderFakesTest.anthropicStreamBody(List.of("Open ", "Settings."), 20, 3))) {
            AnthropicAgent agent = new AnthropicAgent(new AnthropicSettings("sk-ant-test", "claude-sonnet-4-5", upstream.baseUrl()),
                    ManyStreams.settings());

            List<String> texts = ManyStreams.streamAll(agent);

            assertThat(upstream.missing()).isZero();
            assertThat(texts).hasSize(ManyStreams.AT_ONCE).containsOnly("Open Settings.");
        }
    }
}
