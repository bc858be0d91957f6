-- +goose Up
-- One search over every kind of record (package search): the same table
-- as on SQLite (see its migration for the columns), kept by triggers in the
-- records' own transactions. Words are found with a GIN index over the
-- folded title (weight A) and text (weight B) as 'simple' tsvectors, typos
-- with pg_trgm's trigram index on the folded names of people and units. pg_trgm goes into the
-- public schema (one per database, shared by every schema); its names are
-- written qualified.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- danvan_fold is vntext.Fold for the text stored (NFC, one tone
-- placement): marks off, đ/Đ/Ð as d, lower case, white space runs as one
-- space, trimmed. danvan_lower is the lower case with marks.
-- +goose StatementBegin
CREATE FUNCTION danvan_fold(s TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(translate(
        regexp_replace(normalize(s, NFD), '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]', '', 'g'),
        'đĐÐ', 'ddd')), '\s+', ' ', 'g'))
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION danvan_lower(s TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(normalize(s, NFC))
$$;
-- +goose StatementEnd

CREATE TABLE search_entries (
    id          BIGINT  PRIMARY KEY,
    kind        TEXT    NOT NULL,
    record_id   BIGINT  NOT NULL,
    unit_id     BIGINT  NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    title_fold  TEXT    NOT NULL,
    body_fold   TEXT    NOT NULL,
    title_lc    TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    public_from TEXT
);
CREATE INDEX search_entries_unit ON search_entries (unit_id, kind);
CREATE INDEX search_entries_public ON search_entries (public_from) WHERE public_from IS NOT NULL;
CREATE INDEX search_entries_words ON search_entries USING gin
    ((setweight(to_tsvector('simple', title_fold), 'A') || setweight(to_tsvector('simple', body_fold), 'B')));
CREATE INDEX search_entries_trgm ON search_entries USING gin (title_fold public.gin_trgm_ops) WHERE kind IN ('person', 'unit');

-- A second write of an entry replaces the first (as ON CONFLICT REPLACE
-- does on SQLite), for COPY too.
-- +goose StatementBegin
CREATE FUNCTION search_entries_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_entries WHERE id = NEW.id;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER search_entries_replace BEFORE INSERT ON search_entries
    FOR EACH ROW EXECUTE FUNCTION search_entries_replace();

-- What each kind of record puts in the index: code (the kind's number,
-- part of the entry's id), kind, the record, the unit whose scope it
-- falls in, its title and text as written, its day (for "newer first" and
-- the period filter) and, for what the public may see, the time it is
-- public from.
CREATE VIEW search_sources AS
SELECT 1 AS code, 'unit' AS kind, u.id AS record_id, u.id AS unit_id, v.name AS title,
       v.short_name AS body, u.valid_from AS day, CAST(NULL AS TEXT) AS public_from
  FROM units u JOIN unit_versions v ON v.unit_id = u.id
 WHERE v.valid_from = (SELECT MAX(w.valid_from) FROM unit_versions w WHERE w.unit_id = u.id)
UNION ALL
SELECT 2, 'person', p.id, p.unit_id, p.name, '', substr(p.created_at, 1, 10), CAST(NULL AS TEXT)
  FROM meeting_people p WHERE p.merged_into IS NULL
UNION ALL
SELECT 3, 'conference', c.id, c.unit_id, c.title,
       substr(c.place || ' ' || c.summary || ' ' || c.outcome, 1, 8000), c.held_on, CAST(NULL AS TEXT)
  FROM meeting_conferences c
UNION ALL
SELECT 4, 'task', t.id, t.unit_id, t.title, '', t.due_end, CAST(NULL AS TEXT)
  FROM meeting_tasks t
UNION ALL
SELECT 5, 'practice', m.id, m.unit_id, m.name,
       substr(m.owner_name || ' ' || m.movement || ' ' || m.description || ' ' || m.goals, 1, 8000),
       m.started_on, CAST(NULL AS TEXT)
  FROM practices m
UNION ALL
SELECT 6, 'report', r.id, r.unit_id, f.name || ' ' || r.period,
       substr(r.results || ' ' || r.limitations || ' ' || r.causes || ' ' || r.tasks, 1, 8000),
       r.period_end, CAST(NULL AS TEXT)
  FROM reports r JOIN report_forms f ON f.id = r.form_id
UNION ALL
SELECT 7, 'document', d.id, d.unit_id, d.summary,
       d.number || ' ' || d.signer_name || ' ' || substr(d.recipients, 1, 2000), d.issued_on, CAST(NULL AS TEXT)
  FROM documents d
UNION ALL
SELECT 8, 'petition', p.id, p.unit_id, p.subject,
       p.place || ' ' || CASE WHEN p.kind = 'denunciation' THEN '' ELSE substr(p.content, 1, 8000) END,
       p.received_on, CAST(NULL AS TEXT)
  FROM citizen_petitions p
UNION ALL
SELECT 9, 'dialogue', g.id, g.unit_id, g.topic,
       substr(g.head_name || ' ' || g.place || ' ' || g.summary, 1, 8000), g.planned_on, CAST(NULL AS TEXT)
  FROM citizen_dialogues g
UNION ALL
SELECT 10, 'mediation', c.id, c.unit_id, c.matter,
       substr(c.agreement || ' ' || c.notes, 1, 8000), c.received_on, CAST(NULL AS TEXT)
  FROM citizen_mediation_cases c
UNION ALL
SELECT 11, 'commendation', d.id, d.unit_id, CASE WHEN d.title = '' THEN d.number ELSE d.title END,
       substr(d.number || ' ' || d.signer || COALESCE(' ' || (SELECT string_agg(r.name || ' ' || r.achievement, ' ' ORDER BY r.position)
           FROM commendation_recipients r WHERE r.decision_id = d.id), ''), 1, 8000), d.signed_on, CAST(NULL AS TEXT)
  FROM commendation_decisions d
UNION ALL
SELECT 12, 'article', a.id, s.unit_id, a.headline,
       substr(a.lead || ' ' || a.tags, 1, 8000), substr(COALESCE(a.publish_at, a.created_at), 1, 10),
       CASE WHEN a.status = 'published' THEN a.publish_at END
  FROM portal_articles a JOIN portal_sites s ON s.id = a.site_id;

-- search_touch(code, id column) writes the entry of the row again.
-- +goose StatementBegin
CREATE FUNCTION search_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k   INTEGER := TG_ARGV[0]::INTEGER;
    rid BIGINT;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        rid := (to_jsonb(OLD) ->> TG_ARGV[1])::BIGINT;
        DELETE FROM search_entries WHERE id = rid * 16 + k;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        rid := (to_jsonb(NEW) ->> TG_ARGV[1])::BIGINT;
        DELETE FROM search_entries WHERE id = rid * 16 + k;
        INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
        SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = k AND s.record_id = rid;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER search_units AFTER INSERT OR UPDATE ON units FOR EACH ROW EXECUTE FUNCTION search_touch('1', 'id');
CREATE TRIGGER search_unit_versions AFTER INSERT OR UPDATE ON unit_versions FOR EACH ROW EXECUTE FUNCTION search_touch('1', 'unit_id');
CREATE TRIGGER search_meeting_people AFTER INSERT OR UPDATE OR DELETE ON meeting_people FOR EACH ROW EXECUTE FUNCTION search_touch('2', 'id');
CREATE TRIGGER search_meeting_conferences AFTER INSERT OR UPDATE OR DELETE ON meeting_conferences FOR EACH ROW EXECUTE FUNCTION search_touch('3', 'id');
CREATE TRIGGER search_meeting_tasks AFTER INSERT OR UPDATE OR DELETE ON meeting_tasks FOR EACH ROW EXECUTE FUNCTION search_touch('4', 'id');
CREATE TRIGGER search_practices AFTER INSERT OR UPDATE OR DELETE ON practices FOR EACH ROW EXECUTE FUNCTION search_touch('5', 'id');
CREATE TRIGGER search_reports AFTER INSERT OR UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION search_touch('6', 'id');
CREATE TRIGGER search_documents AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION search_touch('7', 'id');
CREATE TRIGGER search_citizen_petitions AFTER INSERT OR UPDATE OR DELETE ON citizen_petitions FOR EACH ROW EXECUTE FUNCTION search_touch('8', 'id');
CREATE TRIGGER search_citizen_dialogues AFTER INSERT OR UPDATE OR DELETE ON citizen_dialogues FOR EACH ROW EXECUTE FUNCTION search_touch('9', 'id');
CREATE TRIGGER search_citizen_mediation_cases AFTER INSERT OR UPDATE OR DELETE ON citizen_mediation_cases FOR EACH ROW EXECUTE FUNCTION search_touch('10', 'id');
CREATE TRIGGER search_commendation_decisions AFTER INSERT OR UPDATE OR DELETE ON commendation_decisions FOR EACH ROW EXECUTE FUNCTION search_touch('11', 'id');
-- A decision's recipients are written after it: each one rewrites its entry.
CREATE TRIGGER search_commendation_recipients AFTER INSERT OR UPDATE ON commendation_recipients FOR EACH ROW EXECUTE FUNCTION search_touch('11', 'decision_id');
CREATE TRIGGER search_portal_articles AFTER INSERT OR UPDATE OF site_id, headline, lead, tags, status, publish_at OR DELETE ON portal_articles FOR EACH ROW EXECUTE FUNCTION search_touch('12', 'id');

-- The records already there.
INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s;

-- +goose Down
DROP TRIGGER search_units ON units;
DROP TRIGGER search_unit_versions ON unit_versions;
DROP TRIGGER search_meeting_people ON meeting_people;
DROP TRIGGER search_meeting_conferences ON meeting_conferences;
DROP TRIGGER search_meeting_tasks ON meeting_tasks;
DROP TRIGGER search_practices ON practices;
DROP TRIGGER search_reports ON reports;
DROP TRIGGER search_documents ON documents;
DROP TRIGGER search_citizen_petitions ON citizen_petitions;
DROP TRIGGER search_citizen_dialogues ON citizen_dialogues;
DROP TRIGGER search_citizen_mediation_cases ON citizen_mediation_cases;
DROP TRIGGER search_commendation_decisions ON commendation_decisions;
DROP TRIGGER search_commendation_recipients ON commendation_recipients;
DROP TRIGGER search_portal_articles ON portal_articles;
DROP FUNCTION search_touch();
DROP VIEW search_sources;
DROP TABLE search_entries;
DROP FUNCTION search_entries_replace();
DROP FUNCTION danvan_lower(TEXT);
DROP FUNCTION danvan_fold(TEXT);
