-- Which embedding model made a knowledge gap's centroid (SentenceEmbeddings.MODEL): an open gap's
-- centroid made by another model is computed again at start from its stored questions. NULL (gaps
-- stored before this column, by the full-precision all-MiniLM-L6-v2) counts as another model.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE knowledge_gaps ADD COLUMN embedded_with VARCHAR(100);
