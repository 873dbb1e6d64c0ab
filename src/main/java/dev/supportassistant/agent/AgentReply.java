package dev.supportassistant.agent;

import java.util.List;

import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * What an agent answered.
 *
 * @param model the model that wrote the reply
 * @param usage the tokens the reply cost
 * @param sources the knowledge passages the reply drew on (for a model: those put in its prompt)
 */
public record AgentReply(String content, String model, TokenUsage usage, List<KnowledgePassage> sources) {

    public AgentReply {
        sources = List.copyOf(sources);
    }
}
