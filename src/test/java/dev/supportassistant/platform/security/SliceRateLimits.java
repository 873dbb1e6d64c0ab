package dev.supportassistant.platform.security;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.supportassistant.platform.ratelimit.RateLimiter;

/** The buckets that count wrong admin keys, in memory, for the security slices (which have no database). */
@TestConfiguration(proxyBeanMethods = false)
class SliceRateLimits {

    @Bean
    RateLimiter rateLimiter() {
        return RateLimiter.inMemory(Clock.systemUTC());
    }
}
