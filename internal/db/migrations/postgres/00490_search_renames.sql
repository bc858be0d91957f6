-- +goose Up
-- What the search index (00400) takes from other records than the one an
-- entry is about follows them in the same transaction too: a report's
-- entry is titled with its form's name, an article's scope is its site's
-- unit, and a commendation decision's text holds its recipients.

-- A renamed report form rewrites its reports' entries.
-- +goose StatementBegin
CREATE FUNCTION search_report_form_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_entries WHERE id IN (SELECT r.id * 16 + 6 FROM reports r WHERE r.form_id = NEW.id);
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 6 AND s.record_id IN (SELECT r.id FROM reports r WHERE r.form_id = NEW.id);
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER search_report_forms AFTER UPDATE OF name ON report_forms FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_report_form_renamed();

-- A site given to another unit moves its articles' entries into that
-- unit's scope.
-- +goose StatementBegin
CREATE FUNCTION search_portal_site_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_entries SET unit_id = NEW.unit_id WHERE id IN (SELECT a.id * 16 + 12 FROM portal_articles a WHERE a.site_id = NEW.id);
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER search_portal_sites AFTER UPDATE OF unit_id ON portal_sites FOR EACH ROW
    WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id) EXECUTE FUNCTION search_portal_site_moved();

-- A recipient corrected or taken off a decision rewrites its entry (the
-- trigger of 00400 writes it for an insert and the new decision of an
-- update).
-- +goose StatementBegin
CREATE FUNCTION search_recipient_left() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_entries WHERE id = OLD.decision_id * 16 + 11;
    INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
    SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s WHERE s.code = 11 AND s.record_id = OLD.decision_id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER search_commendation_recipients_left AFTER UPDATE OF decision_id OR DELETE ON commendation_recipients FOR EACH ROW
    EXECUTE FUNCTION search_recipient_left();

-- +goose Down
DROP TRIGGER search_commendation_recipients_left ON commendation_recipients;
DROP FUNCTION search_recipient_left();
DROP TRIGGER search_portal_sites ON portal_sites;
DROP FUNCTION search_portal_site_moved();
DROP TRIGGER search_report_forms ON report_forms;
DROP FUNCTION search_report_form_renamed();
