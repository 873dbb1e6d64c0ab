-- Screenshots customers shared from their screens. Runs on H2 (PostgreSQL mode) and PostgreSQL.
-- The image lives in the database, so it is backed up, replicated and deleted with everything else:
-- deleting a conversation deletes its screenshots. Ones not attached to a conversation belong to
-- whoever uploaded them (owner_id, null for an anonymous upload) and expire like all of them after
-- SCREENSHOT_RETENTION_DAYS.
CREATE TABLE screenshots (
    -- 32 random bytes, base64url: the name in /uploads/<name>.png, so it cannot be guessed.
    name             VARCHAR(64)              PRIMARY KEY,
    conversation_id  VARCHAR(36)              REFERENCES conversations (id) ON DELETE CASCADE,
    owner_id         VARCHAR(255),
    media_type       VARCHAR(32)              NOT NULL,
    width            INTEGER                  NOT NULL,
    height           INTEGER                  NOT NULL,
    image            BYTEA                    NOT NULL,
    ocr_text         TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX screenshots_by_conversation ON screenshots (conversation_id, created_at);
CREATE INDEX screenshots_by_age ON screenshots (created_at);
