-- The knowledge base: documents and their chunks with embeddings, shared by every instance.
-- Embeddings are computed once, at ingestion, and stored as 384 little-endian float32 values.

CREATE TABLE knowledge_documents (
    id            VARCHAR(36)              PRIMARY KEY,
    title         VARCHAR(500)             NOT NULL,
    -- Where it came from: 'folder' (KNOWLEDGE_DIR or the bundled articles) or 'api' (POST /api/v1/docs).
    origin        VARCHAR(16)              NOT NULL,
    -- For folder documents, the file they were read from; NULL for documents posted through the API.
    source_file   VARCHAR(1000)            UNIQUE,
    content_hash  VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE knowledge_chunks (
    id           VARCHAR(120)  PRIMARY KEY,
    document_id  VARCHAR(36)   NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    heading      VARCHAR(500)  NOT NULL,
    content      TEXT          NOT NULL,
    embedding    BYTEA         NOT NULL
);

CREATE INDEX knowledge_chunks_by_document ON knowledge_chunks (document_id, position);

-- Bumped on every change, so each instance knows when to reload its search index.
CREATE TABLE knowledge_revision (
    id        INTEGER PRIMARY KEY,
    revision  BIGINT  NOT NULL
);

INSERT INTO knowledge_revision (id, revision) VALUES (1, 0);
