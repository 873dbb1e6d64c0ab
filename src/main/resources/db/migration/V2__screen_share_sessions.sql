-- Screen-sharing sessions of conversations: the channel, the customer's and the agent's uids and
-- when their tokens were issued and expire. Tokens themselves are credentials and never stored.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL alike.

CREATE TABLE screen_share_sessions (
    id               VARCHAR(36)              PRIMARY KEY,
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    channel_name     VARCHAR(64)              NOT NULL,
    -- Unsigned 32-bit Agora uids do not fit INTEGER.
    customer_uid     BIGINT                   NOT NULL,
    agent_uid        BIGINT                   NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX screen_share_sessions_by_conversation ON screen_share_sessions (conversation_id, issued_at);
