package dev.supportassistant.routing;

/**
 * One stored message as an experiment's results need it. Fields that do not apply are null.
 *
 * @param role {@code user}, {@code assistant} or {@code system}
 * @param experiment the experiment recorded on the message, or null
 * @param variant the variant recorded on the message, or null
 * @param route the routing rule that chose who answered (on replies), or null
 * @param feedback the customer's rating of a reply, {@code up} or {@code down}, or null
 * @param screenShareOffered whether this (system) message records a screen-sharing offer
 * @param handedOff whether this (system) message records an escalation to a person
 */
public record ExperimentMessage(String conversationId, String role, String experiment, String variant, String route,
        String model, Integer promptTokens, Integer completionTokens, Long latencyMs, Boolean fallback,
        Double confusionLevel, String feedback, boolean screenShareOffered, boolean handedOff) {
}
