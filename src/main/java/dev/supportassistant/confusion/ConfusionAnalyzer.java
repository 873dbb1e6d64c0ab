package dev.supportassistant.confusion;

import java.util.List;

/**
 * Scores how confused or stuck a customer is, from their new message and the conversation so far.
 * The conversation matters as much as the message: a calm "still the same" after the assistant's
 * steps means those steps did not help.
 */
public interface ConfusionAnalyzer {

    /**
     * @param message the customer's new message
     * @param history the conversation before it, oldest first: the customer's and the assistant's
     *     turns, without system events
     */
    ConfusionAssessment assess(String message, List<Turn> history);

    /**
     * Starts, without waiting, the work a later {@link #assess} of the same message needs (its
     * embedding), so that it runs while the caller does what needs no score. Never refuses.
     */
    default void expect(String message) {
    }

    /**
     * One earlier turn of the conversation.
     *
     * @param fromCustomer whether the customer wrote it; otherwise the assistant did
     * @param text what was said
     */
    record Turn(boolean fromCustomer, String text) {

        public static Turn customer(String text) {
            return new Turn(true, text);
        }

        public static Turn assistant(String text) {
            return new Turn(false, text);
        }
    }
}
