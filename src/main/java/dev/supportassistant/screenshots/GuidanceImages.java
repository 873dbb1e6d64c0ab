package dev.supportassistant.screenshots;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.screenshots.guidance.AnnotatedScreenshot;
import dev.supportassistant.screenshots.guidance.GuidanceStep;

/**
 * {@code GET /uploads/<name>?guidance=<message id>}: the screenshot with the places a reply points
 * at drawn on it ({@link AnnotatedScreenshot}), for clients that cannot draw boxes themselves, and
 * the desk. Drawing decodes the whole screenshot (about 120 ms for a 1080p one), so it takes one of
 * the OCR engine pool's {@code OCR_THREADS} places, and the result is kept a few minutes (at most
 * {@link #CACHE_BYTES} in all): a page showing it asks again on every update. The image is only
 * served after the same checks as the screenshot itself, so a kept copy reaches nobody else.
 */
@Component
class GuidanceImages {

    /** The most bytes of annotated screenshots kept (a 1080p screenshot is a few hundred kilobytes of PNG). */
    static final long CACHE_BYTES = 32L * 1024 * 1024;
    static final Duration KEPT = Duration.ofMinutes(5);

    private final ScreenshotService screenshots;
    private final Conversations conversations;
    private final Cache<String, byte[]> drawn = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String key, byte[] png) -> png.length)
            .expireAfterWrite(KEPT)
            .build();

    GuidanceImages(ScreenshotService screenshots, Conversations conversations) {
        this.screenshots = screenshots;
        this.conversations = conversations;
    }

    /**
     * The screenshot under {@code /uploads/<file>} with the message's guidance drawn, as PNG.
     *
     * @throws ScreenshotNotFoundException (404) the caller may not see the screenshot, or the message is
     *     not one of its conversation
     * @throws NoScreenGuidanceException (422) the message points at nothing on this screenshot
     */
    byte[] png(String file, String messageId, Caller caller) {
        ScreenshotStore.Screenshot screenshot = screenshots.served(file, caller);
        if (messageId.isBlank()) {
            throw new NoScreenGuidanceException("guidance: the id of a message with screen guidance is required");
        }
        ChatMessage message = screenshot.conversationId() == null ? null
                : conversations.message(screenshot.conversationId(), messageId.strip()).orElse(null);
        if (message == null) {
            throw ScreenshotNotFoundException.message();
        }
        List<GuidanceStep> steps = steps(message.metadata(), screenshot.name());
        if (steps.isEmpty()) {
            throw new NoScreenGuidanceException("guidance: the message has no screen guidance on this screenshot");
        }
        String key = screenshot.name() + "/" + message.id();
        byte[] png = drawn.getIfPresent(key);
        if (png == null) {
            // Drawn outside the cache's own locking: a drawing may wait for a place in the pool.
            png = screenshots.bounded(() -> AnnotatedScreenshot.png(screenshot.image(), steps));
            drawn.put(key, png);
        }
        return png;
    }

    /** The message's steps on this screenshot, in its order. */
    static List<GuidanceStep> steps(MessageMetadata metadata, String screenshot) {
        List<MessageMetadata.ScreenGuidance> guidance = null;
        if (metadata instanceof MessageMetadata.AiAnswer answer) {
            guidance = answer.screenGuidance();
        } else if (metadata instanceof MessageMetadata.ScreenNotice notice) {
            guidance = notice.screenGuidance();
        }
        if (guidance == null) {
            return List.of();
        }
        return guidance.stream().filter(step -> step.screenshotId().equals(screenshot))
                .map(step -> new GuidanceStep(step.label(), new ScreenText.Box(step.box().x(), step.box().y(),
                        step.box().width(), step.box().height())))
                .toList();
    }
}
