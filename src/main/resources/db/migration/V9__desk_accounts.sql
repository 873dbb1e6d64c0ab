-- Support desk accounts (POST /api/v1/desk/agents). Runs on H2 (PostgreSQL mode) and PostgreSQL.
-- Names are unique whatever their case, so "Bob" and "bob" cannot both act in one history.
CREATE TABLE desk_accounts (
    name                VARCHAR(64)              PRIMARY KEY,
    name_key            VARCHAR(64)              NOT NULL UNIQUE,
    -- Spring Security's DelegatingPasswordEncoder format: {bcrypt}$2a$10$...
    password_hash       VARCHAR(255)             NOT NULL,
    role                VARCHAR(16)              NOT NULL,
    enabled             BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
