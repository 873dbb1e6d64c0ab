package dev.supportassistant.routing;

/**
 * What the service knows about a customer's turn when it chooses who answers it.
 *
 * @param conversationId the conversation; its id decides an experiment's variant
 * @param confusionLevel the customer's confusion, 0.0 (clear) to 1.0
 * @param knowledgeScore how well the knowledge base matched the message: the best passage's
 *     relevance, 0.0 (nothing found) to 1.0 (every term covered)
 * @param messageLength the customer's message, in characters
 * @param turn which customer message of the conversation this is, from 1
 * @param status where the conversation stands
 */
public record TurnFacts(String conversationId, double confusionLevel, double knowledgeScore, int messageLength,
        int turn, ConversationStatus status) {
}
