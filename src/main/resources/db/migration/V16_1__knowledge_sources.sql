-- Web sources of the knowledge base (KNOWLEDGE_SOURCES and the console's Sources page): a page, a
-- sitemap or a site crawled within its host and path prefix, each page stored as a document.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE knowledge_sources (
    id               VARCHAR(36)              PRIMARY KEY,
    url              VARCHAR(2000)            NOT NULL UNIQUE,
    -- 'setting' (KNOWLEDGE_SOURCES: removed from here when removed from the setting) or 'console'.
    origin           VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The lease of the instance that syncs it: set by a conditional UPDATE (as ShedLock's JDBC lock
    -- does), cleared when the sync ends; an expired lease (a crashed instance) can be taken over.
    sync_started_at  TIMESTAMP WITH TIME ZONE,
    sync_lease_until TIMESTAMP WITH TIME ZONE,
    -- The last sync that ended: when, and what it found.
    last_sync_at     TIMESTAMP WITH TIME ZONE,
    pages_added      INTEGER                  NOT NULL DEFAULT 0,
    pages_changed    INTEGER                  NOT NULL DEFAULT 0,
    pages_unchanged  INTEGER                  NOT NULL DEFAULT 0,
    pages_removed    INTEGER                  NOT NULL DEFAULT 0,
    chunks_embedded  INTEGER                  NOT NULL DEFAULT 0,
    -- The last sync's errors, one per line ("<url>: <what went wrong>"), at most 20; NULL: none.
    errors           TEXT
);

-- A page of a web source is a document of its own, with the page's address.
ALTER TABLE knowledge_documents ADD COLUMN source_id VARCHAR(36);
ALTER TABLE knowledge_documents ADD COLUMN url VARCHAR(2000);
ALTER TABLE knowledge_documents ADD CONSTRAINT knowledge_documents_source
    FOREIGN KEY (source_id) REFERENCES knowledge_sources (id) ON DELETE CASCADE;
CREATE INDEX knowledge_documents_by_source ON knowledge_documents (source_id);
