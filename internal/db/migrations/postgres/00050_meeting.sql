-- +goose Up
-- Conferences, the people directory, key tasks and their follow-up
-- (package meeting). Dates are TEXT 'YYYY-MM-DD'; timestamps TEXT in
-- fixed-width RFC 3339 UTC. Folded columns hold vntext.Fold keys.

-- A person of a unit's directory. The same official is one row across
-- conferences: rows are matched by name_fold within a unit. A person
-- entered twice is merged: merged_into points at the row that was kept.
CREATE TABLE meeting_people (
    id          BIGSERIAL PRIMARY KEY,
    unit_id     BIGINT NOT NULL REFERENCES units (id),
    name        TEXT    NOT NULL,
    name_fold   TEXT    NOT NULL,
    sort_key    BYTEA   NOT NULL,
    merged_into BIGINT REFERENCES meeting_people (id),
    created_at  TEXT    NOT NULL
);
CREATE INDEX meeting_people_unit ON meeting_people (unit_id, name_fold);

-- A title a person held, as written, with the first and last day it was
-- seen (the dates of the conferences that named it).
CREATE TABLE meeting_person_titles (
    id          BIGSERIAL PRIMARY KEY,
    person_id   BIGINT NOT NULL REFERENCES meeting_people (id),
    title       TEXT    NOT NULL,
    title_fold  TEXT    NOT NULL,
    first_seen  TEXT    NOT NULL,
    last_seen   TEXT    NOT NULL,
    UNIQUE (person_id, title_fold)
);

-- A conference of a unit. source_hash is the SHA-256 of the normalized
-- text of the article it was imported from (NULL when entered by hand):
-- importing the same article twice is refused.
CREATE TABLE meeting_conferences (
    id          BIGSERIAL PRIMARY KEY,
    unit_id     BIGINT NOT NULL REFERENCES units (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('so_ket', 'tong_ket', 'trien_khai', 'chuyen_de', 'doi_thoai', 'khen_thuong')),
    title       TEXT    NOT NULL,
    title_fold  TEXT    NOT NULL,
    held_on     TEXT    NOT NULL,
    time_of_day TEXT    NOT NULL DEFAULT '',
    place       TEXT    NOT NULL DEFAULT '',
    period      TEXT    NOT NULL DEFAULT '',
    summary     TEXT    NOT NULL DEFAULT '',
    outcome     TEXT    NOT NULL DEFAULT '',
    source_name TEXT    NOT NULL DEFAULT '',
    source_text TEXT    NOT NULL DEFAULT '',
    source_hash TEXT    UNIQUE,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX meeting_conferences_unit ON meeting_conferences (unit_id, held_on);
CREATE INDEX meeting_conferences_held ON meeting_conferences (held_on);

-- Who chaired, attended or gave direction, with the title as written that
-- day and the unit they represented (when known).
CREATE TABLE meeting_participants (
    id            BIGSERIAL PRIMARY KEY,
    conference_id BIGINT NOT NULL REFERENCES meeting_conferences (id),
    person_id     BIGINT NOT NULL REFERENCES meeting_people (id),
    role          TEXT    NOT NULL CHECK (role IN ('chair', 'attendee', 'speaker')),
    title         TEXT    NOT NULL DEFAULT '',
    unit_id       BIGINT REFERENCES units (id),
    position      INTEGER NOT NULL
);
CREATE INDEX meeting_participants_conf ON meeting_participants (conference_id);
CREATE INDEX meeting_participants_person ON meeting_participants (person_id);

-- Units that attended (e.g. every commune bloc of a district).
CREATE TABLE meeting_attending_units (
    conference_id BIGINT NOT NULL REFERENCES meeting_conferences (id),
    unit_id       BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (conference_id, unit_id)
);

-- A figure of the results summary; indicator_code optionally links it to
-- an indicator of the reporting catalogue.
CREATE TABLE meeting_figures (
    id             BIGSERIAL PRIMARY KEY,
    conference_id  BIGINT NOT NULL REFERENCES meeting_conferences (id),
    value          DOUBLE PRECISION NOT NULL,
    unit           TEXT    NOT NULL DEFAULT '',
    about          TEXT    NOT NULL DEFAULT '',
    indicator_code TEXT    NOT NULL DEFAULT '',
    position       INTEGER NOT NULL
);
CREATE INDEX meeting_figures_conf ON meeting_figures (conference_id);

-- A document of a conference (report, speech, resolution), kept in the
-- file bucket under blob_key.
CREATE TABLE meeting_documents (
    id            BIGSERIAL PRIMARY KEY,
    conference_id BIGINT NOT NULL REFERENCES meeting_conferences (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('report', 'speech', 'resolution', 'other')),
    name          TEXT    NOT NULL,
    blob_key      TEXT    NOT NULL UNIQUE,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX meeting_documents_conf ON meeting_documents (conference_id);

-- A key task set at a conference. due_end is the day it falls due: due_on
-- when a date is given, else the last day of period; overdue means open or
-- in progress with due_end before today.
CREATE TABLE meeting_tasks (
    id             BIGSERIAL PRIMARY KEY,
    conference_id  BIGINT NOT NULL REFERENCES meeting_conferences (id),
    unit_id        BIGINT NOT NULL REFERENCES units (id),
    title          TEXT    NOT NULL,
    title_fold     TEXT    NOT NULL,
    due_on         TEXT    NOT NULL DEFAULT '',
    period         TEXT    NOT NULL DEFAULT '',
    due_end        TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    drop_reason    TEXT    NOT NULL DEFAULT '',
    indicator_code TEXT    NOT NULL DEFAULT '',
    closed_on      TEXT    NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX meeting_tasks_conf ON meeting_tasks (conference_id);
CREATE INDEX meeting_tasks_due ON meeting_tasks (status, due_end);

-- The owner units of a task (one or several).
CREATE TABLE meeting_task_owners (
    task_id BIGINT NOT NULL REFERENCES meeting_tasks (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX meeting_task_owners_unit ON meeting_task_owners (unit_id, task_id);

-- Dated follow-up notes on a task.
CREATE TABLE meeting_task_notes (
    id         BIGSERIAL PRIMARY KEY,
    task_id    BIGINT NOT NULL REFERENCES meeting_tasks (id),
    noted_on   TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT '',
    author     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);
CREATE INDEX meeting_task_notes_task ON meeting_task_notes (task_id);

-- +goose Down
DROP TABLE meeting_task_notes;
DROP TABLE meeting_task_owners;
DROP TABLE meeting_tasks;
DROP TABLE meeting_documents;
DROP TABLE meeting_figures;
DROP TABLE meeting_attending_units;
DROP TABLE meeting_participants;
DROP TABLE meeting_conferences;
DROP TABLE meeting_person_titles;
DROP TABLE meeting_people;
