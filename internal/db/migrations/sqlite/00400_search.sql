-- +goose Up
-- One search over every kind of record (package search). search_entries
-- holds, per record, the text as written (title, body: for display) and its
-- folded search key (vntext.Fold: marks off, đ as d, lower case, one tone
-- placement), title_lc (the title in lower case with its marks, for
-- ranking exact-diacritic matches first), the unit whose readers may see
-- it, its day, and public_from (set only for what the public portal may
-- show). id is record_id * 16 + the kind's code, so a record has one entry
-- and a second write of it replaces the first (a restored backup loads the
-- entries its records' triggers already wrote).
--
-- The entries are written by triggers on the records' tables, in the same
-- transaction as the record: no write path can forget them, and a rollback
-- takes them back. danvan_fold and danvan_lower are functions the Go
-- program registers on every SQLite connection (internal/db/search.go).
-- search_fts (words) and search_trgm (trigrams of people's and units'
-- names, for typos) are FTS5 tables over the folded text, keyed by the entry's id.
CREATE TABLE search_entries (
    id          INTEGER PRIMARY KEY ON CONFLICT REPLACE,
    kind        TEXT    NOT NULL,
    record_id   INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
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

CREATE VIRTUAL TABLE search_fts USING fts5 (title_fold, body_fold, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE search_trgm USING fts5 (title_fold, tokenize = 'trigram');

-- +goose StatementBegin
CREATE TRIGGER search_entries_put AFTER INSERT ON search_entries BEGIN
    DELETE FROM search_fts WHERE rowid = NEW.id;
    DELETE FROM search_trgm WHERE rowid = NEW.id;
    INSERT INTO search_fts (rowid, title_fold, body_fold) VALUES (NEW.id, NEW.title_fold, NEW.body_fold);
    INSERT INTO search_trgm (rowid, title_fold) SELECT NEW.id, NEW.title_fold WHERE NEW.kind IN ('person', 'unit');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_entries_drop AFTER DELETE ON search_entries BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.id;
    DELETE FROM search_trgm WHERE rowid = OLD.id;
END;
-- +goose StatementEnd

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
       substr(d.number || ' ' || d.signer || COALESCE(' ' || (SELECT group_concat(r.name || ' ' || r.achievement, ' ')
           FROM commendation_recipients r WHERE r.decision_id = d.id), ''), 1, 8000), d.signed_on, CAST(NULL AS TEXT)
  FROM commendation_decisions d
UNION ALL
SELECT 12, 'article', a.id, s.unit_id, a.headline,
       substr(a.lead || ' ' || a.tags, 1, 8000), substr(COALESCE(a.publish_at, a.created_at), 1, 10),
       CASE WHEN a.status = 'published' THEN a.publish_at END
  FROM portal_articles a JOIN portal_sites s ON s.id = a.site_id;

-- A unit's entry needs the unit and its name (a restore may load either first).
-- +goose StatementBegin
CREATE TRIGGER search_units_insert AFTER INSERT ON units BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 1;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 1 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_units_update AFTER UPDATE ON units BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 1;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 1 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_unit_versions_insert AFTER INSERT ON unit_versions BEGIN
    DELETE FROM search_entries WHERE id = NEW.unit_id * 16 + 1;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 1 AND s.record_id = NEW.unit_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_unit_versions_update AFTER UPDATE ON unit_versions BEGIN
    DELETE FROM search_entries WHERE id = NEW.unit_id * 16 + 1;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 1 AND s.record_id = NEW.unit_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_meeting_people_insert AFTER INSERT ON meeting_people BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 2;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 2 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_people_update AFTER UPDATE ON meeting_people BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 2;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 2 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_people_delete AFTER DELETE ON meeting_people BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 2;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_meeting_conferences_insert AFTER INSERT ON meeting_conferences BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 3;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 3 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_conferences_update AFTER UPDATE ON meeting_conferences BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 3;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 3 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_conferences_delete AFTER DELETE ON meeting_conferences BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 3;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_meeting_tasks_insert AFTER INSERT ON meeting_tasks BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 4;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 4 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_tasks_update AFTER UPDATE ON meeting_tasks BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 4;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 4 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_tasks_delete AFTER DELETE ON meeting_tasks BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 4;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_practices_insert AFTER INSERT ON practices BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 5;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 5 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_practices_update AFTER UPDATE ON practices BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 5;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 5 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_practices_delete AFTER DELETE ON practices BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 5;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_reports_insert AFTER INSERT ON reports BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 6;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 6 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_reports_update AFTER UPDATE ON reports BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 6;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 6 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_reports_delete AFTER DELETE ON reports BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 6;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 7;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 7 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_documents_update AFTER UPDATE ON documents BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 7;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 7 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 7;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_citizen_petitions_insert AFTER INSERT ON citizen_petitions BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 8;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 8 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_petitions_update AFTER UPDATE ON citizen_petitions BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 8;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 8 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_petitions_delete AFTER DELETE ON citizen_petitions BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 8;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_citizen_dialogues_insert AFTER INSERT ON citizen_dialogues BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 9;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 9 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_dialogues_update AFTER UPDATE ON citizen_dialogues BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 9;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 9 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_dialogues_delete AFTER DELETE ON citizen_dialogues BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 9;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_citizen_mediation_cases_insert AFTER INSERT ON citizen_mediation_cases BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 10;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 10 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_mediation_cases_update AFTER UPDATE ON citizen_mediation_cases BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 10;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 10 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_citizen_mediation_cases_delete AFTER DELETE ON citizen_mediation_cases BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 10;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_commendation_decisions_insert AFTER INSERT ON commendation_decisions BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 11;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_commendation_decisions_update AFTER UPDATE ON commendation_decisions BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 11;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_commendation_decisions_delete AFTER DELETE ON commendation_decisions BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 11;
END;
-- +goose StatementEnd
-- A decision's recipients are written after it: each one rewrites its entry.
-- +goose StatementBegin
CREATE TRIGGER search_commendation_recipients_insert AFTER INSERT ON commendation_recipients BEGIN
    DELETE FROM search_entries WHERE id = NEW.decision_id * 16 + 11;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id = NEW.decision_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_portal_articles_insert AFTER INSERT ON portal_articles BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 12;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 12 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_portal_articles_update AFTER UPDATE OF site_id, headline, lead, tags, status, publish_at ON portal_articles BEGIN
    DELETE FROM search_entries WHERE id = NEW.id * 16 + 12;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 12 AND s.record_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_portal_articles_delete AFTER DELETE ON portal_articles BEGIN
    DELETE FROM search_entries WHERE id = OLD.id * 16 + 12;
END;
-- +goose StatementEnd

-- The records already there.
INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s;

-- +goose Down
DROP TRIGGER search_units_insert;
DROP TRIGGER search_units_update;
DROP TRIGGER search_unit_versions_insert;
DROP TRIGGER search_unit_versions_update;
DROP TRIGGER search_meeting_people_insert;
DROP TRIGGER search_meeting_people_update;
DROP TRIGGER search_meeting_people_delete;
DROP TRIGGER search_meeting_conferences_insert;
DROP TRIGGER search_meeting_conferences_update;
DROP TRIGGER search_meeting_conferences_delete;
DROP TRIGGER search_meeting_tasks_insert;
DROP TRIGGER search_meeting_tasks_update;
DROP TRIGGER search_meeting_tasks_delete;
DROP TRIGGER search_practices_insert;
DROP TRIGGER search_practices_update;
DROP TRIGGER search_practices_delete;
DROP TRIGGER search_reports_insert;
DROP TRIGGER search_reports_update;
DROP TRIGGER search_reports_delete;
DROP TRIGGER search_documents_insert;
DROP TRIGGER search_documents_update;
DROP TRIGGER search_documents_delete;
DROP TRIGGER search_citizen_petitions_insert;
DROP TRIGGER search_citizen_petitions_update;
DROP TRIGGER search_citizen_petitions_delete;
DROP TRIGGER search_citizen_dialogues_insert;
DROP TRIGGER search_citizen_dialogues_update;
DROP TRIGGER search_citizen_dialogues_delete;
DROP TRIGGER search_citizen_mediation_cases_insert;
DROP TRIGGER search_citizen_mediation_cases_update;
DROP TRIGGER search_citizen_mediation_cases_delete;
DROP TRIGGER search_commendation_decisions_insert;
DROP TRIGGER search_commendation_decisions_update;
DROP TRIGGER search_commendation_decisions_delete;
DROP TRIGGER search_commendation_recipients_insert;
DROP TRIGGER search_portal_articles_insert;
DROP TRIGGER search_portal_articles_update;
DROP TRIGGER search_portal_articles_delete;
DROP VIEW search_sources;
DROP TRIGGER search_entries_put;
DROP TRIGGER search_entries_drop;
DROP TABLE search_trgm;
DROP TABLE search_fts;
DROP TABLE search_entries;
