-- The desk's Conversations page lists every conversation, most recently active first.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL alike.
CREATE INDEX conversations_by_activity ON conversations (updated_at);
