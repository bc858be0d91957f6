-- +goose Up
-- The search's words are a stored column, words, instead of an expression
-- of the GIN index search_entries_words: building that index computed
-- every entry's vector (the 'simple' parser over the folded title and
-- text, most of the national demo's index build), and a bulk load now
-- writes vectors computed in Go (db.SearchWords, by COPY) that the index
-- build only reads. The words are the runs of a-z and 0-9 of the folded
-- title (weight A) and text (weight B), as package search splits a query
-- and SQLite's FTS5 splits the entries: "1.5" or "46-qd" are two words
-- each, not one token of the parser. A title-only search asks for
-- weight A instead of computing the title's vector again.
-- +goose StatementBegin
CREATE FUNCTION danvan_words(title_fold TEXT, body_fold TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', regexp_replace(title_fold, '[^a-z0-9]+', ' ', 'g')), 'A') ||
           setweight(to_tsvector('simple', regexp_replace(body_fold, '[^a-z0-9]+', ' ', 'g')), 'B')
$$;
-- +goose StatementEnd
DROP INDEX search_entries_words;
ALTER TABLE search_entries ADD COLUMN words tsvector;
UPDATE search_entries SET words = danvan_words(title_fold, body_fold);
ALTER TABLE search_entries ALTER COLUMN words SET NOT NULL;

-- An entry written without its words (the triggers of the records'
-- tables) gets them here; one written with them (Reindex's COPY) keeps
-- them.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION search_entries_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_entries WHERE id = NEW.id;
    IF NEW.words IS NULL THEN
        NEW.words := danvan_words(NEW.title_fold, NEW.body_fold);
    END IF;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- An entry folded again (a migration such as 00540) gets its words again.
-- +goose StatementBegin
CREATE FUNCTION search_entries_refold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.words := danvan_words(NEW.title_fold, NEW.body_fold);
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER search_entries_refold BEFORE UPDATE OF title_fold, body_fold ON search_entries FOR EACH ROW
    WHEN (OLD.title_fold IS DISTINCT FROM NEW.title_fold OR OLD.body_fold IS DISTINCT FROM NEW.body_fold)
    EXECUTE FUNCTION search_entries_refold();

CREATE INDEX search_entries_words ON search_entries USING gin (words, (ARRAY[unit_id]));

-- +goose Down
DROP INDEX search_entries_words;
DROP TRIGGER search_entries_refold ON search_entries;
DROP FUNCTION search_entries_refold();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION search_entries_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_entries WHERE id = NEW.id;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
ALTER TABLE search_entries DROP COLUMN words;
DROP FUNCTION danvan_words(TEXT, TEXT);
CREATE INDEX search_entries_words ON search_entries USING gin
    ((setweight(to_tsvector('simple', title_fold), 'A') || setweight(to_tsvector('simple', body_fold), 'B')), (ARRAY[unit_id]));
