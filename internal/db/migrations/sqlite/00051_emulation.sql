-- +goose Up
-- Emulation pledges (package emulation): a board and its subordinate
-- units sign a pledge for a period; each commitment is later scored per
-- signatory, and the signatories are ranked by their total.

CREATE TABLE emulation_pledges (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    conference_id INTEGER REFERENCES meeting_conferences (id),
    title         TEXT    NOT NULL,
    title_fold    TEXT    NOT NULL,
    period        TEXT    NOT NULL,
    signed_on     TEXT    NOT NULL,
    rules         TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL
);
CREATE INDEX emulation_pledges_unit ON emulation_pledges (unit_id);

-- A commitment: a target on an indicator (indicator_code, target) or a
-- described deliverable; max_score is what it is worth.
CREATE TABLE emulation_commitments (
    id             INTEGER PRIMARY KEY,
    pledge_id      INTEGER NOT NULL REFERENCES emulation_pledges (id),
    position       INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('target', 'deliverable')),
    indicator_code TEXT    NOT NULL DEFAULT '',
    target         REAL,
    description    TEXT    NOT NULL,
    max_score      REAL    NOT NULL
);
CREATE INDEX emulation_commitments_pledge ON emulation_commitments (pledge_id);

-- A subordinate unit that signed, who signed for it and when.
CREATE TABLE emulation_signatories (
    id        INTEGER PRIMARY KEY,
    pledge_id INTEGER NOT NULL REFERENCES emulation_pledges (id),
    unit_id   INTEGER NOT NULL REFERENCES units (id),
    signer    TEXT    NOT NULL,
    signed_on TEXT    NOT NULL,
    UNIQUE (pledge_id, unit_id)
);

-- The score of one signatory on one commitment.
CREATE TABLE emulation_scores (
    signatory_id  INTEGER NOT NULL REFERENCES emulation_signatories (id),
    commitment_id INTEGER NOT NULL REFERENCES emulation_commitments (id),
    score         REAL    NOT NULL,
    note          TEXT    NOT NULL DEFAULT '',
    scored_at     TEXT    NOT NULL,
    PRIMARY KEY (signatory_id, commitment_id)
);

-- +goose Down
DROP TABLE emulation_scores;
DROP TABLE emulation_signatories;
DROP TABLE emulation_commitments;
DROP TABLE emulation_pledges;
