-- A handoff is saved only at the version it was loaded at (optimistic locking): of two agents or
-- instances changing the same conversation's handoff, the second finds the version moved on and
-- takes its step again on what the first left. Rows stored before start at version 1; 0 stands for
-- a handoff not stored yet. Runs on H2 (PostgreSQL mode) and PostgreSQL alike.
ALTER TABLE handoffs ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
