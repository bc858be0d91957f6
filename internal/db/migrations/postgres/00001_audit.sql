-- +goose Up
-- The audit log: one row per write, in the same transaction as the write.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TEXT    NOT NULL,
    user_id     BIGINT,
    actor       TEXT    NOT NULL DEFAULT '',
    addr        TEXT    NOT NULL DEFAULT '',
    action      TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_id   BIGINT,
    unit_id     BIGINT,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_unit ON audit_log (unit_id, at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);

-- +goose Down
DROP TABLE audit_log;
