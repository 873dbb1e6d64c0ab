-- Rate-limit buckets move to Bucket4j's PostgreSQL table (platform.ratelimit.RateLimiter), shared by
-- every instance on PostgreSQL; on the embedded H2 database the buckets are kept in memory and this
-- table stays empty. A bucket's row (its serialized state) can be swept once it has refilled.
-- Numbered 11.1 so that it orders after V10 whatever else is numbered 11 on a branch merged at the same time.
DROP TABLE rate_limit_buckets;

CREATE TABLE bucket4j_buckets (
    id          VARCHAR(300) PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
CREATE INDEX bucket4j_buckets_expires_at ON bucket4j_buckets (expires_at);
