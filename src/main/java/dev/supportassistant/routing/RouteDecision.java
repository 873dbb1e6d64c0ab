package dev.supportassistant.routing;

import org.jspecify.annotations.Nullable;

/**
 * Who answers a turn, and why. Each part is absent when nothing decided it.
 *
 * @param provider the provider to ask first; absent, the active provider
 * @param model the model to ask it for; absent, the provider's configured model
 * @param systemPrompt instructions instead of {@code SYSTEM_PROMPT}
 * @param route the name of the routing rule that decided, when one did
 * @param experiment the experiment the conversation is in, if any
 * @param variant the conversation's variant in that experiment; recorded even when a rule or the
 *     request's own provider decided this turn, because it belongs to the conversation
 */
public record RouteDecision(@Nullable String provider, @Nullable String model, @Nullable String systemPrompt,
        @Nullable String route, @Nullable String experiment, @Nullable String variant) {
}
