-- +goose Up
-- Citizen affairs (package citizen): petitions with their legal clocks,
-- dialogues and the issues raised at them, grassroots mediation, citizen
-- reception days, hot-spot warnings and public sentiment notes. Dates are
-- TEXT 'YYYY-MM-DD' ('' when not set); timestamps TEXT in fixed-width
-- RFC 3339 UTC. Folded columns hold vntext.Fold keys.

-- The deployment's settings, one JSON document per name: the legal
-- clocks and the calendar's exceptions ('clocks'), the day of the last
-- deadline sweep ('sweep').
CREATE TABLE citizen_settings (
    name       TEXT    PRIMARY KEY,
    body       TEXT    NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT    NOT NULL
);

-- A head's citizen reception day (tiếp công dân định kỳ).
CREATE TABLE citizen_receptions (
    id          BIGSERIAL PRIMARY KEY,
    unit_id     BIGINT  NOT NULL REFERENCES units (id),
    head_name   TEXT    NOT NULL,
    head_title  TEXT    NOT NULL DEFAULT '',
    on_day      TEXT    NOT NULL,
    place       TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
    note        TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX citizen_receptions_unit ON citizen_receptions (unit_id, on_day);

-- A petition (đơn thư): a complaint, denunciation, proposal or report.
-- unit_id is the unit handling it now (it changes on a transfer);
-- due_on is the next deadline while the petition waits for a step, ''
-- once nothing more is due. matter_key is the folded significant words
-- of the subject, sorted, for the "same matter raised again" rule.
CREATE TABLE citizen_petitions (
    id               BIGSERIAL PRIMARY KEY,
    unit_id          BIGINT  NOT NULL REFERENCES units (id),
    received_unit_id BIGINT  NOT NULL REFERENCES units (id),
    province_id      BIGINT  REFERENCES units (id),
    kind             TEXT    NOT NULL CHECK (kind IN ('complaint', 'denunciation', 'proposal', 'report')),
    source           TEXT    NOT NULL CHECK (source IN ('reception', 'mail', 'portal', 'phone')),
    reception_id     BIGINT  REFERENCES citizen_receptions (id),
    received_on      TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    subject_fold     TEXT    NOT NULL,
    matter_key       TEXT    NOT NULL,
    content          TEXT    NOT NULL DEFAULT '',
    place            TEXT    NOT NULL DEFAULT '',
    place_fold       TEXT    NOT NULL DEFAULT '',
    signatories      INTEGER NOT NULL DEFAULT 1,
    complex          INTEGER NOT NULL DEFAULT 0,
    remote           INTEGER NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL CHECK (status IN ('received', 'accepted', 'rejected', 'resolved', 'closed')),
    clock_from       TEXT    NOT NULL,
    accept_due       TEXT    NOT NULL,
    accepted_on      TEXT    NOT NULL DEFAULT '',
    resolve_due      TEXT    NOT NULL DEFAULT '',
    extensions       INTEGER NOT NULL DEFAULT 0,
    resolved_on      TEXT    NOT NULL DEFAULT '',
    closed_on        TEXT    NOT NULL DEFAULT '',
    due_on           TEXT    NOT NULL DEFAULT '',
    outcome          TEXT    NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX citizen_petitions_due ON citizen_petitions (unit_id, due_on) WHERE due_on <> '';
CREATE INDEX citizen_petitions_late ON citizen_petitions (due_on) WHERE due_on <> '';
CREATE INDEX citizen_petitions_unit ON citizen_petitions (unit_id, received_on);
CREATE INDEX citizen_petitions_place ON citizen_petitions (province_id, place_fold, received_on);
CREATE INDEX citizen_petitions_received ON citizen_petitions (received_on);

-- Who sent a petition. For a denunciation only the handlers assigned see
-- this row (package citizen enforces it).
CREATE TABLE citizen_petitioners (
    petition_id BIGINT  PRIMARY KEY REFERENCES citizen_petitions (id),
    name        TEXT    NOT NULL,
    address     TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    id_number   TEXT    NOT NULL DEFAULT ''
);

-- The officers assigned to handle a petition.
CREATE TABLE citizen_petition_handlers (
    petition_id BIGINT  NOT NULL REFERENCES citizen_petitions (id),
    user_id     BIGINT  NOT NULL REFERENCES users (id),
    assigned_at TEXT    NOT NULL,
    PRIMARY KEY (petition_id, user_id)
);
CREATE INDEX citizen_petition_handlers_user ON citizen_petition_handlers (user_id);

-- The history of a petition: each step with its day, the unit that took
-- it (and the unit it went to, for a transfer) and what was said.
CREATE TABLE citizen_petition_events (
    id          BIGSERIAL PRIMARY KEY,
    petition_id BIGINT  NOT NULL REFERENCES citizen_petitions (id),
    on_day      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    unit_id     BIGINT  NOT NULL REFERENCES units (id),
    to_unit_id  BIGINT  REFERENCES units (id),
    body        TEXT    NOT NULL DEFAULT '',
    author      TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
CREATE INDEX citizen_petition_events_petition ON citizen_petition_events (petition_id, id);

-- Who came to a reception day and about what; petition_id when the visit
-- opened a petition (a denunciation's visitor is kept on the petition,
-- not here).
CREATE TABLE citizen_reception_visits (
    id           BIGSERIAL PRIMARY KEY,
    reception_id BIGINT  NOT NULL REFERENCES citizen_receptions (id),
    visitor      TEXT    NOT NULL DEFAULT '',
    people       INTEGER NOT NULL DEFAULT 1,
    about        TEXT    NOT NULL,
    petition_id  BIGINT  REFERENCES citizen_petitions (id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX citizen_reception_visits_reception ON citizen_reception_visits (reception_id);

-- A direct dialogue between a head and the people.
CREATE TABLE citizen_dialogues (
    id           BIGSERIAL PRIMARY KEY,
    unit_id      BIGINT  NOT NULL REFERENCES units (id),
    topic        TEXT    NOT NULL,
    topic_fold   TEXT    NOT NULL,
    head_name    TEXT    NOT NULL,
    head_title   TEXT    NOT NULL DEFAULT '',
    planned_on   TEXT    NOT NULL,
    place        TEXT    NOT NULL DEFAULT '',
    link         TEXT    NOT NULL DEFAULT '',
    announced_on TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    held_on      TEXT    NOT NULL DEFAULT '',
    attendance   INTEGER NOT NULL DEFAULT 0,
    published_on TEXT    NOT NULL DEFAULT '',
    summary      TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX citizen_dialogues_unit ON citizen_dialogues (unit_id, planned_on);
CREATE INDEX citizen_dialogues_held ON citizen_dialogues (held_on);

-- An issue raised at a dialogue, its answer and, when it needs action,
-- its follow-up by the responsible unit until a deadline.
CREATE TABLE citizen_dialogue_issues (
    id                  BIGSERIAL PRIMARY KEY,
    dialogue_id         BIGINT  NOT NULL REFERENCES citizen_dialogues (id),
    unit_id             BIGINT  NOT NULL REFERENCES units (id),
    raised_by           TEXT    NOT NULL DEFAULT '',
    content             TEXT    NOT NULL,
    answer              TEXT    NOT NULL DEFAULT '',
    answered_on         TEXT    NOT NULL DEFAULT '',
    responsible_unit_id BIGINT  REFERENCES units (id),
    due_on              TEXT    NOT NULL DEFAULT '',
    status              TEXT    NOT NULL CHECK (status IN ('open', 'answered', 'done')),
    closed_on           TEXT    NOT NULL DEFAULT '',
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX citizen_dialogue_issues_dialogue ON citizen_dialogue_issues (dialogue_id);
CREATE INDEX citizen_dialogue_issues_due ON citizen_dialogue_issues (responsible_unit_id, due_on) WHERE status <> 'done';

-- Dated follow-up notes on an issue.
CREATE TABLE citizen_issue_notes (
    id         BIGSERIAL PRIMARY KEY,
    issue_id   BIGINT  NOT NULL REFERENCES citizen_dialogue_issues (id),
    noted_on   TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT '',
    author     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);
CREATE INDEX citizen_issue_notes_issue ON citizen_issue_notes (issue_id);

-- A grassroots mediation team of a village or residential group.
CREATE TABLE citizen_mediation_teams (
    id           BIGSERIAL PRIMARY KEY,
    unit_id      BIGINT  NOT NULL REFERENCES units (id),
    name         TEXT    NOT NULL,
    sort_key     BYTEA    NOT NULL,
    area         TEXT    NOT NULL DEFAULT '',
    founded_on   TEXT    NOT NULL,
    dissolved_on TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
CREATE INDEX citizen_mediation_teams_unit ON citizen_mediation_teams (unit_id);

-- A mediator of a team.
CREATE TABLE citizen_mediators (
    id         BIGSERIAL PRIMARY KEY,
    team_id    BIGINT  NOT NULL REFERENCES citizen_mediation_teams (id),
    name       TEXT    NOT NULL,
    sort_key   BYTEA    NOT NULL,
    gender     TEXT    NOT NULL DEFAULT '',
    birth_year INTEGER NOT NULL DEFAULT 0,
    phone      TEXT    NOT NULL DEFAULT '',
    role       TEXT    NOT NULL CHECK (role IN ('leader', 'member')),
    from_on    TEXT    NOT NULL,
    to_on      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX citizen_mediators_team ON citizen_mediators (team_id);

-- A line of a team's logbook (sổ theo dõi hoạt động hòa giải).
-- parties_key is the folded names of the parties, sorted: the same
-- dispute mediated again is matched by it.
CREATE TABLE citizen_mediation_cases (
    id          BIGSERIAL PRIMARY KEY,
    team_id     BIGINT  NOT NULL REFERENCES citizen_mediation_teams (id),
    unit_id     BIGINT  NOT NULL REFERENCES units (id),
    number      INTEGER NOT NULL,
    received_on TEXT    NOT NULL,
    mediated_on TEXT    NOT NULL DEFAULT '',
    mediators   TEXT    NOT NULL DEFAULT '',
    matter      TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    parties_key TEXT    NOT NULL,
    agreement   TEXT    NOT NULL DEFAULT '',
    result      TEXT    NOT NULL CHECK (result IN ('ongoing', 'success', 'failed')),
    notes       TEXT    NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (team_id, received_on, number)
);
CREATE INDEX citizen_mediation_cases_unit ON citizen_mediation_cases (unit_id, received_on);
CREATE INDEX citizen_mediation_cases_parties ON citizen_mediation_cases (team_id, parties_key);

-- The parties of a mediation case.
CREATE TABLE citizen_mediation_parties (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT  NOT NULL REFERENCES citizen_mediation_cases (id),
    name       TEXT    NOT NULL,
    birth_year INTEGER NOT NULL DEFAULT 0,
    address    TEXT    NOT NULL DEFAULT '',
    position   INTEGER NOT NULL
);
CREATE INDEX citizen_mediation_parties_case ON citizen_mediation_parties (case_id);

-- A province's tuning of a hot-spot rule (without a row, the rule's
-- default holds).
CREATE TABLE citizen_hotspot_rules (
    province_id BIGINT  NOT NULL REFERENCES units (id),
    rule        TEXT    NOT NULL,
    enabled     INTEGER NOT NULL,
    threshold   INTEGER NOT NULL,
    window_days INTEGER NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (province_id, rule)
);

-- A hot-spot warning: a rule fired on some cases of a unit. subject_key
-- says what it is about (one open warning per rule and subject).
CREATE TABLE citizen_hotspots (
    id          BIGSERIAL PRIMARY KEY,
    unit_id     BIGINT  NOT NULL REFERENCES units (id),
    province_id BIGINT  REFERENCES units (id),
    rule        TEXT    NOT NULL,
    subject_key TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    opened_on   TEXT    NOT NULL,
    case_count  INTEGER NOT NULL,
    assessment  TEXT    NOT NULL DEFAULT '',
    closed_on   TEXT    NOT NULL DEFAULT '',
    closed_by   TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX citizen_hotspots_open ON citizen_hotspots (rule, subject_key) WHERE status = 'open';
CREATE INDEX citizen_hotspots_unit ON citizen_hotspots (unit_id, status);
CREATE INDEX citizen_hotspots_status ON citizen_hotspots (status, opened_on);

-- The cases a warning names: petitions, dialogue issues, mediation cases.
CREATE TABLE citizen_hotspot_cases (
    hotspot_id BIGINT  NOT NULL REFERENCES citizen_hotspots (id),
    case_kind  TEXT    NOT NULL CHECK (case_kind IN ('petition', 'issue', 'mediation')),
    case_id    BIGINT  NOT NULL,
    PRIMARY KEY (hotspot_id, case_kind, case_id)
);

-- A public sentiment note (tình hình tư tưởng nhân dân): a quick report or
-- a periodic one for a period code.
CREATE TABLE citizen_sentiment_notes (
    id              BIGSERIAL PRIMARY KEY,
    unit_id         BIGINT  NOT NULL REFERENCES units (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('quick', 'periodic')),
    period          TEXT    NOT NULL DEFAULT '',
    noted_on        TEXT    NOT NULL,
    source          TEXT    NOT NULL DEFAULT '',
    title           TEXT    NOT NULL,
    title_fold      TEXT    NOT NULL,
    happened        TEXT    NOT NULL,
    assessment      TEXT    NOT NULL DEFAULT '',
    recommendations TEXT    NOT NULL DEFAULT '',
    author          TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
);
CREATE INDEX citizen_sentiment_notes_unit ON citizen_sentiment_notes (unit_id, noted_on);

-- Who read a note.
CREATE TABLE citizen_sentiment_reads (
    note_id BIGINT  NOT NULL REFERENCES citizen_sentiment_notes (id),
    user_id BIGINT  NOT NULL REFERENCES users (id),
    read_at TEXT    NOT NULL,
    PRIMARY KEY (note_id, user_id)
);

-- Figures a report draft was filled with from the cases: what the cases
-- counted, what went into the draft, and why they differ.
CREATE TABLE citizen_figure_fills (
    id             BIGSERIAL PRIMARY KEY,
    unit_id        BIGINT  NOT NULL REFERENCES units (id),
    period         TEXT    NOT NULL,
    indicator_code TEXT    NOT NULL,
    counted        DOUBLE PRECISION    NOT NULL,
    entered        DOUBLE PRECISION    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    report_id      BIGINT  NOT NULL,
    author         TEXT    NOT NULL DEFAULT '',
    filled_at      TEXT    NOT NULL
);
CREATE INDEX citizen_figure_fills_unit ON citizen_figure_fills (unit_id, period, indicator_code);

-- +goose Down
DROP TABLE citizen_figure_fills;
DROP TABLE citizen_sentiment_reads;
DROP TABLE citizen_sentiment_notes;
DROP TABLE citizen_hotspot_cases;
DROP TABLE citizen_hotspots;
DROP TABLE citizen_hotspot_rules;
DROP TABLE citizen_mediation_parties;
DROP TABLE citizen_mediation_cases;
DROP TABLE citizen_mediators;
DROP TABLE citizen_mediation_teams;
DROP TABLE citizen_issue_notes;
DROP TABLE citizen_dialogue_issues;
DROP TABLE citizen_dialogues;
DROP TABLE citizen_reception_visits;
DROP TABLE citizen_petition_events;
DROP TABLE citizen_petition_handlers;
DROP TABLE citizen_petitioners;
DROP TABLE citizen_petitions;
DROP TABLE citizen_receptions;
DROP TABLE citizen_settings;
