-- The customer a conversation belongs to, when it was started with a customer token; only they
-- (or an operator) may read or continue it. NULL for conversations started anonymously.
ALTER TABLE conversations ADD COLUMN owner_id VARCHAR(255);

CREATE INDEX conversations_by_owner ON conversations (owner_id, updated_at);

-- Rate-limit token buckets, one per client and limit, shared by every instance on PostgreSQL.
CREATE TABLE rate_limit_buckets (
    client_key  VARCHAR(300)     PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    updated_ms  BIGINT           NOT NULL,
    allowed     BOOLEAN          NOT NULL
);
