package dev.supportassistant.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.supportassistant.platform.config.InvalidSettingException;

/** Reading ROUTING_RULES and EXPERIMENTS: JSON or YAML, inline or a file, and what a rule matches. */
class RoutingDocumentsTest {

    private static final String YAML = """
            rules:
              - name: easy
                when: {max_confusion: 0.3, min_kb_score: 0.6, max_length: 200}
                provider: local
              - name: confused
                when:
                  min_confusion: 0.6
                provider: anthropic
                model: claude-opus-4-1
            """;

    private static List<RoutingRule> rules(String value) {
        SettingsDocument document = SettingsDocument.of("ROUTING_RULES");
        return RoutingRule.parse(document, document.parse(value));
    }

    private static TurnFacts turn(double confusion, double kbScore, int length, int turn, ConversationStatus status) {
        return new TurnFacts("c", confusion, kbScore, length, turn, status);
    }

    @Test
    void yamlJsonAndAFileReadTheSame(@TempDir Path folder) throws Exception {
        String json = """
                [{"name": "easy", "when": {"max_confusion": 0.3, "min_kb_score": 0.6, "max_length": 200}, "provider": "local"},
                 {"name": "confused", "when": {"min_confusion": 0.6}, "provider": "anthropic", "model": "claude-opus-4-1"}]
                """;
        Path file = Files.writeString(folder.resolve("rules.yaml"), YAML);

        assertThat(rules(json)).isEqualTo(rules(YAML)).isEqualTo(rules(file.toString())).hasSize(2);
        assertThat(rules(YAML).get(1).model()).isEqualTo("claude-opus-4-1");
    }

    @Test
    void anEmptySettingHasNoRules() {
        assertThat(rules("")).isEmpty();
        assertThat(rules(null)).isEmpty();
    }

    @Test
    void eachConditionBoundsItsOwnFactInclusively() {
        RoutingRule rule = rules("""
                [{"name": "all", "provider": "openai", "when": {"min_confusion": 0.2, "max_confusion": 0.8,
                  "min_kb_score": 0.5, "max_kb_score": 0.9, "min_length": 10, "max_length": 100,
                  "min_turn": 2, "max_turn": 4, "status": ["open", "screen_share_offered"]}}]
                """).get(0);

        assertThat(rule.matches(turn(0.2, 0.5, 10, 2, ConversationStatus.OPEN))).isTrue();
        assertThat(rule.matches(turn(0.8, 0.9, 100, 4, ConversationStatus.SCREEN_SHARE_OFFERED))).isTrue();
        assertThat(rule.matches(turn(0.19, 0.7, 50, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.81, 0.7, 50, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.49, 50, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.91, 50, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.7, 9, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.7, 101, 3, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.7, 50, 1, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.7, 50, 5, ConversationStatus.OPEN))).isFalse();
        assertThat(rule.matches(turn(0.5, 0.7, 50, 3, ConversationStatus.SCREEN_SHARING))).isFalse();
        assertThat(rule.statuses()).isEqualTo(Set.of(ConversationStatus.OPEN, ConversationStatus.SCREEN_SHARE_OFFERED));
    }

    @Test
    void aMisspelledConditionIsNamedWithItsRule() {
        assertThatThrownBy(() -> rules("[{\"name\": \"confused\", \"provider\": \"openai\", \"when\": {\"min_confusin\": 0.6}}]"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid setting ROUTING_RULES: expected only")
                .hasMessageContaining("rule 1 (\"confused\") when").hasMessageContaining("\"min_confusin\"");
    }

    @Test
    void malformedDocumentsAndMissingFilesAreNamed() {
        assertThatThrownBy(() -> rules("[{\"name\": \"x\", "))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("ROUTING_RULES: expected valid JSON or YAML");
        assertThatThrownBy(() -> rules("/no/such/rules.yaml"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("there is no file /no/such/rules.yaml");
        assertThatThrownBy(() -> rules("[{\"name\": \"x\", \"provider\": \"openai\", \"when\": {\"min_confusion\": 2}}]"))
                .hasMessageContaining("\"min_confusion\" between 0.0 and 1.0 at rule 1 (\"x\")");
    }

    @Test
    void experimentsMustSplitAtMostAllConversations() {
        SettingsDocument document = SettingsDocument.of("EXPERIMENTS");
        String tooMuch = """
                [{"name": "a", "variants": [{"name": "x", "percent": 50, "provider": "openai"},
                                            {"name": "y", "percent": 40, "provider": "openai"}]},
                 {"name": "b", "variants": [{"name": "x", "percent": 5, "provider": "openai"},
                                            {"name": "y", "percent": 5.5, "provider": "openai"}]}]
                """;

        assertThatThrownBy(() -> Experiment.parse(document, document.parse(tooMuch)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("EXPERIMENTS")
                .hasMessageContaining("add up to 100.5");
        assertThatThrownBy(() -> Experiment.parse(document, document.parse(
                "[{\"name\": \"a\", \"variants\": [{\"name\": \"x\", \"percent\": 50, \"provider\": \"openai\"}]}]")))
                .hasMessageContaining("at least two variants in experiment \"a\"");
    }

    @Test
    void percentagesKeepUpToTwoDecimalsAndWholeOnesStayWhole() {
        SettingsDocument document = SettingsDocument.of("EXPERIMENTS");
        List<Experiment> experiments = Experiment.parse(document, document.parse("""
                [{"name": "a", "variants": [{"name": "x", "percent": 50, "provider": "openai"},
                                            {"name": "y", "percent": 12.25, "provider": "openai"}]}]
                """));

        assertThat(experiments.get(0).variants().get(0).percent().toString()).isEqualTo("50");
        assertThat(experiments.get(0).variants().get(1).basisPoints()).isEqualTo(1225);
        assertThatThrownBy(() -> Experiment.parse(document, document.parse("""
                [{"name": "a", "variants": [{"name": "x", "percent": 12.125, "provider": "openai"},
                                            {"name": "y", "percent": 10, "provider": "openai"}]}]
                """))).hasMessageContaining("at most two decimals");
    }

    @Test
    void wilsonIntervalsMatchTheTextbook() {
        // Wilson score interval for 8 of 10 at 95%: 0.4902 to 0.9433 (Newcombe 1998, table I method 3).
        ExperimentReport.Rate rate = ExperimentReport.Rate.of(8, 10);
        assertThat(rate.rate()).isEqualTo(0.8);
        assertThat(rate.ci95Low()).isEqualTo(0.4902);
        assertThat(rate.ci95High()).isEqualTo(0.9433);
        assertThat(ExperimentReport.Rate.of(0, 0).rate()).isNull();
    }
}
