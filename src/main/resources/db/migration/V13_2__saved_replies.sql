-- Replies the operators keep for the desk to insert and edit: a title and a text that may hold the
-- placeholders {customer} and {agent}. Runs on H2 (PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE saved_replies (
    id          VARCHAR(36)              PRIMARY KEY,
    title       VARCHAR(100)             NOT NULL,
    content     TEXT                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
