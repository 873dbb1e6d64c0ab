package dev.supportassistant.agent;

import java.util.List;

import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * What an agent answered.
 *
 * @param model the model that wrote the reply
 * @param usage the tokens the reply cost
 * @param sources the knowledge passages the reply drew on (for a model: those put in its prompt)
 * @param nothingFound whether the agent said it found no answer in the knowledge base (the offline
 *     agent's "I couldn't find an answer"): a knowledge gap
 */
public record AgentReply(String content, String model, TokenUsage usage, List<KnowledgePassage> sources,
        boolean nothingFound) {

    public AgentReply {
        sources = List.copyOf(sources);
    }

    public AgentReply(String content, String model, TokenUsage usage, List<KnowledgePassage> sources) {
        this(content, model, usage, sources, false);
    }
}
