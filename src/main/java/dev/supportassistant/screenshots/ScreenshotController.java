package dev.supportassistant.screenshots;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.supportassistant.platform.ratelimit.RateLimited;
import dev.supportassistant.platform.security.Caller;

/**
 * {@code POST /api/v1/screenshots}, as the original frontend calls it during screen sharing, and
 * {@code GET /uploads/<name>}, the {@code url} it answers with (and with {@code ?guidance=<message id>},
 * the places a reply points at drawn on it).
 */
@RestController
class ScreenshotController {

    private final ScreenshotService screenshots;
    private final GuidanceImages guidance;

    ScreenshotController(ScreenshotService screenshots, GuidanceImages guidance) {
        this.screenshots = screenshots;
        this.guidance = guidance;
    }

    /**
     * Multipart field {@code file} (PNG or JPEG); optional field {@code conversation_id} records it
     * in that conversation (the caller's own, as for chat) and shows it to the next turn's model.
     */
    @PostMapping(path = "/api/v1/screenshots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RateLimited(RateLimited.Limit.MEDIA)
    ScreenshotService.Shared share(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "conversation_id", required = false) @Nullable String conversationId,
            Caller caller) {
        return screenshots.share(bytes(file), conversationId, caller);
    }

    /**
     * The image, to its conversation's owner, staff and operators; 404 to everyone else. Never cached by
     * others. With {@code guidance=<message id>}, as PNG with the places that message points at drawn on it.
     */
    @GetMapping("/uploads/{file:.+}")
    ResponseEntity<byte[]> image(@PathVariable String file,
            @RequestParam(name = "guidance", required = false) @Nullable String messageId, Caller caller) {
        if (messageId != null) {
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .body(guidance.png(file, messageId, caller));
        }
        ScreenshotStore.Screenshot screenshot = screenshots.served(file, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(screenshot.mediaType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(screenshot.image());
    }

    private static byte @Nullable [] bytes(@Nullable MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
