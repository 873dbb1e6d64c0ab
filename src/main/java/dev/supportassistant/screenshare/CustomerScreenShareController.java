package dev.supportassistant.screenshare;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.ratelimit.RateLimited;
import dev.supportassistant.platform.security.Caller;

/** The customer shares their screen in a conversation: their token for its channel, and its renewal. */
@RestController
@RequestMapping("/api/v1/conversation/{conversationId}")
class CustomerScreenShareController {

    private final ConversationScreenShares screenShares;

    CustomerScreenShareController(ConversationScreenShares screenShares) {
        this.screenShares = screenShares;
    }

    /** The customer accepted screen sharing: their token for the conversation's channel. */
    @PostMapping("/screen-share")
    @RateLimited(RateLimited.Limit.TOKEN)
    CustomerScreenShare screenShare(@PathVariable String conversationId, Caller caller) {
        return screenShares.start(conversationId, caller);
    }

    /** A fresh token for the customer's seat in the latest session (same channel and uid), for the SDK's renewToken. */
    @PostMapping("/screen-share/renew")
    @RateLimited(RateLimited.Limit.TOKEN)
    CustomerScreenShare renewScreenShare(@PathVariable String conversationId, Caller caller) {
        return screenShares.renew(conversationId, caller);
    }
}
