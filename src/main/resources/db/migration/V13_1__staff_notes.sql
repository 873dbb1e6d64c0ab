-- Internal notes staff leave on a conversation. A table of their own, not rows of `messages`:
-- everything a customer is shown or a provider is sent is read from `messages`, so a note cannot
-- reach either by a forgotten filter. Runs on H2 (PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE staff_notes (
    id               VARCHAR(36)              PRIMARY KEY,
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author           VARCHAR(255)             NOT NULL,
    content          TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX staff_notes_by_conversation ON staff_notes (conversation_id, created_at);
