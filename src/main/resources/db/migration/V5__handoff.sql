-- Human handoff: who holds a conversation (the bot or a person), and the events pushed live to the
-- customer's page and the support desk. Runs on H2 (PostgreSQL mode) and PostgreSQL alike.

-- One row per conversation that was ever handed to a person; no row means the bot answers.
CREATE TABLE handoffs (
    conversation_id    VARCHAR(36)              PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    -- bot | waiting_for_human | with_human | resolved
    status             VARCHAR(32)              NOT NULL,
    -- What escalated it: customer_request (the button), explicit_request (asked for a person in a
    -- message) or confusion (confused for several turns in a row).
    cause              VARCHAR(32),
    reason             VARCHAR(500),
    -- A short note for the person taking over: the problem, what was tried, error codes, confusion.
    summary            TEXT,
    claimed_by         VARCHAR(255),
    requested_at       TIMESTAMP WITH TIME ZONE,
    claimed_at         TIMESTAMP WITH TIME ZONE,
    status_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX handoffs_by_status ON handoffs (status, requested_at);

-- Every new message and status change, numbered in commit order, so that a reconnecting client
-- resumes after the last id it saw (Last-Event-ID) and every instance delivers what others stored.
-- Deleting a conversation deletes its events: they quote its messages.
CREATE TABLE conversation_events (
    id               BIGINT                   PRIMARY KEY,
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    type             VARCHAR(32)              NOT NULL,
    data             TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX conversation_events_by_conversation ON conversation_events (conversation_id, id);

-- The last event id handed out: a single row (id = 1). Taking the next id locks this row until the
-- transaction commits, so ids become visible in order and a reader never skips one that commits late.
CREATE TABLE conversation_event_counter (
    id       INTEGER PRIMARY KEY,
    last_id  BIGINT  NOT NULL
);

INSERT INTO conversation_event_counter (id, last_id) VALUES (1, 0);
