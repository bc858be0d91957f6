-- +goose Up
-- Emulation blocs and clusters (cụm, khối thi đua; package emulation): a
-- unit above (unit_id) groups units into a bloc; each year the bloc has
-- its members in a stored order, a leader and a deputy chosen by
-- rotation along that order, a criteria table, each member's own scores,
-- the bloc's review scores and the approval of the unit above.

CREATE TABLE emulation_blocs (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('cluster', 'bloc')),
    name       TEXT    NOT NULL,
    name_fold  TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX emulation_blocs_unit ON emulation_blocs (unit_id);

-- A bloc's year: its leader and deputy, the pledge it scores against (if
-- any), where the scoring stands and the member proposed for the flag.
CREATE TABLE emulation_bloc_years (
    bloc_id        INTEGER NOT NULL REFERENCES emulation_blocs (id),
    year           INTEGER NOT NULL,
    leader_unit_id INTEGER NOT NULL REFERENCES units (id),
    deputy_unit_id INTEGER REFERENCES units (id),
    pledge_id      INTEGER REFERENCES emulation_pledges (id),
    status         TEXT    NOT NULL CHECK (status IN ('scoring', 'reviewed', 'approved')),
    flag_unit_id   INTEGER REFERENCES units (id),
    note           TEXT    NOT NULL DEFAULT '',
    reviewed_at    TEXT,
    approved_at    TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (bloc_id, year)
);

-- The members of a bloc's year in rotation order (position from 0), and
-- when each handed in its own scores.
CREATE TABLE emulation_bloc_members (
    bloc_id      INTEGER NOT NULL REFERENCES emulation_blocs (id),
    year         INTEGER NOT NULL,
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    position     INTEGER NOT NULL,
    submitted_at TEXT,
    PRIMARY KEY (bloc_id, year, unit_id)
);
CREATE INDEX emulation_bloc_members_unit ON emulation_bloc_members (unit_id);

-- A line of a year's criteria table: a criterion, a bonus or a penalty,
-- its maximum points, the evidence required, and the pledge commitment
-- it was taken from (if any).
CREATE TABLE emulation_bloc_criteria (
    id            INTEGER PRIMARY KEY,
    bloc_id       INTEGER NOT NULL REFERENCES emulation_blocs (id),
    year          INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('criterion', 'bonus', 'penalty')),
    title         TEXT    NOT NULL,
    max_points    REAL    NOT NULL,
    evidence      TEXT    NOT NULL DEFAULT '',
    commitment_id INTEGER REFERENCES emulation_commitments (id)
);
CREATE INDEX emulation_bloc_criteria_year ON emulation_bloc_criteria (bloc_id, year);

-- A member's own score on a line and the bloc's review score.
CREATE TABLE emulation_bloc_scores (
    criterion_id INTEGER NOT NULL REFERENCES emulation_bloc_criteria (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    self_score   REAL,
    review_score REAL,
    scored_at    TEXT    NOT NULL,
    PRIMARY KEY (criterion_id, unit_id)
);

-- +goose Down
DROP TABLE emulation_bloc_scores;
DROP TABLE emulation_bloc_criteria;
DROP TABLE emulation_bloc_members;
DROP TABLE emulation_bloc_years;
DROP TABLE emulation_blocs;
