-- +goose Up
-- Accounts, roles, sessions, login throttling and API tokens (package auth).
-- Timestamps are TEXT in one fixed-width RFC 3339 UTC form
-- ('2025-07-01T08:30:00.000000Z'), so that they compare as strings.

-- An account. login is the normalized (lower-case) login name; name_fold is
-- vntext.Fold(name) for search and sort_key vntext.SortKey(name) for
-- Vietnamese ordering. password_hash is a PHC-style argon2id string.
-- version counts edits of the editable fields (name, phone, e-mail, active).
CREATE TABLE users (
    id                  BIGSERIAL PRIMARY KEY,
    login               TEXT    NOT NULL UNIQUE,
    name                TEXT    NOT NULL,
    name_fold           TEXT    NOT NULL,
    sort_key            BYTEA   NOT NULL,
    phone               TEXT    NOT NULL DEFAULT '',
    email               TEXT    NOT NULL DEFAULT '',
    password_hash       TEXT    NOT NULL,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version             INTEGER NOT NULL DEFAULT 1,
    password_changed_at TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX users_sort ON users (sort_key, id);

-- A role granted to a user on a unit (and so on its subtree today).
CREATE TABLE grants (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    unit_id    BIGINT  NOT NULL REFERENCES units (id),
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'leader', 'officer', 'viewer')),
    granted_by BIGINT  REFERENCES users (id),
    granted_at TEXT    NOT NULL,
    UNIQUE (user_id, unit_id, role)
);
CREATE INDEX grants_unit ON grants (unit_id);

-- A signed-in browser. Only the SHA-256 of the cookie token is kept (hex).
-- expires_at is the absolute end; the idle end is last_seen_at plus the
-- configured idle timeout.
CREATE TABLE sessions (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    token_hash   TEXT    NOT NULL UNIQUE,
    csrf_token   TEXT    NOT NULL,
    addr         TEXT    NOT NULL DEFAULT '',
    user_agent   TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One row per failed sign-in, counted per login name and per client
-- address within the throttling window. login holds the SHA-256 (hex) of
-- the normalized login name, never the name as typed (people type
-- passwords into the login field).
CREATE TABLE login_failures (
    id    BIGSERIAL PRIMARY KEY,
    login TEXT    NOT NULL,
    addr  TEXT    NOT NULL,
    at    TEXT    NOT NULL
);
CREATE INDEX login_failures_login ON login_failures (login, at);
CREATE INDEX login_failures_addr ON login_failures (addr, at);

-- An API token for /api/v1. Only the SHA-256 of the secret is kept (hex);
-- prefix is the secret's first characters, shown so people can tell tokens
-- apart.
CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- +goose Down
DROP TABLE api_tokens;
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE grants;
DROP TABLE users;
