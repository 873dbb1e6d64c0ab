package dev.supportassistant.chat;

import org.jspecify.annotations.Nullable;

/**
 * A customer's turn was answered, and the answer (or the holding reply) is committed: published
 * after the commit, for what reacts to turns without being part of them (their metrics).
 *
 * @param confusionLevel the confusion level of the customer's message
 * @param offer why screen sharing was offered with the answer; absent when it was not
 */
record TurnAnswered(String conversationId, double confusionLevel, ChatMetrics.@Nullable OfferReason offer) {
}
