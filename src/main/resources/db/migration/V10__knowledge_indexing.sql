-- How a document's chunks were embedded (DocumentLibrary.INDEXING): documents posted through the
-- API embedded another way are embedded again from their stored chunks at start. NULL (documents
-- stored before this column) counts as another way. Runs on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE knowledge_documents ADD COLUMN indexing VARCHAR(100);
