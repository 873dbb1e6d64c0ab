package dev.supportassistant.chat;

import java.util.List;

import dev.supportassistant.agent.TokenUsage;

/**
 * What is known about a message besides its text. Fields that do not apply are null and left out
 * of the JSON: a customer's message carries its confusion level, an assistant's message also the
 * provider, model, token usage, latency and, when a fallback answered, the failure.
 *
 * @param confusionLevel the confusion level of the customer's message this message belongs to
 * @param confusionSignals why the confusion level is what it is
 * @param sources the help-article passages the answer drew on
 * @param incomplete true when a streamed answer was cut off and holds only what arrived
 * @param screenShare on a system message: the screen-sharing step it records
 * @param author on a support agent's reply: the agent's name
 * @param human true on a message a person wrote for the support side (not the AI)
 * @param handoff on a status change, a holding reply or a human's reply: the conversation's handoff state
 */
public record MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage,
        Boolean fallback, String error, Long latencyMs, List<String> confusionSignals, List<Source> sources,
        Boolean incomplete, ScreenShareEvent screenShare, String author, Boolean human, Handoff handoff) {

    /** Metadata without the human-handoff fields, for messages the AI side writes. */
    MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage, Boolean fallback,
            String error, Long latencyMs, List<String> confusionSignals, List<Source> sources, Boolean incomplete,
            ScreenShareEvent screenShare) {
        this(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, confusionSignals, sources,
                incomplete, screenShare, null, null, null);
    }

    /** A passage of the knowledge base used for an answer. */
    public record Source(String title, String chunkId) {
    }

    /**
     * Who holds the conversation, on messages about a handoff.
     *
     * @param status {@code bot}, {@code waiting_for_human}, {@code with_human} or {@code resolved}
     * @param previousStatus the status before this change, on a status change
     * @param cause what escalated it: {@code customer_request}, {@code explicit_request} or {@code confusion}
     * @param reason why, in words: the customer's, the rule's or the agent's
     * @param by who changed it: {@code customer}, {@code assistant} (an automatic rule) or the agent's name
     */
    public record Handoff(String status, String previousStatus, String cause, String reason, String by) {
    }
}
