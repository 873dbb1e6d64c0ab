package dev.supportassistant.chat;

import java.time.Instant;
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
 * @param route on a reply: the routing rule ({@code ROUTING_RULES}) that chose its provider
 * @param experiment the experiment ({@code EXPERIMENTS}) the conversation is in
 * @param variant the conversation's variant in that experiment
 * @param feedback on a reply: the customer's rating of it
 * @param author on a support agent's reply: the agent's name
 * @param human true on a message a person wrote for the support side (not the AI)
 * @param handoff on a status change, a holding reply or a human's reply: the conversation's handoff state
 * @param screenshot on a system message recording a shared screenshot: where it is and what it says
 */
public record MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage,
        Boolean fallback, String error, Long latencyMs, List<String> confusionSignals, List<Source> sources,
        Boolean incomplete, ScreenShareEvent screenShare, String route, String experiment, String variant,
        Feedback feedback, String author, Boolean human, Handoff handoff, Screenshot screenshot) {

    /** Metadata of the AI side, before routing and feedback. */
    MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage, Boolean fallback,
            String error, Long latencyMs, List<String> confusionSignals, List<Source> sources, Boolean incomplete,
            ScreenShareEvent screenShare) {
        this(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, confusionSignals, sources,
                incomplete, screenShare, null, null, null, null, null, null, null, null);
    }

    /** Metadata of a message about a handoff: a status change, a holding reply, a person's reply. */
    static MessageMetadata handoff(String author, Boolean human, Handoff handoff) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, author, human, handoff, null);
    }

    /** Metadata of a message recording a shared screenshot. */
    static MessageMetadata screenshot(Screenshot screenshot) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, screenshot);
    }

    /** Metadata of a system message recording a screen-sharing step. */
    static MessageMetadata screenShare(ScreenShareEvent event) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, event);
    }

    /** The same metadata with the route and the experiment variant the turn was answered under. */
    MessageMetadata routed(String route, String experiment, String variant) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, incomplete, screenShare, route, experiment, variant, feedback, author, human,
                handoff, screenshot);
    }

    /** The customer's rating of an assistant's message: {@code up} or {@code down}, with an optional comment. */
    public record Feedback(String rating, String comment, Instant createdAt) {
    }

    /**
     * A screenshot the customer shared.
     *
     * @param url where its owner, staff and operators fetch it ({@code /uploads/<name>})
     * @param ocrText the text read on it, or null when none was read
     */
    public record Screenshot(String url, String ocrText, int width, int height) {
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

        /** {@code by} of a step the customer took (the handoff button). */
        public static final String BY_CUSTOMER = "customer";
        /** {@code by} of a step an automatic rule took. */
        public static final String BY_ASSISTANT = "assistant";

        /** Whether a person of the support side took the step: then its reason is a staff note. */
        public boolean bySupportStaff() {
            return by != null && !BY_CUSTOMER.equals(by) && !BY_ASSISTANT.equals(by);
        }
    }
}
