package dev.supportassistant.chat;

import java.util.Optional;

import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.TurnContext;

/**
 * Lets a person take a conversation over from the AI. Asked on every customer turn, after the
 * customer's message is stored and before any AI agent is asked. Implemented by the handoff
 * module, which knows who holds each conversation; defined here so that the chat does not depend on it.
 */
public interface HumanHandoff {

    /** Never takes over: the AI always answers (when no handoff module is present). */
    HumanHandoff NONE = (context, message, confusion) -> Optional.empty();

    /**
     * @param context what the turn read of the conversation before the customer's message was
     *     stored: who holds it, and its latest messages
     * @param message the customer's message, already stored
     * @param confusion its confusion assessment
     * @return empty when the AI answers; otherwise the reply the customer gets instead, already
     *     stored: a holding message, or, when the customer asked for a person and nobody could come,
     *     one saying so
     */
    Optional<ChatMessage> takeOver(TurnContext context, ChatMessage message, ConfusionAssessment confusion);
}
