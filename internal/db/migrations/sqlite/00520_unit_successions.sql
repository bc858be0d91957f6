-- +goose Up
-- Where each unit's figures are counted in the view mapped onto a day's
-- tree (package report), kept by package org in the transaction of every
-- unit change: from valid_from on, predecessor passes share of itself to
-- successor, directly (one unit_links row) or through the units between
-- (the product of the links' shares, valid from the last link's date).
-- Every unit is its own successor with share 1 from its first day. A
-- mapped roll-up joins today's subtree (unit_closure) to this table
-- instead of walking unit_links back one step at a time. Rows are only
-- added: a link is written when its predecessor closes, after every link
-- into it, and its successor still lives, with no link out yet.
CREATE TABLE unit_successions (
    predecessor_id INTEGER NOT NULL REFERENCES units (id),
    successor_id   INTEGER NOT NULL REFERENCES units (id),
    share          REAL    NOT NULL,
    valid_from     TEXT    NOT NULL
);
CREATE INDEX unit_successions_successor ON unit_successions (successor_id, valid_from, predecessor_id, share);
CREATE INDEX unit_successions_predecessor ON unit_successions (predecessor_id);

-- The units and links already written.
INSERT INTO unit_successions (predecessor_id, successor_id, share, valid_from)
WITH RECURSIVE s (predecessor_id, successor_id, share, valid_from, n) AS (
    SELECT id, id, 1.0, valid_from, 0 FROM units
    UNION ALL
    SELECT l.predecessor_id, s.successor_id, s.share * l.share,
           CASE WHEN l.date > s.valid_from THEN l.date ELSE s.valid_from END, s.n + 1
    FROM s JOIN unit_links l ON l.successor_id = s.predecessor_id
    WHERE s.n < 64
)
SELECT predecessor_id, successor_id, share, valid_from FROM s;

-- +goose Down
DROP TABLE unit_successions;
