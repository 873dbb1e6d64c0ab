package dev.supportassistant.confusion;

import java.util.List;

/** Scores how confused or stuck a customer is, from their new message and what they said before. */
public interface ConfusionAnalyzer {

    /**
     * @param message the customer's new message
     * @param earlierMessages the customer's earlier messages in this conversation, oldest first
     */
    ConfusionAssessment assess(String message, List<String> earlierMessages);
}
