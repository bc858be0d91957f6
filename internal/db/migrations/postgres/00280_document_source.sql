-- +goose Up
-- Documents drafted from records (package document): the period of the
-- record a document came from ('2023S1' for a unit's review report or
-- its register of models; '' when the record needs none), and what the
-- person wrote in the draft (JSON: the text of each part a person may
-- rewrite, and the signature), so that a correction starts from the
-- issued wording.
ALTER TABLE documents ADD COLUMN source_period TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN content TEXT NOT NULL DEFAULT '';
DROP INDEX documents_source;
CREATE INDEX documents_source ON documents (source_kind, source_id, source_period);

-- A document revoked (thu hồi) after it was issued: the register row and
-- its files stay as issued and its number stays used; this row says when,
-- by whom and why. A document is revoked at most once.
CREATE TABLE document_voids (
    id          BIGSERIAL PRIMARY KEY,
    document_id BIGINT  NOT NULL UNIQUE REFERENCES documents (id),
    reason      TEXT    NOT NULL,
    voided_by   BIGINT  REFERENCES users (id),
    voided_at   TEXT    NOT NULL
);

-- +goose Down
DROP TABLE document_voids;
DROP INDEX documents_source;
CREATE INDEX documents_source ON documents (source_kind, source_id);
ALTER TABLE documents DROP COLUMN content;
ALTER TABLE documents DROP COLUMN source_period;
