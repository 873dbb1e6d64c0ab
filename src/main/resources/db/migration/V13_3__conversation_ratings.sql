-- The customer's rating of a whole conversation, 1 to 5: once for a conversation never handed to a
-- person (resolution 'ai'), once per resolution by a person (resolution 'resolved:<time>').
-- Runs on H2 (PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE conversation_ratings (
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    resolution       VARCHAR(64)              NOT NULL,
    human            BOOLEAN                  NOT NULL,
    score            INTEGER                  NOT NULL,
    comment          TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, resolution)
);

CREATE INDEX conversation_ratings_by_time ON conversation_ratings (created_at);
