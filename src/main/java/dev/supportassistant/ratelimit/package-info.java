/**
 * Per-client request budgets: token buckets in memory or shared through PostgreSQL, applied to the endpoints marked {@link dev.supportassistant.ratelimit.RateLimited}.
 */
@NullMarked
package dev.supportassistant.ratelimit;

import org.jspecify.annotations.NullMarked;
