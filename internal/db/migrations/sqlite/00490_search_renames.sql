-- +goose Up
-- What the search index (00400) takes from other records than the one an
-- entry is about follows them in the same transaction too: a report's
-- entry is titled with its form's name, an article's scope is its site's
-- unit, and a commendation decision's text holds its recipients.

-- A renamed report form rewrites its reports' entries.
-- +goose StatementBegin
CREATE TRIGGER search_report_forms_update AFTER UPDATE OF name ON report_forms WHEN OLD.name IS NOT NEW.name BEGIN
    DELETE FROM search_entries WHERE id IN (SELECT r.id * 16 + 6 FROM reports r WHERE r.form_id = NEW.id);
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 6 AND s.record_id IN (SELECT r.id FROM reports r WHERE r.form_id = NEW.id);
END;
-- +goose StatementEnd

-- A site given to another unit moves its articles' entries into that
-- unit's scope.
-- +goose StatementBegin
CREATE TRIGGER search_portal_sites_update AFTER UPDATE OF unit_id ON portal_sites WHEN OLD.unit_id IS NOT NEW.unit_id BEGIN
    UPDATE search_entries SET unit_id = NEW.unit_id WHERE id IN (SELECT a.id * 16 + 12 FROM portal_articles a WHERE a.site_id = NEW.id);
END;
-- +goose StatementEnd

-- A recipient corrected or taken off a decision rewrites its entry.
-- +goose StatementBegin
CREATE TRIGGER search_commendation_recipients_update AFTER UPDATE ON commendation_recipients BEGIN
    DELETE FROM search_entries WHERE id IN (OLD.decision_id * 16 + 11, NEW.decision_id * 16 + 11);
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id IN (OLD.decision_id, NEW.decision_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_commendation_recipients_delete AFTER DELETE ON commendation_recipients BEGIN
    DELETE FROM search_entries WHERE id = OLD.decision_id * 16 + 11;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id = OLD.decision_id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_commendation_recipients_delete;
DROP TRIGGER search_commendation_recipients_update;
DROP TRIGGER search_portal_sites_update;
DROP TRIGGER search_report_forms_update;
