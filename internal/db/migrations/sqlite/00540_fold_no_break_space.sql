-- +goose Up
-- PostgreSQL's danvan_fold now takes a no-break space for white space,
-- as vntext.Fold (SQLite's danvan_fold) always has: nothing changes here.
SELECT 1;

-- +goose Down
SELECT 1;
