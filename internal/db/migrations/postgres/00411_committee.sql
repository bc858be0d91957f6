-- +goose Up
-- Steering committees (ban chỉ đạo; package committee): a committee of a
-- unit with its purpose, its members drawn from several units with their
-- roles and terms (a change ends one term and starts another, so who sat
-- on it on any past day stays known), its meetings (conferences of its
-- unit), its decisions and its yearly reports.

CREATE TABLE committees (
    id BIGSERIAL PRIMARY KEY,
    unit_id        BIGINT NOT NULL REFERENCES units (id),
    name           TEXT    NOT NULL,
    name_fold      TEXT    NOT NULL,
    purpose        TEXT    NOT NULL CHECK (purpose IN ('qcdc', 'religion', 'campaign', 'other')),
    purpose_note   TEXT    NOT NULL DEFAULT '',
    established_on TEXT    NOT NULL,
    decision_no    TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL
);
CREATE INDEX committees_unit ON committees (unit_id);

-- A term on a committee: who, from which unit, in which role, from and
-- until which day (both included; until empty while it lasts).
CREATE TABLE committee_members (
    id BIGSERIAL PRIMARY KEY,
    committee_id BIGINT NOT NULL REFERENCES committees (id),
    name         TEXT    NOT NULL,
    name_fold    TEXT    NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    role         TEXT    NOT NULL CHECK (role IN ('head', 'deputy', 'standing', 'member')),
    from_on      TEXT    NOT NULL,
    until_on     TEXT,
    end_reason   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX committee_members_committee ON committee_members (committee_id, from_on);

CREATE TABLE committee_meetings (
    committee_id  BIGINT NOT NULL REFERENCES committees (id),
    conference_id BIGINT NOT NULL REFERENCES meeting_conferences (id),
    PRIMARY KEY (committee_id, conference_id)
);

CREATE TABLE committee_decisions (
    id BIGSERIAL PRIMARY KEY,
    committee_id BIGINT NOT NULL REFERENCES committees (id),
    number       TEXT    NOT NULL,
    signed_on    TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    summary      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX committee_decisions_committee ON committee_decisions (committee_id, signed_on);

-- The narrative of a committee's yearly report; its figures are counted
-- from the rows above when the report is read.
CREATE TABLE committee_reports (
    committee_id BIGINT NOT NULL REFERENCES committees (id),
    year         INTEGER NOT NULL,
    summary      TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (committee_id, year)
);

-- +goose Down
DROP TABLE committee_reports;
DROP TABLE committee_decisions;
DROP TABLE committee_meetings;
DROP TABLE committee_members;
DROP TABLE committees;
