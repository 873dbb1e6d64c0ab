package dev.supportassistant.platform.ratelimit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Requests per client and minute (the burst allowed, and the pace after it); 0 turns a limit off.
 *
 * @param chatPerMinute {@code RATE_LIMIT_CHAT_PER_MINUTE}
 * @param tokenPerMinute {@code RATE_LIMIT_TOKEN_PER_MINUTE}
 * @param mediaPerMinute {@code RATE_LIMIT_MEDIA_PER_MINUTE}
 */
@Validated
@ConfigurationProperties("support.rate-limit")
record RateLimitSettings(@Min(0) int chatPerMinute, @Min(0) int tokenPerMinute, @Min(0) int mediaPerMinute) {

    int perMinute(RateLimited.Limit limit) {
        return switch (limit) {
            case CHAT -> chatPerMinute;
            case TOKEN -> tokenPerMinute;
            case MEDIA -> mediaPerMinute;
        };
    }
}
