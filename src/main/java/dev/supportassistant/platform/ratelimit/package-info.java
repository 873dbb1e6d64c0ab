/**
 * Per-client budgets: Bucket4j's token buckets, in memory or shared through PostgreSQL
 * ({@link dev.supportassistant.platform.ratelimit.RateLimiter}), applied to the endpoints marked
 * {@link dev.supportassistant.platform.ratelimit.RateLimited}, to wrong admin keys and to desk sign-ins.
 */
@NamedInterface("ratelimit")
@NullMarked
package dev.supportassistant.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
