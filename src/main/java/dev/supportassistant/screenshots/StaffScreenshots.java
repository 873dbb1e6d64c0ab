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

    StaffScreenshots(ScreenshotService screenshots) {
        this.screenshots = screenshots;
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
}
