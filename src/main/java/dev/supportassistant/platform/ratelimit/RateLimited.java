package dev.supportassistant.platform.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client may call an endpoint: bursts up to the per-minute limit, then at its
 * pace; over it the answer is 429 with {@code Retry-After} ({@link RateLimitInterceptor}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** Which limit applies; endpoints naming the same one share a client's budget. */
    Limit value();

    /** The per-minute budgets, each set by its own variable. */
    enum Limit {
        /** {@code RATE_LIMIT_CHAT_PER_MINUTE}: customer messages, streamed or not; each costs tokens. */
        CHAT,
        /** {@code RATE_LIMIT_TOKEN_PER_MINUTE}: screen-sharing tokens. */
        TOKEN,
        /** {@code RATE_LIMIT_MEDIA_PER_MINUTE}: screenshots, transcriptions and speech; each runs an engine for a while. */
        MEDIA
    }
}
