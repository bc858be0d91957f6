-- +goose Up
-- One backup: taken by hand (slot NULL) or by a server's schedule, which
-- claims its slot ('2026-12-02T00:00:00Z', the start of the period it
-- covers) first, so that only one of several servers takes it. ok is 1
-- once the archive at path is complete.
CREATE TABLE backup_runs (
    id          BIGSERIAL PRIMARY KEY,
    slot        TEXT    UNIQUE,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    ok          BIGINT NOT NULL DEFAULT 0,
    path        TEXT    NOT NULL DEFAULT '',
    bytes       BIGINT NOT NULL DEFAULT 0,
    row_count   BIGINT NOT NULL DEFAULT 0,
    file_count  BIGINT NOT NULL DEFAULT 0,
    error       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX backup_runs_finished ON backup_runs (ok, finished_at);

-- +goose Down
DROP TABLE backup_runs;
