-- +goose Up
-- Files a refused form had received (kit's pending uploads): kept for the
-- session that sent them until they expire, so that a form shown again
-- after an error keeps the chosen file ("đã chọn: tên tệp") instead of
-- asking for it again. The content lives in the file store under
-- blob_key; expired rows and their files are swept when new ones come.
CREATE TABLE pending_uploads (
    id         BIGSERIAL PRIMARY KEY,
    token      TEXT    NOT NULL UNIQUE,
    session_id BIGINT NOT NULL,
    field      TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    size       BIGINT NOT NULL,
    blob_key   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
CREATE INDEX pending_uploads_expires ON pending_uploads (expires_at);

-- +goose Down
DROP TABLE pending_uploads;
