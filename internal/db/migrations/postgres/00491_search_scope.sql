-- +goose Up
-- The search's words index also holds each entry's unit (as a one-element
-- array), so that a reader's scope, a list of units, is applied inside
-- the index with the words: a province's reader no longer makes
-- PostgreSQL visit every matching entry of the country to read its unit.
DROP INDEX search_entries_words;
CREATE INDEX search_entries_words ON search_entries USING gin
    ((setweight(to_tsvector('simple', title_fold), 'A') || setweight(to_tsvector('simple', body_fold), 'B')), (ARRAY[unit_id]));

-- +goose Down
DROP INDEX search_entries_words;
CREATE INDEX search_entries_words ON search_entries USING gin
    ((setweight(to_tsvector('simple', title_fold), 'A') || setweight(to_tsvector('simple', body_fold), 'B')));
