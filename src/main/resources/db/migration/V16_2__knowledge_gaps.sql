-- Knowledge gaps: customers' questions the knowledge base could not answer, grouped by meaning.
-- A gap's questions belong to their conversations (ON DELETE CASCADE: erasing a conversation takes
-- its questions with it); a gap's count and dates are its remaining questions'. Runs on H2
-- (PostgreSQL mode) and PostgreSQL.

CREATE TABLE knowledge_gaps (
    id           VARCHAR(36)              PRIMARY KEY,
    -- 'open', or 'answered' once an operator's answer became a document.
    status       VARCHAR(16)              NOT NULL,
    -- The mean of its questions' embeddings (384 float32), which a new question is compared with.
    centroid     BYTEA                    NOT NULL,
    members      INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE,
    document_id  VARCHAR(36)              REFERENCES knowledge_documents (id) ON DELETE SET NULL
);

CREATE TABLE knowledge_gap_questions (
    id               VARCHAR(36)              PRIMARY KEY,
    gap_id           VARCHAR(36)              NOT NULL REFERENCES knowledge_gaps (id) ON DELETE CASCADE,
    conversation_id  VARCHAR(36)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    -- The customer's words, shown to operators as such.
    question         TEXT                     NOT NULL,
    -- 'no_answer' (nothing in the knowledge base answered it) or 'thumbs_down' (the customer rated the answer down).
    reason           VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX knowledge_gap_questions_by_gap ON knowledge_gap_questions (gap_id, created_at);
CREATE INDEX knowledge_gap_questions_by_conversation ON knowledge_gap_questions (conversation_id);
