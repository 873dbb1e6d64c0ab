package dev.supportassistant.agent;

import java.util.List;

import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * Everything an agent gets to answer one customer message.
 *
 * @param history the conversation before the new message, oldest first
 * @param message the customer's new message
 * @param confusion how confused the customer seems; when {@code confused()}, offer screen sharing
 * @param passages help-article passages relevant to the message, best first
 */
public record AgentRequest(List<ConversationTurn> history, String message, ConfusionAssessment confusion,
        List<KnowledgePassage> passages) {

    public AgentRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
