-- +goose Up
-- Security additions to auth (issue 13): API tokens that expire and carry
-- a narrower scope than their owner's, two-factor sign-in with TOTP
-- (RFC 6238) and one-time recovery codes, and the units whose users must
-- use it.

-- expires_at: when the token stops working (NULL: never). read_only: the
-- token reads only, whatever its owner's roles.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1));

-- The units a token is limited to (with their subtrees); none: every unit
-- its owner reaches.
CREATE TABLE api_token_units (
    token_id BIGINT NOT NULL REFERENCES api_tokens (id),
    unit_id  BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (token_id, unit_id)
);

-- totp_secret: the account's TOTP key (base32), set while enrolling and
-- kept once confirmed; totp_enabled_at: when the account confirmed it
-- (NULL: no second step yet).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;

-- One-time recovery codes; only a SHA-256 of each is kept.
CREATE TABLE recovery_codes (
    id        BIGSERIAL PRIMARY KEY,
    user_id   BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT    NOT NULL,
    used_at   TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- Units whose users (holding a role on the unit or below it) must sign in
-- with a second step.
CREATE TABLE twofactor_units (
    unit_id BIGINT NOT NULL PRIMARY KEY REFERENCES units (id),
    set_by  BIGINT REFERENCES users (id),
    set_at  TEXT    NOT NULL
);

-- A sign-in waiting for its second step: the password was right; the
-- browser holds the secret whose SHA-256 is token_hash.
CREATE TABLE login_challenges (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    token_hash TEXT    NOT NULL UNIQUE,
    addr       TEXT    NOT NULL,
    user_agent TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);

-- +goose Down
DROP TABLE login_challenges;
DROP TABLE twofactor_units;
DROP TABLE recovery_codes;
ALTER TABLE users DROP COLUMN totp_enabled_at;
ALTER TABLE users DROP COLUMN totp_secret;
DROP TABLE api_token_units;
ALTER TABLE api_tokens DROP COLUMN read_only;
ALTER TABLE api_tokens DROP COLUMN expires_at;
