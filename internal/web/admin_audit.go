package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
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
	Unit        org.Unit
	Changes     []fieldChange
	ActionLabel string // translated when the catalog knows the action
	EntityLabel string
}

// auditLabel translates key when the catalog has it, else shows raw as is (an
// action or a record kind another feature added).
func auditLabel(lang, key, raw string) string {
	if _, ok := catalog[key]; ok {
		return translate(lang, key)
	}
	return raw
}

// fieldChange is one field of a record before and after a change.
type fieldChange struct {
	Field, Before, After string
}

type auditView struct {
	Page
	Filter   auditFilterForm
	Unit     *org.Unit
	Matches  []org.Unit // units whose name matched UnitName
	Entities []string
	Rows     []auditRowView
	Errors   apperr.Errors
	Pager    Pager
}

// auditLog lists recorded changes newest first, for admins and leaders,
// limited to the units they cover; changes that belong to no unit (an
// account's profile, sign-ins, tokens) only for national admins.
func (a *adminHandlers) auditLog(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireUser(w, r)
	if !ok {
		return
	}
	roots := auth.ScopeRoots(p, auth.PermApprove)
	if len(roots) == 0 {
		a.fail(w, r, apperr.Forbidden(translate(LangVI, "admin.err.noaudit")))
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	ff := auditFilterForm{User: strings.TrimSpace(q.Get("nguoi")), UnitID: adminInt(q.Get("don_vi")),
		UnitName: strings.TrimSpace(q.Get("dv")), Entity: q.Get("loai"), From: strings.TrimSpace(q.Get("tu")), To: strings.TrimSpace(q.Get("den"))}
	v := auditView{Filter: ff, Entities: auditEntities}
	f := audit.Filter{Limit: DefaultPageSize}

	// The viewer's units; nil for a national admin (every row).
	var scope []int64
	if !p.NationalAdmin {
		ids, err := a.org.ScopeUnits(ctx, roots)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		scope = append([]int64{}, ids...)
	}
	inScope := func(id int64) bool { return scope == nil || slices.Contains(scope, id) }

	nothing := false
	if ff.UnitName != "" && ff.UnitID == 0 {
		res, err := a.org.SearchByName(ctx, ff.UnitName, a.today(), 20)
		if err != nil && apperr.CodeOf(err) != apperr.CodeInvalid {
			a.fail(w, r, err)
			return
		}
		for _, u := range res {
			if inScope(u.ID) {
				v.Matches = append(v.Matches, u)
			}
		}
		switch len(v.Matches) {
		case 0:
			nothing = true
			v.Errors.Add("dv", translate(LangVI, "admin.search.none"))
		case 1:
			ff.UnitID = v.Matches[0].ID
			v.Matches = nil
		default:
			nothing = true // the viewer picks one of the matches first
		}
	}
	switch {
	case ff.UnitID != 0:
		if !inScope(ff.UnitID) {
			nothing = true
			v.Errors.Add("don_vi", translate(LangVI, "admin.err.scope"))
			break
		}
		u, err := a.unitAnyDay(ctx, ff.UnitID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		v.Unit = &u
		ids, err := a.org.ScopeUnits(ctx, []int64{ff.UnitID})
		if err != nil {
			a.fail(w, r, err)
			return
		}
		f.Units = []int64{}
		for _, id := range ids {
			if inScope(id) {
				f.Units = append(f.Units, id)
			}
		}
	case scope != nil:
		f.Units = scope
	}
	if ff.User != "" {
		u, err := a.auth.UserByLogin(ctx, auth.System(), ff.User)
		switch {
		case err == nil:
			f.UserID = &u.ID
		case apperr.CodeOf(err) == apperr.CodeNotFound:
			nothing = true
			v.Errors.Add("nguoi", translate(LangVI, "admin.err.nouser"))
		default:
			a.fail(w, r, err)
			return
		}
	}
	if slices.Contains(auditEntities, ff.Entity) {
		f.Entity = ff.Entity
	} else {
		v.Filter.Entity = ""
	}
	for _, d := range []struct {
		in    string
		field string
		dst   *time.Time
	}{{ff.From, "tu", &f.From}, {ff.To, "den", &f.To}} {
		if d.in == "" {
			continue
		}
		t, ok := adminDay(d.in)
		if !ok {
			v.Errors.Add(d.field, translate(LangVI, "admin.err.date"))
			continue
		}
		*d.dst = t
	}
	page, offset := pageParams(r, DefaultPageSize)
	f.Offset = offset
	var rows []audit.Row
	total := 0
	if !nothing {
		var err error
		if rows, total, err = audit.List(ctx, a.db, f); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	names := map[int64]org.Unit{}
	for _, row := range rows {
		rv := auditRowView{Row: row, Changes: readableChanges(langOf(r), diffJSON(row.Before, row.After)),
			ActionLabel: auditLabel(langOf(r), "admin.action."+row.Action, row.Action),
			EntityLabel: auditLabel(langOf(r), "admin.entity."+row.Entity, row.Entity)}
		if row.UnitID != 0 {
			u, ok := names[row.UnitID]
			if !ok {
				var err error
				if u, err = a.unitAnyDay(ctx, row.UnitID); err != nil {
					a.fail(w, r, err)
					return
				}
				names[row.UnitID] = u
			}
			rv.Unit = u
		}
		v.Rows = append(v.Rows, rv)
	}
	v.Filter.UnitID = ff.UnitID
	v.Pager = newPager(r, page, DefaultPageSize, total)
	v.Page = a.page(w, r, "admin.audit.title")
	status := http.StatusOK
	if len(v.Errors) > 0 {
		status = http.StatusBadRequest
	}
	a.render(w, r, status, "admin/audit", v)
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
	flattenAudit("", v, out)
	return out
}

func flattenAudit(prefix string, v any, out map[string]string) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flattenAudit(join(k), e, out)
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
			flattenAudit(k, e, out)
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
		b, _ := json.Marshal(x)
		out[prefix] = string(b)
	}
}

// hiddenAuditFields are internal fields a reader does not need: the
// record's own id is in the row's heading, the path repeats the parent.
var hiddenAuditFields = map[string]bool{"id": true, "path": true}

// readableChanges drops internal fields and shows levels, kinds and roles
// by their names.
func readableChanges(lang string, cs []fieldChange) []fieldChange {
	out := cs[:0]
	for _, c := range cs {
		if hiddenAuditFields[c.Field] {
			continue
		}
		field := c.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 {
			field = field[i+1:]
		}
		switch field {
		case "level", "kind", "role":
			c.Before = auditLabel(lang, field+"."+c.Before, c.Before)
			c.After = auditLabel(lang, field+"."+c.After, c.After)
		default:
			c.Before, c.After = auditDate(c.Before), auditDate(c.After)
		}
		parts := strings.Split(c.Field, ".")
		for i, part := range parts {
			parts[i] = auditLabel(lang, "admin.field."+part, part)
		}
		c.Field = strings.Join(parts, " › ")
		out = append(out, c)
	}
	return out
}

// auditDate shows a stored day (2025-07-01) the Vietnamese way.
func auditDate(v string) string {
	if len(v) == len(time.DateOnly) {
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return vntext.FormatDate(t)
		}
	}
	return v
}
