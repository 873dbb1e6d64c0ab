package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * The order in which providers are asked, from {@code AI_FALLBACK_PROVIDERS}, and what is checked
 * of a turn's provider before the customer's message is stored.
 */
class FallbackChainTest {

    private final AgentRegistry registry = new AgentRegistry(List.of(new NamedAgent("openai", true),
            new NamedAgent("anthropic", true), new NamedAgent("ollama", true), new NamedAgent("groq", false),
            new NamedAgent("local", true)));

    private AgentDispatcher dispatcher(List<String> fallbacks) {
        AgentSettings settings = new AgentSettings("openai", 0.7, 1000, Duration.ofSeconds(30), 2,
                Duration.ofMillis(500), fallbacks, "Be helpful.", 3000,
                new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));
        ProviderCalls calls = new ProviderCalls(settings, new ProviderCircuits(settings), registry);
        return new AgentDispatcher(new ActiveProvider(registry, null, null, settings), registry, settings, calls,
                new SimpleMeterRegistry(), new PromptMasking(new dev.supportassistant.privacy.PersonalData(
                        new dev.supportassistant.privacy.PrivacySettings(true, false, "US"))));
    }

    private static List<String> names(List<AiAgent> chain) {
        return chain.stream().map(AiAgent::provider).toList();
    }

    @Test
    void aTurnThatNamesNoProviderIsCheckedWithoutReadingTheOperatorsSwitch() {
        // No store behind this dispatcher's active provider: reading the switch would fail.
        AgentDispatcher dispatcher = dispatcher(List.of());

        dispatcher.checkProvider(null);
        dispatcher.checkProvider(" ");
        assertThatThrownBy(() -> dispatcher.checkProvider("groq")).isInstanceOf(ProviderNotConfiguredException.class);
    }

    @Test
    void byDefaultEveryOtherConfiguredProviderThenLocal() {
        var chain = dispatcher(List.of()).chain(registry.require("ollama"));

        assertThat(names(chain)).containsExactly("ollama", "anthropic", "openai", "local");
    }

    @Test
    void theConfiguredOrderIsKeptAndUnconfiguredProvidersAreSkipped() {
        var chain = dispatcher(List.of("groq", "ollama", "openai")).chain(registry.require("openai"));

        assertThat(names(chain)).containsExactly("openai", "ollama", "local");
    }

    @Test
    void localEndsTheChainEvenWhenListedFirst() {
        var chain = dispatcher(List.of("local", "anthropic")).chain(registry.require("openai"));

        assertThat(names(chain)).containsExactly("openai", "anthropic", "local");
    }

    @Test
    void anUnknownFallbackStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> dispatcher(List.of("anthropic", "gemini")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("AI_FALLBACK_PROVIDERS");
    }
}
