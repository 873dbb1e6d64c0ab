-- Issue 13 (hardening). Runs on H2 (PostgreSQL mode) and PostgreSQL alike.

-- Each conversation's screen-sharing channel: a random name, no longer derived from the
-- conversation id (whose knowledge is the key to an anonymous conversation).
CREATE TABLE screen_share_channels (
    conversation_id  VARCHAR(36)              PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    channel_name     VARCHAR(64)              NOT NULL UNIQUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a customer's live stream sends of an event: the data without the service's internals
-- (routing, experiments, failure summaries, staff notes). NULL: the same as data.
ALTER TABLE conversation_events ADD COLUMN customer_data TEXT;
