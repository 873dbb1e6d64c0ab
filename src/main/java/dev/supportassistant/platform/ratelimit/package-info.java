/**
 * Per-client request budgets: token buckets in memory or shared through PostgreSQL, applied to the endpoints marked {@link dev.supportassistant.platform.ratelimit.RateLimited}.
 */
@NamedInterface("ratelimit")
@NullMarked
package dev.supportassistant.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
