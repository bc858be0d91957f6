-- +goose Up
-- A covering index for the registry's lists (package practice): a unit's
-- models filtered by field, status, owner type, recognition level, start
-- date and search key, and ordered by sort key, are read from the index
-- alone; only the page's rows are then fetched. (SQLite has no limit on
-- the size of an index entry.)
CREATE INDEX practices_filter ON practices (unit_id, field, status, owner_type, recognized_level, started_on, search_fold, sort_key);

-- +goose Down
DROP INDEX practices_filter;
