-- +goose Up
-- Where each unit's figures are counted in the view mapped onto a day's
-- tree (package report); see the SQLite migration of the same number.
CREATE TABLE unit_successions (
    predecessor_id BIGINT           NOT NULL REFERENCES units (id),
    successor_id   BIGINT           NOT NULL REFERENCES units (id),
    share          DOUBLE PRECISION NOT NULL,
    valid_from     TEXT             NOT NULL
);
CREATE INDEX unit_successions_successor ON unit_successions (successor_id, valid_from, predecessor_id, share);
CREATE INDEX unit_successions_predecessor ON unit_successions (predecessor_id);

-- The units and links already written.
INSERT INTO unit_successions (predecessor_id, successor_id, share, valid_from)
WITH RECURSIVE s (predecessor_id, successor_id, share, valid_from, n) AS (
    SELECT id, id, CAST(1 AS DOUBLE PRECISION), valid_from, 0 FROM units
    UNION ALL
    SELECT l.predecessor_id, s.successor_id, s.share * l.share,
           CASE WHEN l.date > s.valid_from THEN l.date ELSE s.valid_from END, s.n + 1
    FROM s JOIN unit_links l ON l.successor_id = s.predecessor_id
    WHERE s.n < 64
)
SELECT predecessor_id, successor_id, share, valid_from FROM s;
ANALYZE unit_successions;

-- +goose Down
DROP TABLE unit_successions;
