package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * The start-up line about who answers: when the operator's stored switch is not in effect (its
 * provider is no longer configured here), it names that choice, why, and who answers instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActiveProviderReportTest {

    private final AgentRegistry registry = new AgentRegistry(List.of(new NamedAgent("openai", true),
            new NamedAgent("anthropic", false), new NamedAgent("ollama", false), new NamedAgent("local", true)));

    private static AgentSettings defaultProvider(String defaultProvider) {
        return new AgentSettings(defaultProvider, 0.7, 1000, Duration.ofSeconds(30), 2, Duration.ofMillis(500),
                List.of(), "Be helpful.", 3000, new AgentSettings.Circuit(5, 50, Duration.ofSeconds(30)));
    }

    private String reportWith(String defaultProvider, String storedSwitch, CapturedOutput output) {
        AgentSettings settings = defaultProvider(defaultProvider);
        ActiveProviderStore store = new ActiveProviderStore(null) {
            @Override
            Optional<String> load() {
                return Optional.ofNullable(storedSwitch);
            }
        };
        int before = output.getAll().length();
        new ActiveProvider(registry, store, null, settings).reportAtStart();
        return output.getAll().substring(before).lines().filter(line -> line.contains("Active AI provider"))
                .findFirst().orElseThrow();
    }

    @Test
    void aStoredSwitchNoLongerConfiguredIsNamedWithTheDefaultAnsweringInstead(CapturedOutput output) {
        assertThat(reportWith("openai", "anthropic", output)).contains("WARN").endsWith("Active AI provider: openai "
                + "(DEFAULT_AI_PROVIDER) instead of the operator's choice anthropic, which is not available here: "
                + "ANTHROPIC_API_KEY is not set");
    }

    @Test
    void withTheDefaultNotConfiguredEitherLocalAnswersAndBothAreNamed(CapturedOutput output) {
        assertThat(reportWith("ollama", "anthropic", output)).contains("WARN").endsWith("Active AI provider: local "
                + "instead of the operator's choice anthropic, which is not available here: ANTHROPIC_API_KEY is not "
                + "set; nor is DEFAULT_AI_PROVIDER=ollama (OLLAMA_API_KEY is not set)");
    }

    @Test
    void aStoredSwitchToAProviderThisVersionLacksIsNamedToo(CapturedOutput output) {
        assertThat(reportWith("openai", "gemini", output)).endsWith("Active AI provider: openai (DEFAULT_AI_PROVIDER) "
                + "instead of the operator's choice gemini, which is not available here: this version has no such provider");
    }

    @Test
    void aDefaultProviderNoAgentHasStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> new ActiveProvider(registry, new ActiveProviderStore(null), null,
                defaultProvider("skynet")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting DEFAULT_AI_PROVIDER=skynet: expected one of anthropic, local, ollama, openai");
    }

    @Test
    void theDefaultProviderIsReadByTheSameRuleAsASwitch(CapturedOutput output) {
        List<String> saved = new java.util.ArrayList<>();
        ActiveProviderStore store = new ActiveProviderStore(null) {
            @Override
            Optional<String> load() {
                return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
            }

            @Override
            void save(String provider, Runnable alsoInTransaction) {
                saved.add(provider);
            }
        };
        ActiveProvider active = new ActiveProvider(registry, store, null, defaultProvider(" OpenAI "));

        assertThat(active.current().provider()).isEqualTo("openai");
        assertThat(active.switchTo("Local ").provider()).isEqualTo("local");
        assertThat(saved).containsExactly("local");
        assertThat(reportWith("OpenAI", null, output)).endsWith("Active AI provider: openai (DEFAULT_AI_PROVIDER)");
    }

    @Test
    void aSwitchInEffectAndTheDefaultWithoutSwitchAreReportedQuietly(CapturedOutput output) {
        assertThat(reportWith("anthropic", "openai", output)).contains("INFO")
                .endsWith("Active AI provider: openai (chosen by an operator switch)");
        assertThat(reportWith("openai", null, output)).contains("INFO")
                .endsWith("Active AI provider: openai (DEFAULT_AI_PROVIDER)");
        assertThat(reportWith("anthropic", null, output)).contains("WARN")
                .endsWith("Active AI provider: local (DEFAULT_AI_PROVIDER=anthropic: ANTHROPIC_API_KEY is not set)");
    }
}
