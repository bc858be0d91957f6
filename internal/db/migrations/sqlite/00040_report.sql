-- +goose Up
-- Periodic reporting (package report): indicators, report forms, reports
-- with their workflow, the value rows every roll-up reads, and the
-- notifications the workflow leaves for the people who must act next.
-- Dates are TEXT 'YYYY-MM-DD', timestamps TEXT RFC 3339 UTC.

-- An indicator (chỉ tiêu). aggregation says how values combine over units
-- and sub-periods; a 'ratio' has no values of its own: it is
-- numerator / denominator (x 100 when percent), both 'sum' indicators.
-- breakdown is '' or 'organization' (values per MTTQ, Hội Phụ nữ, ...).
-- levels lists the unit levels that report it: ',commune,district,'.
CREATE TABLE report_indicators (
    id             INTEGER PRIMARY KEY,
    code           TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    measure        TEXT    NOT NULL,
    field          TEXT    NOT NULL,
    aggregation    TEXT    NOT NULL CHECK (aggregation IN ('sum', 'average', 'min', 'max', 'last', 'ratio')),
    numerator_id   INTEGER REFERENCES report_indicators (id),
    denominator_id INTEGER REFERENCES report_indicators (id),
    percent        INTEGER NOT NULL DEFAULT 0 CHECK (percent IN (0, 1)),
    integral       INTEGER NOT NULL DEFAULT 1 CHECK (integral IN (0, 1)),
    breakdown      TEXT    NOT NULL DEFAULT '',
    levels         TEXT    NOT NULL,
    key_indicator  INTEGER NOT NULL DEFAULT 0 CHECK (key_indicator IN (0, 1)),
    position       INTEGER NOT NULL DEFAULT 0,
    valid_from     TEXT    NOT NULL,
    valid_to       TEXT,
    created_at     TEXT    NOT NULL
);

-- A report form (mẫu báo cáo): indicators and narrative sections for one
-- kind of period ('half', 'year', 'stage', 'quarter', 'month').
-- sections lists the narrative sections: ',results,limitations,causes,tasks,'.
CREATE TABLE report_forms (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    period_kind TEXT    NOT NULL,
    sections    TEXT    NOT NULL,
    levels      TEXT    NOT NULL,
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    created_at  TEXT    NOT NULL
);

CREATE TABLE report_form_items (
    form_id      INTEGER NOT NULL REFERENCES report_forms (id),
    indicator_id INTEGER NOT NULL REFERENCES report_indicators (id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (form_id, indicator_id)
);

-- A report: one unit's filled form for one period. status is 'draft',
-- 'submitted', 'approved' or 'returned'; version counts saves (optimistic
-- locking). period_start/period_end bound the period (closed interval).
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    form_id      INTEGER NOT NULL REFERENCES report_forms (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    period       TEXT    NOT NULL,
    period_kind  TEXT    NOT NULL,
    period_start TEXT    NOT NULL,
    period_end   TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    version      INTEGER NOT NULL DEFAULT 1,
    results      TEXT    NOT NULL DEFAULT '',
    limitations  TEXT    NOT NULL DEFAULT '',
    causes       TEXT    NOT NULL DEFAULT '',
    tasks        TEXT    NOT NULL DEFAULT '',
    comment      TEXT    NOT NULL DEFAULT '',
    submitted_at TEXT,
    submitted_by INTEGER REFERENCES users (id),
    decided_at   TEXT,
    decided_by   INTEGER REFERENCES users (id),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (unit_id, form_id, period)
);
CREATE INDEX reports_unit_period ON reports (unit_id, period_kind, period_start, period_end, status);
CREATE INDEX reports_period ON reports (period, status);

-- One value: (report, indicator, breakdown key). breakdown is '' for an
-- indicator without breakdown, else the key (e.g. 'fatherland_front').
CREATE TABLE report_values (
    report_id    INTEGER NOT NULL REFERENCES reports (id),
    indicator_id INTEGER NOT NULL REFERENCES report_indicators (id),
    breakdown    TEXT    NOT NULL DEFAULT '',
    value        REAL    NOT NULL,
    PRIMARY KEY (report_id, indicator_id, breakdown)
) WITHOUT ROWID;

-- A notification for the people of unit_id who hold role (or for user_id
-- alone when set): a report was submitted to them, approved or returned.
CREATE TABLE report_notifications (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    role       TEXT    NOT NULL,
    user_id    INTEGER REFERENCES users (id),
    report_id  INTEGER NOT NULL REFERENCES reports (id),
    kind       TEXT    NOT NULL,
    message    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX report_notifications_unit ON report_notifications (unit_id, created_at);
CREATE INDEX report_notifications_user ON report_notifications (user_id, created_at);

-- +goose Down
DROP TABLE report_notifications;
DROP TABLE report_values;
DROP TABLE reports;
DROP TABLE report_form_items;
DROP TABLE report_forms;
DROP TABLE report_indicators;
