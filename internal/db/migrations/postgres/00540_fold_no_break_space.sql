-- +goose Up
-- danvan_fold took a no-break space (U+00A0, common in text pasted from
-- word processors and web pages) for a letter: PostgreSQL's \s does not
-- match it. vntext.Fold, which folds the search's queries and which
-- search.Store.Reindex uses, makes it a space, so an entry written by the
-- triggers could differ from the same entry rebuilt, and a word beside
-- such a space could not be found. It is white space now, and the
-- entries holding one are folded again.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION danvan_fold(s TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(translate(
        regexp_replace(normalize(s, NFD), '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]', '', 'g'),
        'đĐÐ', 'ddd')), '[\s\u00a0]+', ' ', 'g'))
$$;
-- +goose StatementEnd
UPDATE search_entries SET title_fold = danvan_fold(title), body_fold = danvan_fold(body)
WHERE strpos(title, U&'\00A0') > 0 OR strpos(body, U&'\00A0') > 0;

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION danvan_fold(s TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(translate(
        regexp_replace(normalize(s, NFD), '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]', '', 'g'),
        'đĐÐ', 'ddd')), '\s+', ' ', 'g'))
$$;
-- +goose StatementEnd
UPDATE search_entries SET title_fold = danvan_fold(title), body_fold = danvan_fold(body)
WHERE strpos(title, U&'\00A0') > 0 OR strpos(body, U&'\00A0') > 0;
