-- Screen guidance and screen watching (issue 32). Runs on H2 (PostgreSQL mode) and PostgreSQL.
-- Each screenshot keeps its perceptual fingerprint (ScreenFingerprint, about 3 KB of text), so that
-- the next capture of its conversation is compared with it before any OCR, and the words OCR read
-- with their boxes (JSON), which is what a reply's screen guidance points with. A capture nearly
-- identical to the one before keeps that one's reading.
ALTER TABLE screenshots ADD COLUMN fingerprint TEXT;
ALTER TABLE screenshots ADD COLUMN screen_words TEXT;

-- The error messages the assistant has spoken up about in a conversation, by key (ScreenErrors.key):
-- at most once per error per conversation, whichever instance read the capture. The primary key
-- decides between two instances that see the same new error at once; erasing the conversation
-- takes these rows with it.
CREATE TABLE screen_errors_noticed (
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    error_key        VARCHAR(255)             NOT NULL,
    message_id       VARCHAR(36)              NOT NULL,
    noticed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, error_key)
);
