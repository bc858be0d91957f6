-- +goose Up
-- Commendations (package commendation): the register of decisions
-- (khen thưởng) a unit issues, their recipients, revocation, the rule
-- table of which issuing level may give which form, and the proposals
-- (đề nghị khen thưởng) units send up.

-- Which form an issuer of a level may give; the deployment edits it.
CREATE TABLE commendation_rules (
    level TEXT NOT NULL,
    form  TEXT NOT NULL,
    PRIMARY KEY (level, form)
);
INSERT INTO commendation_rules (level, form) VALUES
    ('central', 'bang_khen'), ('central', 'co_thi_dua'), ('central', 'danh_hieu'),
    ('province', 'bang_khen'), ('province', 'co_thi_dua'), ('province', 'giay_khen'), ('province', 'danh_hieu'),
    ('district', 'giay_khen'), ('district', 'danh_hieu'),
    ('commune', 'giay_khen'), ('commune', 'danh_hieu'),
    ('agency', 'giay_khen'), ('agency', 'danh_hieu');

CREATE TABLE commendation_decisions (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    number         TEXT    NOT NULL,
    search_fold    TEXT    NOT NULL, -- number, title, recipients and achievements, folded: what a search of the register reads
    signed_on      TEXT    NOT NULL,
    signer         TEXT    NOT NULL,
    signer_title   TEXT    NOT NULL DEFAULT '',
    form           TEXT    NOT NULL,
    title          TEXT    NOT NULL DEFAULT '',
    period         TEXT    NOT NULL DEFAULT '',
    revoked_on     TEXT,
    revoked_reason TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT    NOT NULL,
    UNIQUE (unit_id, number)
);
CREATE INDEX commendation_decisions_unit ON commendation_decisions (unit_id, signed_on);

-- A recipient: a person of a directory, a unit, or a household or
-- collective named in words; name holds the name as written on the
-- decision, name_fold and achievement_fold find duplicates.
CREATE TABLE commendation_recipients (
    id               INTEGER PRIMARY KEY,
    decision_id      INTEGER NOT NULL REFERENCES commendation_decisions (id),
    position         INTEGER NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('person', 'unit', 'household', 'collective')),
    person_id        INTEGER REFERENCES meeting_people (id),
    unit_id          INTEGER REFERENCES units (id),
    name             TEXT    NOT NULL,
    name_fold        TEXT    NOT NULL,
    achievement      TEXT    NOT NULL,
    achievement_fold TEXT    NOT NULL,
    practice_id      INTEGER REFERENCES practices (id)
);
CREATE INDEX commendation_recipients_decision ON commendation_recipients (decision_id);
CREATE INDEX commendation_recipients_person ON commendation_recipients (person_id);
CREATE INDEX commendation_recipients_unit ON commendation_recipients (unit_id);
CREATE INDEX commendation_recipients_name ON commendation_recipients (name_fold);

-- A proposal goes up from a unit to the unit above that decides it; an
-- approved proposal becomes a decision.
CREATE TABLE commendation_proposals (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    to_unit_id  INTEGER NOT NULL REFERENCES units (id),
    form        TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    period      TEXT    NOT NULL DEFAULT '',
    reason      TEXT    NOT NULL DEFAULT '',
    recipients  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    note        TEXT    NOT NULL DEFAULT '',
    decision_id INTEGER REFERENCES commendation_decisions (id),
    submitted_at TEXT   NOT NULL,
    decided_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX commendation_proposals_to ON commendation_proposals (to_unit_id, status);
CREATE INDEX commendation_proposals_from ON commendation_proposals (unit_id);

-- +goose Down
DROP TABLE commendation_proposals;
DROP TABLE commendation_recipients;
DROP TABLE commendation_decisions;
DROP TABLE commendation_rules;
