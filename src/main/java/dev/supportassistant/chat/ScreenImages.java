package dev.supportassistant.chat;

import java.util.List;
import java.util.Optional;

import dev.supportassistant.agent.ScreenImage;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;

/**
 * The screenshots customers shared in their conversations, so that a model that can see is shown
 * the latest with each turn (and every model the labels on it), and so that an answer that names
 * labels on it points at them. Implemented by the screenshots module, which stores them; defined
 * here so that the chat does not depend on it.
 */
public interface ScreenImages {

    /** No screenshots (when no screenshots module is present). */
    ScreenImages NONE = new ScreenImages() {

        @Override
        public Optional<ScreenImage> image(TurnContext.ScreenshotReference screenshot) {
            return Optional.empty();
        }

        @Override
        public List<MessageMetadata.ScreenGuidance> pointedAt(String answer,
                TurnContext.ScreenshotReference screenshot) {
            return List.of();
        }
    };

    /**
     * The screenshot the turn found as the conversation's newest, scaled for a vision model;
     * empty when it is no longer kept.
     */
    Optional<ScreenImage> image(TurnContext.ScreenshotReference screenshot);

    /**
     * The places on that screenshot that the answer names, in its order, at most three; none when
     * the screenshot is older than {@code SCREEN_GUIDANCE_MINUTES} or shows none of them.
     */
    List<MessageMetadata.ScreenGuidance> pointedAt(String answer, TurnContext.ScreenshotReference screenshot);
}
