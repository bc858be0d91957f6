package reportui

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// Uploading a filled value table, and exporting one (filled, or the
// blank template).

type uploadView struct {
	kit.Page
	Unit     org.Unit
	Period   vntext.Period
	Forms    []report.Form
	Form     string
	Periods  []vntext.Period
	Problems report.Problems
	Message  string
	Saved    int
}

// uploadView reads the upload page's choices, which only someone who may
// enter the unit's figures gets.
func (h *handlers) uploadView(w http.ResponseWriter, r *http.Request, p *auth.Principal) (uploadView, error) {
	unitID, per, err := h.params(r)
	if err != nil {
		return uploadView{}, err
	}
	c, err := h.store.ImportChoices(r.Context(), p, unitID)
	if err != nil {
		return uploadView{}, err
	}
	v := uploadView{Page: h.Page(w, r, "report.upload.title"), Unit: c.Unit, Forms: c.Forms, Period: per,
		Periods: h.periodChoices(), Form: r.FormValue("mau")}
	if v.Form == "" {
		v.Form = report.FormHalf
	}
	return v, nil
}

func (h *handlers) uploadForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.uploadView(w, r, p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "upload", v)
	return nil
}

// maxUpload bounds an uploaded table.
const maxUpload = kit.MaxRequestBody

func (h *handlers) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.uploadView(w, r, p)
	if err != nil {
		return err
	}
	f, err := h.store.FormByCode(r.Context(), v.Form)
	if err != nil {
		return err
	}
	v.Saved, err = h.importFile(r, p, v.Unit.ID, f, v.Period)
	var ps report.Problems
	switch c := apperr.CodeOf(err); {
	case err == nil:
		h.tmpl.Render(w, r, http.StatusOK, "upload", v)
		return nil
	case errors.As(err, &ps):
		v.Problems = ps
	case c == apperr.CodeInvalid || c == apperr.CodeConflict:
		v.Message = h.Message(r, err)
	default:
		return err
	}
	h.tmpl.Render(w, r, http.StatusBadRequest, "upload", v)
	return nil
}

// importFile reads the uploaded file ?tep= and imports it.
func (h *handlers) importFile(r *http.Request, p *auth.Principal, unitID int64, f report.Form, per vntext.Period) (int, error) {
	file, _, err := r.FormFile("tep")
	if err != nil {
		return 0, apperr.Invalid("file", "report.upload.nofile")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxUpload))
	if err != nil {
		return 0, apperr.Invalid("file", "report.upload.unreadable")
	}
	rows, err := report.ReadTable(data)
	if err != nil {
		return 0, err
	}
	return h.store.Import(r.Context(), p, unitID, f, per, rows)
}

// exportForm reads the page's parameters and the form ?mau= (the
// six-month form by default).
func (h *handlers) exportForm(r *http.Request) (int64, vntext.Period, report.Form, error) {
	unitID, per, err := h.params(r)
	if err != nil {
		return 0, per, report.Form{}, err
	}
	code := r.URL.Query().Get("mau")
	if code == "" {
		code = report.FormHalf
	}
	f, err := h.store.FormByCode(r.Context(), code)
	return unitID, per, f, err
}

// template sends the blank value table to fill in (XLSX).
func (h *handlers) template(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID, per, f, err := h.exportForm(r)
	if err != nil {
		return err
	}
	t, err := h.store.Template(r.Context(), p, unitID, f, per)
	if err != nil {
		return err
	}
	h.sendXLSX(w, r, "mau-"+fileName(t), t)
	return nil
}

// The dashboard's exports are what the dashboard shows: the units in the
// tree's order, the figures of the reports it counts (approved, or
// submitted too with ?gom=cho-duyet; others' rows keep their status and
// no figure), a total per summed indicator, and in each row the period
// and which reports are counted.
func (h *handlers) exportXLSX(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.exportTable(r, p)
	if err != nil {
		return err
	}
	rows, err := h.exportRows(r, t)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+fileName(t)+`.xlsx"`)
	if err := report.WriteXLSX(w, report.SheetName, h.exportHeader(r), rows); err != nil {
		h.LogError(r, "write xlsx", err)
	}
	return nil
}

func (h *handlers) exportCSV(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.exportTable(r, p)
	if err != nil {
		return err
	}
	rows, err := h.exportRows(r, t)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+fileName(t)+`.csv"`)
	if err := report.WriteCSV(w, h.exportHeader(r), rows); err != nil {
		h.LogError(r, "write csv", err)
	}
	return nil
}

// exportHeader is the header of an export: the table's, the period and
// which reports are counted.
func (h *handlers) exportHeader(r *http.Request) []string {
	return append(h.header(r), h.T(r, "report.count"))
}

// exportRows are the rows of an export: each unit's (figures only of
// counted reports), then a total per summed indicator and breakdown when
// the table covers several units.
func (h *handlers) exportRows(r *http.Request, t report.Table) ([][]any, error) {
	withSubmitted := r.URL.Query().Get("gom") == "cho-duyet"
	counted := func(s report.Status) bool { return s == report.Approved || (withSubmitted && s == report.Submitted) }
	rule := h.T(r, "report.count.approved")
	if withSubmitted {
		rule = h.T(r, "report.count.submitted")
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		return nil, err
	}
	summed := map[string]bool{}
	for _, ind := range inds {
		summed[ind.Code] = ind.Aggregation == report.Sum
	}
	type key struct{ code, part string }
	type total struct {
		row   report.TableRow
		units int
	}
	var order []key
	totals := map[key]*total{}
	units := map[string]bool{}
	for i, row := range t.Rows {
		units[row.UnitCode] = true
		if !counted(row.Status) {
			t.Rows[i].HasValue = false
		}
		k := key{row.IndicatorCode, row.Part}
		tot, ok := totals[k]
		if !ok {
			tot = &total{row: report.TableRow{IndicatorCode: row.IndicatorCode, IndicatorName: row.IndicatorName, Measure: row.Measure, Part: row.Part}}
			totals[k] = tot
			order = append(order, k)
		}
		if t.Rows[i].HasValue {
			tot.row.Value += row.Value
			tot.row.HasValue = true
			tot.units++
		}
	}
	out := h.cells(r, t)
	for i := range out {
		out[i] = append(out[i], rule)
	}
	if len(units) < 2 {
		return out, nil
	}
	period := h.Text(r, t.Period.Message())
	none := func(report.Status) string { return "" }
	for _, k := range order {
		tot := totals[k]
		if !summed[k.code] {
			continue // an average or a ratio is not the sum of its units
		}
		tot.row.UnitName = h.T(r, "report.export.total", vntext.FormatInt(int64(tot.units)))
		out = append(out, append(tot.row.Cells(none), period, rule))
	}
	return out, nil
}

// exportTable reads the filled value table the request asks for.
func (h *handlers) exportTable(r *http.Request, p *auth.Principal) (report.Table, error) {
	unitID, per, f, err := h.exportForm(r)
	if err != nil {
		return report.Table{}, err
	}
	return h.store.Table(r.Context(), p, unitID, f, per)
}
func (h *handlers) sendXLSX(w http.ResponseWriter, r *http.Request, name string, t report.Table) {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	if err := report.WriteXLSX(w, report.SheetName, h.header(r), h.cells(r, t)); err != nil {
		h.LogError(r, "write xlsx", err)
	}
}

// fileName names an exported table: unit code, form and period.
func fileName(t report.Table) string {
	return fmt.Sprintf("%s-%s-%s", strings.ToLower(t.Unit.Code), t.Form.Code, t.Period.String())
}

// header is the value table's header in the reader's language, and a
// last column naming the period (an upload reads columns by position and
// never that one).
func (h *handlers) header(r *http.Request) []string {
	out := make([]string, len(report.ColumnKeys), len(report.ColumnKeys)+1)
	for i, k := range report.ColumnKeys {
		out[i] = h.T(r, k)
	}
	return append(out, h.T(r, "report.col.period"))
}

// cells are a table's rows, statuses and the period in the reader's
// language.
func (h *handlers) cells(r *http.Request, t report.Table) [][]any {
	status := func(s report.Status) string { return h.Text(r, s.Message()) }
	period := h.Text(r, t.Period.Message())
	out := make([][]any, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = append(row.Cells(status), period)
	}
	return out
}

// MaxFile is the largest table the upload reads, for the browser's check
// before it sends one.
func (uploadView) MaxFile() int64 { return maxUpload }
