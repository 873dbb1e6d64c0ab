-- Who decided each message's provider, and the experiment variant of its conversation, as columns
-- so that an experiment's results are one indexed query. Runs on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE messages ADD COLUMN route VARCHAR(100);
ALTER TABLE messages ADD COLUMN experiment VARCHAR(100);
ALTER TABLE messages ADD COLUMN variant VARCHAR(100);

CREATE INDEX messages_by_experiment ON messages (experiment, variant);

-- The customer's rating of an assistant's message: one per message, a new one replaces it.
CREATE TABLE message_feedback (
    message_id  VARCHAR(36)              PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    rating      VARCHAR(8)               NOT NULL,
    comment     TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
