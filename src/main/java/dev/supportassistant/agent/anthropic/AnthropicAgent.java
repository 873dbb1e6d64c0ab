package dev.supportassistant.agent.anthropic;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.SpringAiAgent;

/** Answers through Anthropic's Messages API (Claude models). */
@Component
class AnthropicAgent extends SpringAiAgent {

    AnthropicAgent(AnthropicSettings anthropic, AgentSettings settings) {
        super("anthropic", anthropic.model(), anthropic.hasApiKey() ? null : "ANTHROPIC_API_KEY is not set",
                () -> AnthropicChatModel.builder().options(AnthropicChatOptions.builder()
                        .apiKey(anthropic.apiKey())
                        .baseUrl(anthropic.baseUrlOrNull())
                        .model(anthropic.model())
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .timeout(settings.timeout())
                        // The dispatcher retries, within the timeout, for every provider alike.
                        .maxRetries(0)
                        .build()).build(),
                settings);
    }
}
