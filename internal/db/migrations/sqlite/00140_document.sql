-- +goose Up
-- Documents a board issues (package document): the outgoing register
-- (sổ văn bản đi), the Party committee terms its numbers run in, and the
-- issuer codes of each unit over time. Dates are 'YYYY-MM-DD', moments
-- fixed-width UTC stamps (db.Day, db.Stamp).

-- A Party committee term (nhiệm kỳ): document numbers restart at 01 in
-- each. A row without unit_id is the default for every unit that has no
-- terms of its own; a unit's own rows replace the defaults for it.
CREATE TABLE document_terms (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER REFERENCES units (id),
    name       TEXT    NOT NULL,
    starts_on  TEXT    NOT NULL,
    ends_on    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX document_terms_unit ON document_terms (unit_id, starts_on);

-- The default terms: the congress terms, each from the October of its
-- congress year (provincial congresses sat from August to October of
-- 2015, 2020 and 2025). A deployment changes them, or gives a unit its
-- own, with document.Store.SetTerm.
INSERT INTO document_terms (unit_id, name, starts_on, ends_on, created_at) VALUES
    (NULL, '2015–2020', '2015-10-01', '2020-09-30', '2026-01-01T00:00:00.000000Z'),
    (NULL, '2020–2025', '2020-10-01', '2025-09-30', '2026-01-01T00:00:00.000000Z'),
    (NULL, '2025–2030', '2025-10-01', '2030-09-30', '2026-01-01T00:00:00.000000Z');

-- How a unit signs its documents over time: the issuer code of its
-- number line ('BDVTU', from 2025 'BTGDVTU'), the header lines (issuer
-- 'BAN DÂN VẬN' under superior 'TỈNH ỦY THÁI NGUYÊN') and the place of
-- the date line. valid_to is the last day a row holds, NULL while open.
CREATE TABLE document_issuers (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    valid_from TEXT    NOT NULL,
    valid_to   TEXT,
    code       TEXT    NOT NULL,
    issuer     TEXT    NOT NULL,
    superior   TEXT    NOT NULL DEFAULT '',
    place      TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX document_issuers_unit ON document_issuers (unit_id, valid_from);

-- The outgoing register: one row per issued document, never updated.
-- number is the number line without 'Số ' ('12-BC/BDVTU'); seq runs from
-- 1 per unit, issuer code, term and type, with no gap (allocated in the
-- issuing transaction). docx_key and pdf_key are the issued files in the
-- blob bucket. A correction is a new row whose replaces_id names the
-- document it replaces (at most one replacement each). search_fold is
-- vntext.Fold of the number, summary, signer and recipients.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    term_id      INTEGER NOT NULL REFERENCES document_terms (id),
    type         TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    issuer_code  TEXT    NOT NULL,
    number       TEXT    NOT NULL,
    issued_on    TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    signer_name  TEXT    NOT NULL,
    signer_title TEXT    NOT NULL,
    recipients   TEXT    NOT NULL,
    search_fold  TEXT    NOT NULL,
    source_kind  TEXT    NOT NULL DEFAULT '',
    source_id    INTEGER,
    replaces_id  INTEGER UNIQUE REFERENCES documents (id),
    docx_key     TEXT    NOT NULL,
    pdf_key      TEXT    NOT NULL,
    issued_by    INTEGER REFERENCES users (id),
    created_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX documents_number ON documents (unit_id, issuer_code, term_id, type, seq);
CREATE INDEX documents_unit ON documents (unit_id, issued_on);
CREATE INDEX documents_source ON documents (source_kind, source_id);

-- Signed scans uploaded against an issued document; the latest is shown.
CREATE TABLE document_scans (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    file_key     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    uploaded_by  INTEGER REFERENCES users (id),
    uploaded_at  TEXT    NOT NULL
);
CREATE INDEX document_scans_document ON document_scans (document_id, id);

-- +goose Down
DROP TABLE document_scans;
DROP TABLE documents;
DROP TABLE document_issuers;
DROP TABLE document_terms;
