-- +goose Up
-- PostgreSQL's words index of the search takes each entry's unit in this
-- step (the reader's scope applied inside the index). SQLite keeps its
-- FTS5 tables as they are: nothing changes here.
SELECT 1;

-- +goose Down
SELECT 1;
