package dev.supportassistant.screenshots;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.supportassistant.platform.security.Caller;

/**
 * A customer's screenshots for support staff signed in to the desk, whose browser sends a session
 * rather than the bearer token {@code GET /uploads/<name>} asks for. The same images, expiry and
 * 404 for an unknown name.
 */
@Component
public class StaffScreenshots {

    /** A stored image and its media type ({@code image/png} or {@code image/jpeg}). */
    public record Image(String mediaType, byte[] bytes) {
    }

    private final ScreenshotService screenshots;
    private final GuidanceImages guidance;

    StaffScreenshots(ScreenshotService screenshots, GuidanceImages guidance) {
        this.screenshots = screenshots;
        this.guidance = guidance;
    }

    /** @param file the name in {@code /uploads/<file>} */
    public Optional<Image> find(String file, String agentName) {
        try {
            ScreenshotStore.Screenshot shot = screenshots.served(file, new Caller(null, false, agentName));
            return Optional.of(new Image(shot.mediaType(), shot.image()));
        } catch (ScreenshotNotFoundException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The screenshot with the places the message points at drawn on it, as PNG; empty when the
     * screenshot is unknown or the message points at nothing on it.
     */
    public Optional<Image> withGuidance(String file, String messageId, String agentName) {
        try {
            return Optional.of(new Image("image/png", guidance.png(file, messageId, new Caller(null, false, agentName))));
        } catch (ScreenshotNotFoundException | NoScreenGuidanceException unknown) {
            return Optional.empty();
        }
    }
}
