package dev.supportassistant.chat;

import java.util.Optional;

import dev.supportassistant.agent.ScreenImage;

/**
 * The screenshots customers shared in their conversations, so that a model that can see is shown
 * the latest with each turn. Implemented by the screenshots module, which stores them; defined
 * here so that the chat does not depend on it.
 */
public interface ScreenImages {

    /** No screenshots (when no screenshots module is present). */
    ScreenImages NONE = conversationId -> Optional.empty();

    /** The conversation's latest screenshot, scaled for a vision model, if it has one. */
    Optional<ScreenImage> latest(String conversationId);
}
