-- +goose Up
-- The registry's list filter (package practice). Unlike SQLite's, this
-- index leaves out the search and sort keys: a b-tree entry in
-- PostgreSQL must stay under about 2.7 kB, which long names could pass.
CREATE INDEX practices_filter ON practices (unit_id, field, status, owner_type, recognized_level, started_on);

-- +goose Down
DROP INDEX practices_filter;
