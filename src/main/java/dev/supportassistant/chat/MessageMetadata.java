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
 * @param route on a reply: the routing rule ({@code ROUTING_RULES}) that chose its provider
 * @param experiment the experiment ({@code EXPERIMENTS}) the conversation is in
 * @param variant the conversation's variant in that experiment
 * @param feedback on a reply: the customer's rating of it
 */
record MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage,
        Boolean fallback, String error, Long latencyMs, List<String> confusionSignals, List<Source> sources,
        Boolean incomplete, ScreenShareEvent screenShare, String route, String experiment, String variant,
        Feedback feedback) {

    MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage, Boolean fallback,
            String error, Long latencyMs, List<String> confusionSignals, List<Source> sources, Boolean incomplete,
            ScreenShareEvent screenShare) {
        this(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, confusionSignals, sources,
                incomplete, screenShare, null, null, null, null);
    }

    /** The same metadata with the route and the experiment variant the turn was answered under. */
    MessageMetadata routed(String route, String experiment, String variant) {
        return new MessageMetadata(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs,
                confusionSignals, sources, incomplete, screenShare, route, experiment, variant, feedback);
    }

    /** The customer's rating of an assistant's message: {@code up} or {@code down}, with an optional comment. */
    record Feedback(String rating, String comment, java.time.Instant createdAt) {
    }

    /** A passage of the knowledge base used for an answer. */
    record Source(String title, String chunkId) {
    }
}
