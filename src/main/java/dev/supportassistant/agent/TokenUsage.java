package dev.supportassistant.agent;

/**
 * Tokens a reply cost, as the provider reported them.
 *
 * @param estimated true when the provider reported nothing and the numbers are estimated from the
 *     text length (about four characters a token)
 */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens, boolean estimated) {

    public static TokenUsage reported(int promptTokens, int completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens, false);
    }

    public static TokenUsage estimated(String prompt, String completion) {
        int promptTokens = estimate(prompt);
        int completionTokens = estimate(completion);
        return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens, true);
    }

    private static int estimate(String text) {
        return (text.length() + 3) / 4;
    }
}
