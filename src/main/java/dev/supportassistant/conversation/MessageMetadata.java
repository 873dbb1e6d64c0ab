package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.agent.TokenUsage;

/**
 * What is known about a message besides its text. Fields that do not apply are absent, and left
 * out of the JSON: a customer's message carries its confusion level, an assistant's message also the
 * provider, model, token usage, latency and, when a fallback answered, the failure. Built from a
 * factory for the kind of message and withers, so that each call site names what it sets.
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
public record MessageMetadata(@Nullable String provider, @Nullable String model, @Nullable Double confusionLevel,
        @Nullable TokenUsage tokenUsage, @Nullable Boolean fallback, @Nullable String error, @Nullable Long latencyMs,
        @Nullable List<String> confusionSignals, @Nullable List<Source> sources, @Nullable Boolean incomplete,
        @Nullable ScreenShareEvent screenShare, @Nullable String route, @Nullable String experiment,
        @Nullable String variant, @Nullable Feedback feedback, @Nullable String author, @Nullable Boolean human,
        @Nullable Handoff handoff, @Nullable Screenshot screenshot) {

    private static final MessageMetadata NONE = new MessageMetadata(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);

    /** No metadata: a message that records nothing besides its text. */
    public static MessageMetadata none() {
        return NONE;
    }

    /** A customer's message: how confused it reads, and why. */
    public static MessageMetadata customerMessage(double confusionLevel, List<String> confusionSignals) {
        return NONE.withConfusion(confusionLevel, confusionSignals);
    }

    /** A reply an AI provider wrote: who, with which model, at what cost in tokens and time. */
    public static MessageMetadata answer(String provider, String model, TokenUsage tokenUsage, long latencyMs) {
        return new MessageMetadata(provider, model, null, tokenUsage, null, null, latencyMs, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** A system message recording a screen-sharing step. */
    public static MessageMetadata screenShare(ScreenShareEvent event) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, event, null, null, null,
                null, null, null, null, null);
    }

    /** A system message recording a shared screenshot. */
    public static MessageMetadata screenshot(Screenshot screenshot) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, screenshot);
    }

    /** A message about a handoff that no person wrote: a status change, or a holding reply. */
    public static MessageMetadata handoff(Handoff handoff) {
        return NONE.withHandoff(handoff);
    }

    /** A reply a person of the support side wrote to the customer. */
    public static MessageMetadata humanReply(String author, Handoff handoff) {
        return new MessageMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, author, Boolean.TRUE, handoff, null);
    }

    /** The same, with the confusion level of the customer's message and the signals behind it. */
    public MessageMetadata withConfusion(@Nullable Double level, @Nullable List<String> signals) {
        return new MessageMetadata(provider, model, level, tokenUsage, fallback, error, latencyMs, signals, sources,
                incomplete, screenShare, route, experiment, variant, feedback, author, human, handoff, screenshot);
    }

    /** The same, saying whether a fallback answered and, in one line, what failed. */
    public MessageMetadata withFallback(@Nullable Boolean fellBack, @Nullable String failure) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fellBack, failure, latencyMs,
                confusionSignals, sources, incomplete, screenShare, route, experiment, variant, feedback, author, human,
                handoff, screenshot);
    }

    /** The same, with the help-article passages the answer drew on. */
    public MessageMetadata withSources(List<Source> passages) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, passages, incomplete, screenShare, route, experiment, variant, feedback, author, human,
                handoff, screenshot);
    }

    /** The same, marked as a streamed answer cut off before its end (or, absent, not). */
    public MessageMetadata withIncomplete(@Nullable Boolean cutOff) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, cutOff, screenShare, route, experiment, variant, feedback, author, human,
                handoff, screenshot);
    }

    /** The same, with the route and the experiment variant the turn was answered under. */
    public MessageMetadata routed(@Nullable String rule, @Nullable String inExperiment, @Nullable String asVariant) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, incomplete, screenShare, rule, inExperiment, asVariant, feedback, author,
                human, handoff, screenshot);
    }

    /** The same, with the customer's rating. */
    public MessageMetadata withFeedback(Feedback rating) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, incomplete, screenShare, route, experiment, variant, rating, author, human,
                handoff, screenshot);
    }

    /** The same, with another handoff state. */
    public MessageMetadata withHandoff(@Nullable Handoff state) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, incomplete, screenShare, route, experiment, variant, feedback, author, human,
                state, screenshot);
    }

    /** The customer's rating of an assistant's message: {@code up} or {@code down}, with an optional comment. */
    public record Feedback(String rating, @Nullable String comment, Instant createdAt) {
    }

    /**
     * A screenshot the customer shared.
     *
     * @param url where its owner, staff and operators fetch it ({@code /uploads/<name>})
     * @param ocrText the text read on it, when some was read
     */
    public record Screenshot(String url, @Nullable String ocrText, int width, int height) {
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
    public record Handoff(String status, @Nullable String previousStatus, @Nullable String cause,
            @Nullable String reason, @Nullable String by) {

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
