package dev.supportassistant.routing;

/**
 * Who answers a turn, and why.
 *
 * @param provider the provider to ask first, or null for the active provider
 * @param model the model to ask it for, or null for the provider's configured model
 * @param systemPrompt instructions instead of {@code SYSTEM_PROMPT}, or null
 * @param route the name of the routing rule that decided, or null when none did
 * @param experiment the experiment the conversation is in, or null
 * @param variant the conversation's variant in that experiment, or null; recorded even when a
 *     rule or the request's own provider decided this turn, because it belongs to the conversation
 */
public record RouteDecision(String provider, String model, String systemPrompt, String route, String experiment,
        String variant) {
}
