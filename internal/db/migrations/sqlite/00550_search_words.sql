-- +goose Up
-- PostgreSQL keeps the search's words in a stored vector, words
-- (db.SearchWords); SQLite's FTS5 tables hold their own words, so the
-- column, kept for one schema on both engines, stays NULL here.
ALTER TABLE search_entries ADD COLUMN words TEXT;

-- +goose Down
ALTER TABLE search_entries DROP COLUMN words;
