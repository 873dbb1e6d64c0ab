package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void reportedUsageAddsPromptAndCompletionAndIsNotEstimated() {
        var usage = TokenUsage.reported(120, 45);

        assertThat(usage).isEqualTo(new TokenUsage(120, 45, 165, false));
    }

    @Test
    void estimatedUsageCountsAboutFourCharactersATokenRoundingUp() {
        var usage = TokenUsage.estimated("abcd", "abcde");

        assertThat(usage).isEqualTo(new TokenUsage(1, 2, 3, true));
    }

    @Test
    void estimatedUsageOfEmptyTextIsZero() {
        assertThat(TokenUsage.estimated("", "")).isEqualTo(new TokenUsage(0, 0, 0, true));
    }

    @Test
    void estimatedTotalIsPromptPlusCompletion() {
        var usage = TokenUsage.estimated("x".repeat(401), "y".repeat(99));

        assertThat(usage.promptTokens()).isEqualTo(101);
        assertThat(usage.completionTokens()).isEqualTo(25);
        assertThat(usage.totalTokens()).isEqualTo(126);
        assertThat(usage.estimated()).isTrue();
    }
}
