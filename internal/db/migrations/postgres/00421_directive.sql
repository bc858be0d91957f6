-- +goose Up
-- Directive documents (package directive): the resolutions, conclusions,
-- instructions and plans a board works under, received from above and
-- kept in its register (number and code as written, e.g. 114-KL/TW),
-- and what was done under each: the conferences, reports, key tasks and
-- campaigns that carry it out.
CREATE TABLE directives (
    id           BIGSERIAL PRIMARY KEY,
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('resolution', 'conclusion', 'directive', 'instruction', 'plan', 'regulation', 'other')),
    number       TEXT    NOT NULL,
    number_key   TEXT    NOT NULL,
    issued_on    TEXT    NOT NULL,
    issuer       TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    summary_fold TEXT    NOT NULL,
    file_key     TEXT    NOT NULL DEFAULT '',
    file_name    TEXT    NOT NULL DEFAULT '',
    file_type    TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    UNIQUE (unit_id, number_key)
);
CREATE INDEX directives_number ON directives (number_key);

-- A record carrying a directive out; unit_id is the record's unit, for
-- reading only what the reader may see.
CREATE TABLE directive_links (
    directive_id BIGINT NOT NULL REFERENCES directives (id),
    target_kind  TEXT    NOT NULL CHECK (target_kind IN ('conference', 'report', 'task', 'campaign')),
    target_id    BIGINT  NOT NULL,
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (directive_id, target_kind, target_id)
);
CREATE INDEX directive_links_target ON directive_links (target_kind, target_id);

-- +goose Down
DROP TABLE directive_links;
DROP TABLE directives;
