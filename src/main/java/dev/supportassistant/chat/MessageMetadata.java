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
 */
record MessageMetadata(String provider, String model, Double confusionLevel, TokenUsage tokenUsage,
        Boolean fallback, String error, Long latencyMs, List<String> confusionSignals, List<Source> sources,
        Boolean incomplete, ScreenShareEvent screenShare) {

    /** A passage of the knowledge base used for an answer. */
    record Source(String title, String chunkId) {
    }
}
