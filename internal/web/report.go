package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// reportHandlers serve periodic reporting: entry, workflow, dashboards,
// import and export.
type reportHandlers struct {
	*Server
	store *report.Store
}

// currentHalf is the six-month period containing today.
func (h *reportHandlers) currentHalf() vntext.Period {
	t := h.today()
	part := 1
	if t.Month() > 6 {
		part = 2
	}
	return vntext.Period{Kind: vntext.Half, Year: t.Year(), Part: part}
}

// params reads ?don-vi= (default: the user's first grant) and ?ky=
// (default: the current six months).
func (h *reportHandlers) params(r *http.Request) (unitID int64, per vntext.Period, err error) {
	q := r.URL.Query()
	if v := q.Get("don-vi"); v != "" {
		unitID, err = strconv.ParseInt(v, 10, 64)
		if err != nil || unitID <= 0 {
			return 0, per, apperr.NotFound("Không tìm thấy đơn vị.")
		}
	} else if p := principal(r); p != nil && len(p.Grants) > 0 {
		unitID = p.Grants[0].UnitID
	}
	per = h.currentHalf()
	if v := strings.TrimSpace(q.Get("ky")); v != "" {
		if per, err = report.ParsePeriod(v); err != nil {
			return 0, per, err
		}
	}
	if unitID == 0 {
		return 0, per, apperr.NotFound("Không tìm thấy đơn vị.")
	}
	return unitID, per, nil
}

// periodChoices lists the six-month periods offered in pickers, newest first.
func (h *reportHandlers) periodChoices() []vntext.Period {
	last := report.Next(h.currentHalf())
	var out []vntext.Period
	for p := last; p.Year >= 2015; p = report.Previous(p) {
		out = append(out, p)
	}
	return out
}

// ---- entry ----

type entryRow struct {
	Indicator report.Indicator
	Field     string // form field name
	PartLabel string
	Value     string // what to show in the input
	Previous  string
	Error     string
	Derived   string // a ratio's computed value
}

type reportEntryView struct {
	Page
	Entry      report.Entry
	Rows       []entryRow
	Narrative  map[string]string
	Sections   []struct{ Code, Label string }
	Errors     apperr.Errors
	Version    int64
	Period     vntext.Period
	PrevPeriod vntext.Period
	Periods    []vntext.Period
	Editable   bool
	CanDecide  bool
	StatusKey  string
}

func (h *reportHandlers) target(r *http.Request, unitID int64, per vntext.Period) (report.Target, error) {
	code := r.FormValue("mau")
	var f report.Form
	var err error
	if code != "" {
		f, err = h.store.FormByCode(r.Context(), code)
	} else {
		var u org.Unit
		if u, err = h.org.Get(r.Context(), unitID, per.End()); apperr.CodeOf(err) == apperr.CodeNotFound {
			u, err = h.org.Get(r.Context(), unitID, per.Start())
		}
		if err != nil {
			return report.Target{}, err
		}
		f, err = h.store.FormFor(r.Context(), u.Level, per.Kind)
	}
	if err != nil {
		return report.Target{}, err
	}
	return report.Target{UnitID: unitID, FormID: f.ID, Period: per}, nil
}

func fmtValue(ind report.Indicator, v float64, ok bool) string {
	if !ok {
		return ""
	}
	return ind.Format(v)
}

// entryView builds the entry page; typed (when not nil) is the user's
// input to show again.
func (h *reportHandlers) entryView(w http.ResponseWriter, r *http.Request, e report.Entry, typed *report.Input, errs apperr.Errors) reportEntryView {
	v := reportEntryView{Page: h.page(w, r, "report.entry.title"), Entry: e, Errors: errs, Period: e.Report.Period,
		PrevPeriod: report.Previous(e.Report.Period), Version: e.Report.Version, Narrative: e.Report.Narrative,
		Editable: e.Report.Status.Editable(), StatusKey: statusKey(e.Report.Status, e.Report.ID)}
	v.Title = e.Unit.Name + " · " + e.Report.Period.Label()
	v.Periods = h.periodChoices()
	for _, code := range e.Form.Sections {
		for _, sec := range report.Sections {
			if sec.Code == code {
				v.Sections = append(v.Sections, sec)
			}
		}
	}
	if typed != nil {
		v.Narrative = typed.Narrative
		v.Version = typed.Version
	}
	for _, ind := range e.Indicators {
		keys := []report.Key{{IndicatorID: ind.ID}}
		if parts := ind.Parts(); parts != nil {
			keys = keys[:0]
			for _, p := range parts {
				keys = append(keys, report.Key{IndicatorID: ind.ID, Part: p})
			}
		}
		for _, k := range keys {
			row := entryRow{Indicator: ind, Field: report.FieldName(k)}
			if k.Part != "" {
				row.PartLabel = report.PartLabel(k.Part)
			}
			if ind.Derived() {
				num, okN := e.Report.Values.Get(e.ByID[ind.NumeratorID])
				den, okD := e.Report.Values.Get(e.ByID[ind.DenominatorID])
				if rv, ok := report.RatioValue(ind, num, den); ok && okN && okD {
					row.Derived = ind.Format(rv)
				}
				pn, okN := e.Previous.Get(e.ByID[ind.NumeratorID])
				pd, okD := e.Previous.Get(e.ByID[ind.DenominatorID])
				if rv, ok := report.RatioValue(ind, pn, pd); ok && okN && okD {
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
			row.Error = errs.FieldKey(row.Field)
			v.Rows = append(v.Rows, row)
		}
	}
	return v
}

func statusKey(s report.Status, id int64) string {
	if id == 0 {
		return "report.status.new"
	}
	return "report.status." + string(s)
}

func (h *reportHandlers) entryForm(w http.ResponseWriter, r *http.Request) {
	unitID, per, err := h.params(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, ok := h.allow(w, r, auth.PermRead, unitID); !ok {
		return
	}
	t, err := h.target(r, unitID, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	e, err := h.store.Entry(r.Context(), t)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if e.Report.ID != 0 && !e.Report.Status.Editable() {
		http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", e.Report.ID), http.StatusSeeOther)
		return
	}
	if _, ok := h.allow(w, r, auth.PermWrite, unitID); !ok {
		return
	}
	h.render(w, r, http.StatusOK, "report/entry", h.entryView(w, r, e, nil, nil))
}

// readInput reads the entry form.
func readInput(r *http.Request, e report.Entry) report.Input {
	in := report.Input{Values: map[report.Key]string{}, Narrative: map[string]string{}}
	in.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	for _, ind := range e.Indicators {
		if ind.Derived() {
			continue
		}
		if parts := ind.Parts(); parts != nil {
			for _, p := range parts {
				k := report.Key{IndicatorID: ind.ID, Part: p}
				in.Values[k] = r.PostFormValue(report.FieldName(k))
			}
			continue
		}
		k := report.Key{IndicatorID: ind.ID}
		in.Values[k] = r.PostFormValue(report.FieldName(k))
	}
	for _, sec := range report.Sections {
		in.Narrative[sec.Code] = r.PostFormValue(sec.Code)
	}
	return in
}

func (h *reportHandlers) entrySave(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, apperr.Invalid("", "Biểu mẫu quá lớn."))
		return
	}
	unitID, err := strconv.ParseInt(r.PostFormValue("don-vi"), 10, 64)
	if err != nil {
		h.fail(w, r, apperr.NotFound("Không tìm thấy đơn vị."))
		return
	}
	per, err := report.ParsePeriod(r.PostFormValue("ky"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, ok := h.allow(w, r, auth.PermWrite, unitID)
	if !ok {
		return
	}
	t, err := h.target(r, unitID, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	e, err := h.store.Entry(r.Context(), t)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in := readInput(r, e)
	submit := r.PostFormValue("action") == "submit"
	var rep report.Report
	if submit {
		rep, err = h.store.Submit(r.Context(), p, t, in)
	} else {
		rep, err = h.store.SaveDraft(r.Context(), p, t, in)
	}
	if err != nil {
		code := apperr.CodeOf(err)
		if code != apperr.CodeInvalid && code != apperr.CodeConflict {
			h.fail(w, r, err)
			return
		}
		status := http.StatusBadRequest
		if code == apperr.CodeConflict {
			status = http.StatusConflict
		}
		h.render(w, r, status, "report/entry", h.entryView(w, r, e, &in, fieldErrors(err)))
		return
	}
	if submit {
		h.setFlash(w, r, "report.flash.submitted")
		http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", rep.ID), http.StatusSeeOther)
		return
	}
	h.setFlash(w, r, "report.flash.saved")
	http.Redirect(w, r, "/bao-cao/nhap?"+url.Values{"don-vi": {strconv.FormatInt(unitID, 10)}, "ky": {per.String()},
		"mau": {e.Form.Code}}.Encode(), http.StatusSeeOther)
}

// ---- show, approve, return ----

type reportShowView struct {
	reportEntryView
	Report       report.Report
	Unit         org.Unit
	CanWrite     bool
	CommentInput string
}

func (h *reportHandlers) loadShown(w http.ResponseWriter, r *http.Request) (report.Report, report.Entry, bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return report.Report{}, report.Entry{}, false
	}
	rep, err := h.store.Report(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return rep, report.Entry{}, false
	}
	if _, ok := h.allow(w, r, auth.PermRead, rep.UnitID); !ok {
		return rep, report.Entry{}, false
	}
	e, err := h.store.Entry(r.Context(), report.Target{UnitID: rep.UnitID, FormID: rep.FormID, Period: rep.Period})
	if err != nil {
		h.fail(w, r, err)
		return rep, e, false
	}
	return rep, e, true
}

func (h *reportHandlers) showView(w http.ResponseWriter, r *http.Request, rep report.Report, e report.Entry, errs apperr.Errors) (reportShowView, error) {
	v := reportShowView{reportEntryView: h.entryView(w, r, e, nil, errs), Report: rep, Unit: e.Unit}
	var err error
	p := principal(r)
	if v.CanDecide, err = h.store.CanDecide(r.Context(), p, rep.UnitID, rep.Period); err != nil {
		return v, err
	}
	if v.CanWrite, err = h.auth.Can(r.Context(), p, auth.PermWrite, rep.UnitID); err != nil {
		return v, err
	}
	return v, nil
}

func (h *reportHandlers) show(w http.ResponseWriter, r *http.Request) {
	rep, e, ok := h.loadShown(w, r)
	if !ok {
		return
	}
	v, err := h.showView(w, r, rep, e, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "report/show", v)
}

func (h *reportHandlers) decide(w http.ResponseWriter, r *http.Request) {
	rep, e, ok := h.loadShown(w, r)
	if !ok {
		return
	}
	p := principal(r)
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	var err error
	approve := strings.HasSuffix(r.URL.Path, "/duyet")
	if approve {
		_, err = h.store.Approve(r.Context(), p, rep.ID, version)
	} else {
		_, err = h.store.Return(r.Context(), p, rep.ID, version, r.PostFormValue("comment"))
	}
	if err != nil {
		code := apperr.CodeOf(err)
		if code != apperr.CodeInvalid && code != apperr.CodeConflict {
			h.fail(w, r, err)
			return
		}
		v, verr := h.showView(w, r, rep, e, fieldErrors(err))
		if verr != nil {
			h.fail(w, r, verr)
			return
		}
		v.CommentInput = r.PostFormValue("comment")
		h.render(w, r, statusOf(err), "report/show", v)
		return
	}
	if approve {
		h.setFlash(w, r, "report.flash.approved")
	} else {
		h.setFlash(w, r, "report.flash.returned")
	}
	http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", rep.ID), http.StatusSeeOther)
}

// ---- overview: my units, notifications ----

type reportIndexView struct {
	Page
	Units         []indexUnit
	Notifications []report.Notification
	Period        vntext.Period
}

type indexUnit struct {
	Unit   org.Unit
	Role   auth.Role
	Status report.Status
	Report int64
}

func (h *reportHandlers) index(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	v := reportIndexView{Page: h.page(w, r, "report.index.title"), Period: h.currentHalf()}
	seen := map[int64]bool{}
	for _, g := range p.Grants {
		if seen[g.UnitID] {
			continue
		}
		seen[g.UnitID] = true
		u, err := h.org.Get(ctx, g.UnitID, h.today())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		iu := indexUnit{Unit: u, Role: g.Role, Status: report.Missing}
		if f, err := h.store.FormFor(ctx, u.Level, vntext.Half); err == nil {
			if rep, err := h.store.Find(ctx, report.Target{UnitID: u.ID, FormID: f.ID, Period: v.Period}); err == nil {
				iu.Status, iu.Report = rep.Status, rep.ID
			}
		}
		v.Units = append(v.Units, iu)
	}
	var err error
	if v.Notifications, err = h.store.NotificationsFor(ctx, p, 10); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "report/index", v)
}

// ---- indicators ----

type indicatorListView struct {
	Page
	Groups []indicatorGroup
}

type indicatorGroup struct {
	Field      string
	Indicators []report.Indicator
}

func (h *reportHandlers) indicators(w http.ResponseWriter, r *http.Request) {
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := indicatorListView{Page: h.page(w, r, "report.ind.title")}
	for _, f := range report.Fields {
		g := indicatorGroup{Field: f.Label}
		for _, i := range inds {
			if i.Field == f.Code {
				g.Indicators = append(g.Indicators, i)
			}
		}
		if len(g.Indicators) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	h.render(w, r, http.StatusOK, "report/indicators", v)
}

// ---- import and export ----

type reportUploadView struct {
	Page
	Unit     org.Unit
	Period   vntext.Period
	Forms    []report.Form
	Form     string
	Periods  []vntext.Period
	Problems report.Problems
	Message  string
	Saved    int
}

func (h *reportHandlers) uploadView(w http.ResponseWriter, r *http.Request, unitID int64, per vntext.Period) (reportUploadView, error) {
	v := reportUploadView{Page: h.page(w, r, "report.upload.title"), Period: per, Periods: h.periodChoices(), Form: r.FormValue("mau")}
	var err error
	if v.Unit, err = h.org.Get(r.Context(), unitID, h.today()); err != nil {
		return v, err
	}
	if v.Forms, err = h.store.Forms(r.Context()); err != nil {
		return v, err
	}
	if v.Form == "" {
		v.Form = report.FormHalf
	}
	return v, nil
}

func (h *reportHandlers) uploadForm(w http.ResponseWriter, r *http.Request) {
	unitID, per, err := h.params(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, ok := h.allow(w, r, auth.PermWrite, unitID); !ok {
		return
	}
	v, err := h.uploadView(w, r, unitID, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "report/upload", v)
}

// maxUpload bounds an uploaded table.
const maxUpload = 32 << 20

func (h *reportHandlers) upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		h.fail(w, r, apperr.Invalid("file", "Tệp quá lớn (tối đa 32 MB) hoặc biểu mẫu không hợp lệ."))
		return
	}
	unitID, per, err := h.params(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, ok := h.allow(w, r, auth.PermWrite, unitID)
	if !ok {
		return
	}
	v, err := h.uploadView(w, r, unitID, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f, err := h.store.FormByCode(r.Context(), v.Form)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	saved, err := func() (int, error) {
		file, _, err := r.FormFile("tep")
		if err != nil {
			return 0, apperr.Invalid("file", "Chưa chọn tệp để tải lên.")
		}
		defer file.Close()
		data, err := io.ReadAll(io.LimitReader(file, maxUpload))
		if err != nil {
			return 0, apperr.Invalid("file", "Không đọc được tệp đã tải lên.")
		}
		rows, err := report.ReadTable(data)
		if err != nil {
			return 0, err
		}
		return h.store.Import(r.Context(), p, unitID, f, per, rows)
	}()
	if err != nil {
		var ps report.Problems
		if errors.As(err, &ps) {
			v.Problems = ps
		} else if c := apperr.CodeOf(err); c == apperr.CodeInvalid || c == apperr.CodeConflict {
			v.Message = legacyMessage(err)
		} else {
			h.fail(w, r, err)
			return
		}
		h.render(w, r, http.StatusBadRequest, "report/upload", v)
		return
	}
	v.Saved = saved
	h.render(w, r, http.StatusOK, "report/upload", v)
}

// export sends the value table (or the blank template) as XLSX or CSV.
func (h *reportHandlers) export(w http.ResponseWriter, r *http.Request) {
	unitID, per, err := h.params(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	blank := strings.HasPrefix(r.URL.Path, "/bao-cao/mau")
	perm := auth.PermRead
	if blank {
		perm = auth.PermWrite
	}
	if _, ok := h.allow(w, r, perm, unitID); !ok {
		return
	}
	code := r.URL.Query().Get("mau")
	if code == "" {
		code = report.FormHalf
	}
	f, err := h.store.FormByCode(r.Context(), code)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rows, err := h.store.Table(r.Context(), unitID, f, per, blank)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.org.Get(r.Context(), unitID, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	name := fmt.Sprintf("%s-%s-%s", strings.ToLower(u.Code), f.Code, per.String())
	if blank {
		name = "mau-" + name
	}
	csvOut := strings.HasSuffix(r.URL.Path, ".csv")
	if csvOut {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		if err := report.WriteCSV(w, report.Columns, rows); err != nil {
			h.log.WarnContext(r.Context(), "write csv", "err", err)
		}
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	if err := report.WriteXLSX(w, report.SheetName, report.Columns, rows); err != nil {
		h.log.WarnContext(r.Context(), "write xlsx", "err", err)
	}
}
