-- The customer a conversation belongs to, when it was started with a customer token; only they
-- (or an operator) may read or continue it. NULL for conversations started anonymously.
ALTER TABLE conversations ADD COLUMN owner_id VARCHAR(255);

CREATE INDEX conversations_by_owner ON conversations (owner_id, updated_at);

-- Requests per client and minute, shared by every instance on PostgreSQL.
CREATE TABLE rate_limit_windows (
    client_key     VARCHAR(300) NOT NULL,
    window_minute  BIGINT       NOT NULL,
    hits           INTEGER      NOT NULL,
    PRIMARY KEY (client_key, window_minute)
);
