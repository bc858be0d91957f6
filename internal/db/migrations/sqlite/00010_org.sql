-- +goose Up
-- The unit hierarchy (package org). Dates are TEXT 'YYYY-MM-DD' and every
-- interval is closed: valid_to is the last day a row holds, NULL while it
-- still holds. Rows are never deleted: a change ends the current row
-- (valid_to = the day before it takes effect) and adds a new one.

-- A unit: its identity and its life. Level and kind never change.
CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE,
    level      TEXT    NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune', 'agency')),
    kind       TEXT    NOT NULL CHECK (kind IN ('board', 'commune_bloc', 'fatherland_front', 'womens_union',
                                               'farmers_union', 'veterans', 'youth_union', 'trade_union', 'other')),
    valid_from TEXT    NOT NULL,
    valid_to   TEXT,
    created_at TEXT    NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- What a unit is called and where it sits, over time. A rename or a move
-- ends one version and starts the next; a move versions every unit of the
-- moved subtree (their paths change). name_fold is vntext.Fold(name) and
-- short_fold vntext.Fold(short_name), for search; sort_key is
-- vntext.SortKey(name), so that siblings sort with Vietnamese collation in
-- SQL and in Go without recomputing keys. path lists the ids from the root
-- to the unit: '/1/5/23/'.
CREATE TABLE unit_versions (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    valid_from TEXT    NOT NULL,
    valid_to   TEXT,
    name       TEXT    NOT NULL,
    short_name TEXT    NOT NULL DEFAULT '',
    name_fold  TEXT    NOT NULL,
    short_fold TEXT    NOT NULL DEFAULT '',
    sort_key   BLOB    NOT NULL,
    parent_id  INTEGER REFERENCES units (id),
    path       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX unit_versions_unit ON unit_versions (unit_id, valid_from);
CREATE INDEX unit_versions_parent ON unit_versions (parent_id, valid_from);
CREATE INDEX unit_versions_open ON unit_versions (valid_from, valid_to);

-- Every (ancestor, descendant) pair with the interval it holds, including
-- each unit with itself at depth 0. A subtree on a date is one index range.
CREATE TABLE unit_closure (
    id            INTEGER PRIMARY KEY,
    ancestor_id   INTEGER NOT NULL REFERENCES units (id),
    descendant_id INTEGER NOT NULL REFERENCES units (id),
    depth         INTEGER NOT NULL,
    valid_from    TEXT    NOT NULL,
    valid_to      TEXT
);
CREATE INDEX unit_closure_ancestor ON unit_closure (ancestor_id, valid_from, valid_to, descendant_id, depth);
CREATE INDEX unit_closure_descendant ON unit_closure (descendant_id, valid_from, valid_to, ancestor_id, depth);

-- Successor links: on date (the first day of the new state) predecessor
-- passed share of itself to successor. A merge gives share 1 to the one
-- successor; a split's shares sum to 1.
CREATE TABLE unit_links (
    id             INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES units (id),
    successor_id   INTEGER NOT NULL REFERENCES units (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('merge', 'split')),
    date           TEXT    NOT NULL,
    share          REAL    NOT NULL CHECK (share > 0 AND share <= 1),
    created_at     TEXT    NOT NULL,
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_links_predecessor ON unit_links (predecessor_id, date);
CREATE INDEX unit_links_successor ON unit_links (successor_id, date);

-- +goose Down
DROP TABLE unit_links;
DROP TABLE unit_closure;
DROP TABLE unit_versions;
DROP TABLE units;
