package dev.supportassistant.screenshare;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.ratelimit.RateLimited;

/**
 * {@code POST /api/v1/agora/token}: a token for one channel and one uid (or account). Also the
 * renewal path: when the SDK reports that a token's privileges will expire, the client asks here
 * again with the same channel and uid and hands the fresh token to {@code renewToken}.
 */
@RestController
class AgoraTokenController {

    private final AgoraTokenService tokens;

    AgoraTokenController(AgoraTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/agora/token")
    @RateLimited(RateLimited.Limit.TOKEN)
    TokenGrant token(@RequestBody TokenRequest request) {
        return tokens.issue(request);
    }
}
