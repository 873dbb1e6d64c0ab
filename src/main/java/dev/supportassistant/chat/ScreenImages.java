package dev.supportassistant.chat;

import java.util.Optional;

import dev.supportassistant.agent.ScreenImage;
import dev.supportassistant.conversation.TurnContext;

/**
 * The screenshots customers shared in their conversations, so that a model that can see is shown
 * the latest with each turn. Implemented by the screenshots module, which stores them; defined
 * here so that the chat does not depend on it.
 */
public interface ScreenImages {

    /** No screenshots (when no screenshots module is present). */
    ScreenImages NONE = screenshot -> Optional.empty();

    /**
     * The screenshot the turn found as the conversation's newest, scaled for a vision model;
     * empty when it is no longer kept.
     */
    Optional<ScreenImage> image(TurnContext.ScreenshotReference screenshot);
}
