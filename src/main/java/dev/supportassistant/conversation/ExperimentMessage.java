package dev.supportassistant.conversation;

import org.jspecify.annotations.Nullable;

/**
 * One stored message as an experiment's results need it. Fields that do not apply are absent.
 *
 * @param role {@code user}, {@code assistant} or {@code system}
 * @param experiment the experiment recorded on the message
 * @param variant the variant recorded on the message
 * @param route the routing rule that chose who answered (on replies)
 * @param feedback the customer's rating of a reply, {@code up} or {@code down}
 * @param screenShareOffered whether this (system) message records a screen-sharing offer
 * @param handedOff whether this (system) message records an escalation to a person
 */
public record ExperimentMessage(String conversationId, String role, @Nullable String experiment,
        @Nullable String variant, @Nullable String route, @Nullable String model, @Nullable Integer promptTokens,
        @Nullable Integer completionTokens, @Nullable Long latencyMs, @Nullable Boolean fallback,
        @Nullable Double confusionLevel, @Nullable String feedback, boolean screenShareOffered, boolean handedOff) {
}
