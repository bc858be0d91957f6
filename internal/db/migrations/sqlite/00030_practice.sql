-- +goose Up
-- The "Dân vận khéo" model registry (package practice). Dates are TEXT
-- 'YYYY-MM-DD'; timestamps TEXT in fixed-width RFC 3339 UTC.

-- A model. name_fold/search_fold are vntext.Fold keys for search,
-- sort_key vntext.SortKey(name) for Vietnamese ordering. A model adopted
-- from another (replication) has source_id set; root_id is the first
-- model of its family and lineage the ids from the root to the model
-- ('/12/40/'); replications counts the family members below it that are
-- not stopped (kept by the adopt and stop transactions). owner_phone and
-- notes are internal: never shown on public pages.
CREATE TABLE practices (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES units (id),
    name             TEXT    NOT NULL,
    name_fold        TEXT    NOT NULL,
    search_fold      TEXT    NOT NULL,
    sort_key         BLOB    NOT NULL,
    field            TEXT    NOT NULL CHECK (field IN ('economy', 'culture_society', 'defence_security',
                                                       'party_building', 'government_building', 'ethnic_religious')),
    owner_type       TEXT    NOT NULL CHECK (owner_type IN ('collective', 'individual')),
    owner_name       TEXT    NOT NULL,
    owner_title      TEXT    NOT NULL DEFAULT '',
    owner_phone      TEXT    NOT NULL DEFAULT '',
    movement         TEXT    NOT NULL DEFAULT '',
    started_on       TEXT    NOT NULL,
    description      TEXT    NOT NULL DEFAULT '',
    goals            TEXT    NOT NULL DEFAULT '',
    notes            TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL CHECK (status IN ('registered', 'in_progress', 'recognized', 'replicated', 'stopped')),
    progress_on      TEXT,
    recognized_by    INTEGER REFERENCES units (id),
    recognized_level TEXT    NOT NULL DEFAULT '',
    decision_no      TEXT    NOT NULL DEFAULT '',
    recognized_on    TEXT,
    stopped_on       TEXT,
    stop_reason      TEXT    NOT NULL DEFAULT '',
    source_id        INTEGER REFERENCES practices (id),
    root_id          INTEGER NOT NULL,
    lineage          TEXT    NOT NULL,
    replications     INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX practices_unit ON practices (unit_id, status, sort_key, id);
CREATE INDEX practices_sort ON practices (sort_key, id);
CREATE INDEX practices_root ON practices (root_id);
CREATE INDEX practices_source ON practices (source_id);
CREATE INDEX practices_status ON practices (status, replications);

-- A dated result figure of a model ("indicator-like"): what was counted,
-- the number, its unit of measure.
CREATE TABLE practice_results (
    id          INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practices (id),
    on_date     TEXT    NOT NULL,
    indicator   TEXT    NOT NULL,
    value       REAL    NOT NULL,
    measure     TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
CREATE INDEX practice_results_practice ON practice_results (practice_id, on_date);

-- An evidence file in the blob bucket under blob_key (and thumb_key for
-- an image's thumbnail). A row starts 'pending' before the file is
-- stored and becomes 'ready' once it is: only ready rows are ever shown
-- or served; pending rows left by a crash are swept with their objects.
CREATE TABLE practice_files (
    id           INTEGER PRIMARY KEY,
    practice_id  INTEGER NOT NULL REFERENCES practices (id),
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'ready')),
    blob_key     TEXT    NOT NULL UNIQUE,
    thumb_key    TEXT    NOT NULL DEFAULT '',
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    width        INTEGER NOT NULL DEFAULT 0,
    height       INTEGER NOT NULL DEFAULT 0,
    caption      TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
CREATE INDEX practice_files_practice ON practice_files (practice_id, state);
CREATE INDEX practice_files_pending ON practice_files (state, created_at);

-- +goose Down
DROP TABLE practice_files;
DROP TABLE practice_results;
DROP TABLE practices;
