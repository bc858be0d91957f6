package adminui

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// auditEntities are the kinds of record the filter offers.
var auditEntities = []string{"unit", "user", "grant", "api_token", "session"}

// auditFilterForm is the filter as typed.
type auditFilterForm struct {
	User     string // login name
	UnitID   int64
	UnitName string // a name to search for a unit
	Entity   string
	From, To string
}

type auditRowView struct {
	audit.Row
	UnitName string
	// When is the moment in Vietnam's time, dd/mm/yyyy HH:MM.
	When string
	// What says in words what was done ("gửi báo cáo").
	What string
	// Record names the record changed, and Href is its page ("" when it
	// has none).
	Record, Href string
	Changes      []fieldChange
}

// fieldChange is one field of a record before and after a change.
type fieldChange struct {
	Field, Before, After string
}

type auditView struct {
	kit.Page
	Filter   auditFilterForm
	Unit     *org.Unit
	Matches  []org.Unit // units whose name matched UnitName
	Entities []string
	Rows     []auditRowView
	Errors   kit.Errors
	Pager    kit.Pager
}

// auditLog lists recorded changes newest first, as auth lets the viewer
// read them (administrators and leaders, the units they cover).
func (h *handlers) auditLog(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.MayReadAuditLog(p); err != nil {
		return err
	}
	ctx := r.Context()
	v := auditView{Entities: auditEntities, Filter: readAuditFilter(r)}
	q, errs := auditQuery(r, v.Filter)
	pick, err := h.pickAuditUnit(r, p, &v, &q, &errs)
	if err != nil {
		return err
	}
	var rows []audit.Row
	total := 0
	if !pick && len(errs) == 0 {
		rows, total, err = h.Auth.AuditLog(ctx, p, q)
		var es apperr.Errors
		switch {
		case errors.As(err, &es):
			errs = append(errs, formFields(es)...)
		case err != nil:
			return err
		}
	}
	if v.Filter.UnitID != 0 && errs.Field("don_vi") == nil {
		u, err := h.unitAnyDay(ctx, v.Filter.UnitID)
		switch {
		case err == nil:
			v.Unit = &u
		case apperr.CodeOf(err) != apperr.CodeNotFound:
			return err
		}
	}
	if v.Rows, err = h.auditRows(r, rows); err != nil {
		return err
	}
	v.Errors = h.FormErrors(r, errs.Err())
	page, _ := kit.PageParams(r, kit.DefaultPageSize)
	v.Pager = kit.NewPager(r, page, kit.DefaultPageSize, total)
	v.Page = h.Page(w, r, "admin.audit.title")
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusBadRequest
	}
	h.tmpl.Render(w, r, status, "audit", v)
	return nil
}

// readAuditFilter reads the filter as typed.
func readAuditFilter(r *http.Request) auditFilterForm {
	q := r.URL.Query()
	f := auditFilterForm{User: strings.TrimSpace(q.Get("nguoi")), UnitID: kit.FormID(q.Get("don_vi")),
		UnitName: strings.TrimSpace(q.Get("dv")), Entity: q.Get("loai"),
		From: strings.TrimSpace(q.Get("tu")), To: strings.TrimSpace(q.Get("den"))}
	if !slices.Contains(auditEntities, f.Entity) {
		f.Entity = ""
	}
	return f
}

// auditQuery turns the filter into auth's query; dates that do not read
// are errors on their fields.
func auditQuery(r *http.Request, f auditFilterForm) (auth.AuditQuery, apperr.Errors) {
	_, offset := kit.PageParams(r, kit.DefaultPageSize)
	q := auth.AuditQuery{Login: f.User, UnitID: f.UnitID, Entity: f.Entity, Offset: offset, Limit: kit.DefaultPageSize}
	var errs apperr.Errors
	for _, d := range []struct {
		in, field string
		dst       *time.Time
	}{{f.From, "tu", &q.From}, {f.To, "den", &q.To}} {
		t, err := kit.FormDay(d.field, d.in)
		if e, ok := apperr.As(err); ok {
			errs = append(errs, e)
			continue
		}
		*d.dst = t
	}
	return q, errs
}

// pickAuditUnit handles a unit typed by name: one unit the viewer may
// read matches, and the log is filtered by it; several, and they are
// offered to pick from (pick is true: no rows until one is picked);
// none, and it is an error on the field.
func (h *handlers) pickAuditUnit(r *http.Request, p *auth.Principal, v *auditView, q *auth.AuditQuery, errs *apperr.Errors) (pick bool, err error) {
	if v.Filter.UnitName == "" || v.Filter.UnitID != 0 {
		return false, nil
	}
	matches, err := h.Auth.SearchUnits(r.Context(), p, auth.PermApprove, v.Filter.UnitName, h.Today(), 20)
	if err != nil {
		return false, err
	}
	switch len(matches) {
	case 0:
		errs.Add("dv", "admin.search.none")
		return false, nil
	case 1:
		q.UnitID, v.Filter.UnitID = matches[0].ID, matches[0].ID
		return false, nil
	}
	v.Matches = matches
	return true, nil
}

// formFields puts auth's errors on the filter's fields.
func formFields(es apperr.Errors) apperr.Errors {
	fields := map[string]string{"unit_id": "don_vi", "login": "nguoi"}
	out := make(apperr.Errors, len(es))
	for i, e := range es {
		c := *e
		if f, ok := fields[c.Field]; ok {
			c.Field = f
		}
		out[i] = &c
	}
	return out
}

// unitAnyDay returns a unit as it stands today, or on its last day when
// it has ended.
func (h *handlers) unitAnyDay(ctx context.Context, id int64) (org.Unit, error) {
	u, err := h.Org.Get(ctx, id, h.Today())
	if apperr.CodeOf(err) != apperr.CodeNotFound {
		return u, err
	}
	hist, err := h.Org.History(ctx, id)
	if err != nil {
		return org.Unit{}, err
	}
	last := hist[len(hist)-1]
	d := last.ValidTo
	if d.IsZero() {
		d = last.ValidFrom
	}
	return h.Org.Get(ctx, id, d)
}

// auditRows shows each row with its unit's name (today's, or its last)
// and its changed fields in words.
func (h *handlers) auditRows(r *http.Request, rows []audit.Row) ([]auditRowView, error) {
	var ids []int64
	for _, row := range rows {
		if row.UnitID != 0 {
			ids = append(ids, row.UnitID)
		}
	}
	names, err := h.Org.NamesOn(r.Context(), ids, h.Today())
	if err != nil {
		return nil, err
	}
	lang := kit.Lang(r)
	out := make([]auditRowView, len(rows))
	for i, row := range rows {
		local := row.At.In(vntext.Zone)
		v := auditRowView{Row: row, UnitName: names[row.UnitID],
			When:    vntext.FormatDate(local) + " " + local.Format("15:04"),
			What:    kit.AuditWhat(h.Catalog, lang, row.Entity, row.Action),
			Changes: readableChanges(h.Catalog, lang, diffJSON(row.Before, row.After))}
		v.Record, v.Href = auditRecord(h.Catalog, lang, row, names[row.UnitID])
		out[i] = v
	}
	return out, nil
}

// auditPages are the pages of the records an audit row may name, by kind:
// the row links there with the record's id.
var auditPages = map[string]string{
	"unit": "/don-vi/", "user": "/quan-tri/tai-khoan/", "report": "/bao-cao/", "practice": "/mo-hinh/",
	"conference": "/hoi-nghi/", "task": "/nhiem-vu/", "person": "/nguoi/", "pledge": "/thi-dua/",
	"commendation": "/khen-thuong/", "commendation_proposal": "/khen-thuong/de-nghi/", "document": "/van-ban/",
	"petition": "/cong-dan/don/", "reception": "/cong-dan/tiep-dan/", "dialogue": "/cong-dan/doi-thoai/",
	"dialogue_issue": "/cong-dan/y-kien/", "mediation_team": "/cong-dan/hoa-giai/",
	"mediation_case": "/cong-dan/vu-viec-hoa-giai/", "hotspot": "/cong-dan/diem-nong/", "sentiment_note": "/cong-dan/tinh-hinh/",
}

// auditRecord names the record of an audit row by what it holds (its
// name, title or login; a report by its period and unit), else by its
// kind and number, and gives its page. The page itself decides whether
// the reader may open it.
func auditRecord(c i18n.Catalog, lang string, row audit.Row, unitName string) (name, href string) {
	if row.EntityID == 0 {
		return "", ""
	}
	if base, ok := auditPages[row.Entity]; ok {
		href = base + strconv.FormatInt(row.EntityID, 10)
	}
	if row.Entity == "unit" && unitName != "" {
		return unitName, href
	}
	fields := flattenJSON(row.After)
	if len(fields) == 0 {
		fields = flattenJSON(row.Before)
	}
	for _, k := range []string{"name", "title", "login", "number"} {
		if v := strings.TrimSpace(fields[k]); v != "" {
			return v, href
		}
	}
	if row.Entity == "report" { // "gửi báo cáo" + "6 tháng đầu năm 2026" + its unit after
		if p := auditPeriod(c, lang, fields["period"]); p != fields["period"] {
			return p, href
		}
	}
	kind := row.Entity
	if c.Has("audit.entity." + row.Entity) {
		kind = c.T(lang, "audit.entity."+row.Entity)
	}
	return c.T(lang, "audit.record", kind, strconv.FormatInt(row.EntityID, 10)), href
}

// diffJSON lists the fields that differ between two JSON records
// (nested fields named with dots, list items by their number from 1);
// for a creation or an end, every field of the one side.
func diffJSON(before, after string) []fieldChange {
	b, a := flattenJSON(before), flattenJSON(after)
	keys := make([]string, 0, len(a)+len(b))
	for k := range b {
		keys = append(keys, k)
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []fieldChange
	for _, k := range keys {
		if b[k] != a[k] {
			out = append(out, fieldChange{Field: k, Before: b[k], After: a[k]})
		}
	}
	return out
}

func flattenJSON(s string) map[string]string {
	out := map[string]string{}
	if s == "" {
		return out
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		out["?"] = s
		return out
	}
	flatten("", v, out)
	return out
}

func flatten(prefix string, v any, out map[string]string) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flatten(join(k), e, out)
		}
	case []any:
		for i, e := range x {
			k := join(strconv.Itoa(i + 1))
			// A list of records with names (the units merged into
			// another) reads best as one line per record.
			if m, ok := e.(map[string]any); ok {
				if name, ok := m["name"].(string); ok {
					if code, ok := m["code"].(string); ok && code != "" {
						name += " (" + code + ")"
					}
					out[k] = name
					continue
				}
			}
			flatten(k, e, out)
		}
	case nil:
		if prefix != "" {
			out[prefix] = ""
		}
	case string:
		out[prefix] = x
	case bool:
		out[prefix] = strconv.FormatBool(x)
	case float64:
		out[prefix] = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		b, err := json.Marshal(x)
		if err != nil {
			b = []byte("?")
		}
		out[prefix] = string(b)
	}
}

// hiddenAuditFields are internal fields a reader does not need: the
// record's own id is in the row's heading, the path repeats the parent.
var hiddenAuditFields = map[string]bool{"id": true, "path": true}

// readableChanges drops internal fields and shows field names, levels,
// kinds, roles and yes/no in the reader's language, and stored days the
// Vietnamese way (as every date is shown).
func readableChanges(c i18n.Catalog, lang string, cs []fieldChange) []fieldChange {
	label := func(key, raw string) string {
		if c.Has(key) {
			return c.T(lang, key)
		}
		return raw
	}
	out := cs[:0]
	for _, ch := range cs {
		if hiddenAuditFields[ch.Field] {
			continue
		}
		field := ch.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 {
			field = field[i+1:]
		}
		switch field {
		case "level", "kind", "role":
			ch.Before = label(field+"."+ch.Before, ch.Before)
			ch.After = label(field+"."+ch.After, ch.After)
		case "status":
			ch.Before = label("audit.status."+ch.Before, ch.Before)
			ch.After = label("audit.status."+ch.After, ch.After)
		case "period":
			ch.Before, ch.After = auditPeriod(c, lang, ch.Before), auditPeriod(c, lang, ch.After)
		default:
			ch.Before, ch.After = auditValue(c, lang, ch.Before), auditValue(c, lang, ch.After)
		}
		parts := strings.Split(ch.Field, ".")
		for i, part := range parts {
			parts[i] = label("admin.field."+part, part)
		}
		ch.Field = strings.Join(parts, " › ")
		out = append(out, ch)
	}
	return out
}

// auditPeriod shows a period code (2026S1) in words, or as stored when it
// does not read.
func auditPeriod(c i18n.Catalog, lang, v string) string {
	p, err := vntext.ParsePeriod(v)
	if err != nil {
		return v
	}
	m := p.Message()
	return c.T(lang, m.Key, m.Args...)
}

// auditValue shows a stored day (2025-07-01) as dates are shown, and a
// yes/no in words.
func auditValue(c i18n.Catalog, lang, v string) string {
	switch v {
	case "true":
		return c.T(lang, "admin.yes")
	case "false":
		return c.T(lang, "admin.no")
	}
	if len(v) == len(time.DateOnly) {
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return vntext.FormatDate(t)
		}
	}
	// A stored moment (2026-07-01T02:30:00Z) in Vietnam's time.
	if len(v) > len(time.DateOnly) && v[4] == '-' && strings.Contains(v, "T") {
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			local := t.In(vntext.Zone)
			return vntext.FormatDate(local) + " " + local.Format("15:04")
		}
	}
	return v
}
