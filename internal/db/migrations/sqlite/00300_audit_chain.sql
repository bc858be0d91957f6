-- +goose Up
-- The audit log becomes tamper-evident: each row carries the SHA-256 of
-- the previous row's hash and its own fields (see audit.Record), so that
-- changing, removing or inserting a row breaks the chain from there on
-- (audit.Verify, danvan audit verify). Rows written before this
-- migration have no hash and stay outside the chain.
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE audit_log DROP COLUMN hash;
