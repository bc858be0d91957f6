package reportui

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// entryRow is one value of the entry form (or of the report page).
type entryRow struct {
	Indicator report.Indicator
	Field     string // form field name
	Part      string // breakdown key, "" without
	Value     string // what to show in the input
	Previous  string
	Error     string
	Derived   string // a ratio's computed value
}

// entryGroup is one folding section of the entry form: the rows of one
// field of work, open when it is the first or holds an error.
type entryGroup struct {
	Field  string
	Rows   []entryRow
	Open   bool
	Filled int // rows with a value typed or stored
}

type entryView struct {
	kit.Page
	Entry      report.Entry
	Rows       []entryRow
	Narrative  map[string]string
	Sections   []string
	Errors     kit.Errors
	Version    int64
	Period     vntext.Period
	PrevPeriod vntext.Period
	Periods    []vntext.Period
	Editable   bool
	StatusKey  string
}

func fmtValue(ind report.Indicator, v float64, ok bool) string {
	if !ok {
		return ""
	}
	return ind.Format(v)
}

// statusKey is the label of a report's status, "not started" for one
// that is not stored yet.
func statusKey(s report.Status, id int64) string {
	if id == 0 {
		return "report.status.new"
	}
	return s.Message().Key
}

// foldAbove is how many rows a form must have before its sections fold
// (a short form shows every field open).
const foldAbove = 12

// Groups folds the rows by field of work, in the order the form first
// names each field.
func (v entryView) Groups() []entryGroup {
	var out []entryGroup
	at := map[string]int{}
	for _, row := range v.Rows {
		i, ok := at[row.Indicator.Field]
		if !ok {
			i = len(out)
			at[row.Indicator.Field] = i
			out = append(out, entryGroup{Field: row.Indicator.Field, Open: i == 0 || len(v.Rows) <= foldAbove})
		}
		g := &out[i]
		g.Rows = append(g.Rows, row)
		if row.Error != "" {
			g.Open = true
		}
		if row.Value != "" || row.Derived != "" {
			g.Filled++
		}
	}
	return out
}

// DraftKey names the browser's copy of what is typed in this form (unit,
// period, form), kept by forms.js until the server holds a newer version.
func (v entryView) DraftKey() string {
	return "bao-cao:" + strconv.FormatInt(v.Entry.Unit.ID, 10) + ":" + v.Period.String() + ":" + v.Entry.Form.Code
}

// entryView builds the entry page; typed (when not nil) is the user's
// input to show again, with errs beside the fields.
func (h *handlers) entryView(w http.ResponseWriter, r *http.Request, e report.Entry, typed *report.Input, errs kit.Errors) entryView {
	v := entryView{Page: h.Page(w, r, "report.entry.title"), Entry: e, Errors: errs, Period: e.Report.Period,
		PrevPeriod: report.Previous(e.Report.Period), Version: e.Report.Version, Narrative: e.Report.Narrative,
		Editable: e.Report.Status.Editable(), StatusKey: statusKey(e.Report.Status, e.Report.ID), Periods: h.periodChoices()}
	v.Title = e.Unit.Name + " · " + h.Text(r, e.Report.Period.Message())
	for _, code := range e.Form.Sections {
		if slices.Contains(report.Sections, code) {
			v.Sections = append(v.Sections, code)
		}
	}
	if typed != nil {
		v.Narrative = typed.Narrative
		v.Version = typed.Version
	}
	for _, ind := range e.Indicators {
		for _, k := range ind.Keys() {
			row := entryRow{Indicator: ind, Field: report.FieldName(k), Part: k.Part}
			if ind.Derived() {
				if rv, ok := e.Report.Values.Ratio(ind, e.ByID); ok {
					row.Derived = ind.Format(rv)
				}
				if rv, ok := e.Previous.Ratio(ind, e.ByID); ok {
					row.Previous = ind.Format(rv)
				}
			} else {
				val, ok := e.Report.Values[k]
				row.Value = fmtValue(ind, val, ok)
				pv, pok := e.Previous[k]
				row.Previous = fmtValue(ind, pv, pok)
				if typed != nil {
					row.Value = typed.Values[k]
				}
			}
			row.Error = errs.Field(row.Field)
			v.Rows = append(v.Rows, row)
		}
	}
	return v
}

// entry reads the entry the request names (?don-vi=, ?ky=, ?mau=), as
// the reader may see it.
func (h *handlers) entry(r *http.Request, p *auth.Principal, unitID int64, per vntext.Period) (report.Target, report.Entry, error) {
	t, err := h.target(r, unitID, per)
	if err != nil {
		return t, report.Entry{}, err
	}
	e, err := h.store.Entry(r.Context(), p, t)
	return t, e, err
}

func (h *handlers) entryForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID, per, err := h.params(r)
	if err != nil {
		return err
	}
	_, e, err := h.entry(r, p, unitID, per)
	if err != nil {
		return err
	}
	if e.Report.ID != 0 && !e.Report.Status.Editable() {
		http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", e.Report.ID), http.StatusSeeOther)
		return nil
	}
	if err := e.RequireWrite(); err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "entry", h.entryView(w, r, e, nil, nil))
	return nil
}

// readInput reads the entry form: the values of the entry's indicators
// and the narrative. A version that is not a number is -1 (stale).
func readInput(r *http.Request, e report.Entry) report.Input {
	in := report.Input{Values: map[report.Key]string{}, Narrative: map[string]string{}}
	version, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if err != nil {
		version = -1
	}
	in.Version = version
	for _, ind := range e.Indicators {
		if ind.Derived() {
			continue
		}
		for _, k := range ind.Keys() {
			in.Values[k] = r.PostFormValue(report.FieldName(k))
		}
	}
	for _, sec := range report.Sections {
		in.Narrative[sec] = r.PostFormValue(sec)
	}
	return in
}

func (h *handlers) entrySave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID := kit.FormID(r.PostFormValue("don-vi"))
	if unitID == 0 {
		return apperr.NotFound("report.err.unit")
	}
	per, err := report.ParsePeriod(r.PostFormValue("ky"))
	if err != nil {
		return err
	}
	t, e, err := h.entry(r, p, unitID, per)
	if err != nil {
		return err
	}
	in := readInput(r, e)
	submit := r.PostFormValue("action") == "submit"
	var rep report.Report
	if submit {
		rep, err = h.store.Submit(r.Context(), p, t, in)
	} else {
		rep, err = h.store.SaveDraft(r.Context(), p, t, in)
	}
	if code := apperr.CodeOf(err); code == apperr.CodeInvalid || code == apperr.CodeConflict {
		h.tmpl.Render(w, r, kit.Status(err), "entry", h.entryView(w, r, e, &in, h.FormErrors(r, err)))
		return nil
	}
	if err != nil {
		return err
	}
	if submit {
		h.SetFlash(w, r, "report.flash.submitted")
		http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", rep.ID), http.StatusSeeOther)
		return nil
	}
	h.SetFlash(w, r, "report.flash.saved")
	http.Redirect(w, r, "/bao-cao/nhap?"+url.Values{"don-vi": {strconv.FormatInt(unitID, 10)}, "ky": {per.String()},
		"mau": {e.Form.Code}}.Encode(), http.StatusSeeOther)
	return nil
}
