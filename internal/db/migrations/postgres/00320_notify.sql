-- +goose Up
-- Reminders (package notify). Timestamps TEXT RFC 3339 UTC, days TEXT
-- 'YYYY-MM-DD' in Asia/Ho_Chi_Minh.

-- The deployment's reminder schedule: one row, id 1. hour is the hour of
-- the day (Asia/Ho_Chi_Minh) the day's reminders are made and sent;
-- report_offset_days places a report's deadline relative to its period's
-- last day (-5: five days before); report_lead_days and task_lead_days
-- say how early "due soon" starts; overdue_days how long an overdue item
-- keeps being reminded.
CREATE TABLE notify_settings (
    id                 BIGINT  PRIMARY KEY CHECK (id = 1),
    hour               BIGINT  NOT NULL CHECK (hour BETWEEN 0 AND 23),
    report_offset_days BIGINT  NOT NULL,
    report_lead_days   BIGINT  NOT NULL CHECK (report_lead_days >= 0),
    task_lead_days     BIGINT  NOT NULL CHECK (task_lead_days >= 0),
    overdue_days       BIGINT  NOT NULL CHECK (overdue_days >= 0),
    updated_at         TEXT    NOT NULL
);

-- A kind of reminder a person asked not to receive.
CREATE TABLE notify_unsubscribes (
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    kind       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- A day whose reminders were made; the server that inserts the row makes
-- them, in the same transaction, so several servers make them once.
CREATE TABLE notify_days (
    day        TEXT PRIMARY KEY,
    planned_at TEXT    NOT NULL,
    items      BIGINT  NOT NULL
);

-- One reminder of one person on one day (shown in the app). ref names
-- what it is about ('report:12:3:2026S2'); message_key and message_args
-- (JSON) are the sentence in the reader's language.
CREATE TABLE notify_reminders (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    day          TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    ref          TEXT    NOT NULL,
    due_on       TEXT    NOT NULL,
    message_key  TEXT    NOT NULL,
    message_args TEXT    NOT NULL,
    link         TEXT    NOT NULL,
    UNIQUE (user_id, day, kind, ref)
);
CREATE INDEX notify_reminders_day ON notify_reminders (day);

-- The e-mail queue: one digest per person per day. status is 'pending'
-- (next_at says when to try), 'sending' (claimed by a server until
-- lease_until), 'sent', 'skipped' (nothing left after unsubscribing) or
-- 'failed' (given up after many attempts).
CREATE TABLE notify_digests (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id),
    day         TEXT    NOT NULL,
    email       TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
    attempts    BIGINT  NOT NULL DEFAULT 0,
    next_at     TEXT    NOT NULL,
    lease_until TEXT    NOT NULL DEFAULT '',
    sent_at     TEXT    NOT NULL DEFAULT '',
    last_error  TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    UNIQUE (user_id, day)
);
CREATE INDEX notify_digests_queue ON notify_digests (status, next_at);

-- +goose Down
DROP TABLE notify_digests;
DROP TABLE notify_reminders;
DROP TABLE notify_days;
DROP TABLE notify_unsubscribes;
DROP TABLE notify_settings;
