package dev.supportassistant.desk;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.handoff.SupportDesk;
import dev.supportassistant.screenshare.TokenGrant;
import dev.supportassistant.screenshots.StaffScreenshots;

/**
 * What the desk shows of the customer's screen: the agent's Agora subscriber token for "View
 * screen" (the page joins the channel with Agora's Web SDK, shipped under /desk/assets/agora), and
 * the screenshots the customer shared, inline in the history, and beside a reply that points at
 * places on one, that screenshot with them marked.
 */
@RestController
class ScreenViews {

    private final SupportDesk desk;
    private final StaffScreenshots screenshots;

    ScreenViews(SupportDesk desk, StaffScreenshots screenshots) {
        this.desk = desk;
        this.screenshots = screenshots;
    }

    /** A fresh subscriber token for the conversation's latest screen share; 404 with a detail when there is none. */
    @PostMapping("/desk/conversations/{conversationId}/screen-share")
    TokenGrant screenShare(@PathVariable String conversationId) {
        return desk.screenShare(conversationId);
    }

    /** The screenshot; with {@code guidance=<message id>}, with the places that reply points at drawn on it. */
    @GetMapping("/desk/screenshots/{file:.+}")
    ResponseEntity<byte[]> screenshot(@PathVariable String file,
            @RequestParam(name = "guidance", required = false) @Nullable String messageId,
            Authentication authentication) {
        return (messageId == null ? screenshots.find(file, authentication.getName())
                : screenshots.withGuidance(file, messageId, authentication.getName()))
                .map(image -> ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                        .cacheControl(CacheControl.noStore().cachePrivate()).body(image.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
