package reportui

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiIndicator is an indicator as the API shows it.
type apiIndicator struct {
	ID          int64    `json:"id"`
	Code        string   `json:"code"`
	Name        string   `json:"name"`
	Measure     string   `json:"measure"`
	NameEN      string   `json:"name_en,omitempty"`
	MeasureEN   string   `json:"measure_en,omitempty"`
	Field       string   `json:"field"`
	Aggregation string   `json:"aggregation"`
	Numerator   string   `json:"numerator,omitempty"`
	Denominator string   `json:"denominator,omitempty"`
	Percent     bool     `json:"percent"`
	Integral    bool     `json:"integral"`
	Breakdown   []string `json:"breakdown,omitempty"`
	Levels      []string `json:"levels"`
	Key         bool     `json:"key"`
	ValidFrom   string   `json:"valid_from"`
	ValidTo     *string  `json:"valid_to"`
}

// indicatorCodes reads the catalogue and the code of each indicator by
// its id: the API names indicators by code.
func (h *handlers) indicatorCodes(ctx context.Context) ([]report.Indicator, map[int64]string, error) {
	inds, err := h.store.Indicators(ctx)
	code := make(map[int64]string, len(inds))
	for _, i := range inds {
		code[i.ID] = i.Code
	}
	return inds, code, err
}

func (h *handlers) apiIndicators(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	inds, code, err := h.indicatorCodes(r.Context())
	if err != nil {
		return err
	}
	out := make([]apiIndicator, 0, len(inds))
	for _, i := range inds {
		a := apiIndicator{ID: i.ID, Code: i.Code, Name: i.Name, Measure: i.Measure, NameEN: i.NameEN, MeasureEN: i.MeasureEN, Field: i.Field, Aggregation: string(i.Aggregation),
			Numerator: code[i.NumeratorID], Denominator: code[i.DenominatorID], Percent: i.Percent, Integral: i.Integral,
			Breakdown: i.Parts(), Levels: i.Levels, Key: i.Key, ValidFrom: i.ValidFrom.Format("2006-01-02")}
		if !i.ValidTo.IsZero() {
			s := i.ValidTo.Format("2006-01-02")
			a.ValidTo = &s
		}
		out = append(out, a)
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"indicators": out})
	return nil
}

// apiReport is a report as the API shows it; values are keyed by
// indicator code, or "CODE/part" for a breakdown part.
type apiReport struct {
	ID        int64              `json:"id"`
	UnitID    int64              `json:"unit_id"`
	Form      string             `json:"form"`
	Period    string             `json:"period"`
	Status    string             `json:"status"`
	Version   int64              `json:"version"`
	Comment   string             `json:"comment,omitempty"`
	Values    map[string]float64 `json:"values"`
	Narrative map[string]string  `json:"narrative"`
}

// writeReport answers with one report as the API shows it (or with the
// error that stopped the call).
func (h *handlers) writeReport(w http.ResponseWriter, r *http.Request, rep report.Report, err error) error {
	if err != nil {
		return err
	}
	f, err := h.store.Form(r.Context(), rep.FormID)
	if err != nil {
		return err
	}
	_, code, err := h.indicatorCodes(r.Context())
	if err != nil {
		return err
	}
	a := apiReport{ID: rep.ID, UnitID: rep.UnitID, Form: f.Code, Period: rep.Period.String(), Status: string(rep.Status),
		Version: rep.Version, Comment: rep.Comment, Values: map[string]float64{}, Narrative: rep.Narrative}
	for k, v := range rep.Values {
		key := code[k.IndicatorID]
		if k.Part != "" {
			key += "/" + k.Part
		}
		a.Values[key] = v
	}
	h.JSON(w, r, http.StatusOK, a)
	return nil
}

func (h *handlers) apiGetReport(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := h.store.Report(r.Context(), p, id)
	return h.writeReport(w, r, rep, err)
}

// apiTarget reads unit_id, form and period (query or body); the form is
// the six-month or the year form by default.
func (h *handlers) apiTarget(r *http.Request, unitID int64, form, period string) (report.Target, error) {
	if unitID <= 0 {
		return report.Target{}, apperr.Invalid("unit_id", "report.api.unit")
	}
	per, err := report.ParsePeriod(period)
	if err != nil {
		return report.Target{}, err
	}
	if form == "" {
		form = report.FormHalf
		if per.Kind == vntext.Year {
			form = report.FormYear
		}
	}
	f, err := h.store.FormByCode(r.Context(), form)
	if err != nil {
		return report.Target{}, err
	}
	return report.Target{UnitID: unitID, FormID: f.ID, Period: per}, nil
}

func (h *handlers) apiFindReport(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	t, err := h.apiTarget(r, kit.FormID(q.Get("unit_id")), q.Get("form"), q.Get("period"))
	if err != nil {
		return err
	}
	rep, err := h.store.Find(r.Context(), p, t)
	return h.writeReport(w, r, rep, err)
}

// apiSaveBody is the body of POST /api/v1/reports/draft and /submit:
// values as text typed the Vietnamese way or as JSON numbers.
type apiSaveBody struct {
	UnitID    int64                      `json:"unit_id"`
	Form      string                     `json:"form"`
	Period    string                     `json:"period"`
	Version   int64                      `json:"version"`
	Values    map[string]json.RawMessage `json:"values"`
	Narrative map[string]string          `json:"narrative"`
}

func (h *handlers) apiSaveDraft(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.apiSave(w, r, p, h.store.SaveDraft)
}

func (h *handlers) apiSubmit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.apiSave(w, r, p, h.store.Submit)
}

func (h *handlers) apiSave(w http.ResponseWriter, r *http.Request, p *auth.Principal,
	save func(context.Context, *auth.Principal, report.Target, report.Input) (report.Report, error)) error {
	var body apiSaveBody
	if err := kit.ReadJSON(w, r, 0, &body); err != nil {
		return err
	}
	t, err := h.apiTarget(r, body.UnitID, body.Form, body.Period)
	if err != nil {
		return err
	}
	in, err := h.apiInput(r, body)
	if err != nil {
		return err
	}
	rep, err := save(r.Context(), p, t, in)
	return h.writeReport(w, r, rep, err)
}

// apiInput turns the body's values, keyed by indicator code ("CODE" or
// "CODE/part"), into a report input; which of them the report takes is
// for package report to check.
func (h *handlers) apiInput(r *http.Request, body apiSaveBody) (report.Input, error) {
	in := report.Input{Version: body.Version, Narrative: body.Narrative}
	if body.Values == nil {
		return in, nil
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		return in, err
	}
	byCode := map[string]int64{}
	for _, i := range inds {
		byCode[i.Code] = i.ID
	}
	var es apperr.Errors
	in.Values = map[report.Key]string{}
	for k, raw := range body.Values {
		code, part, _ := strings.Cut(k, "/")
		id, ok := byCode[code]
		if !ok {
			es.Add("values", "report.api.indicator", code)
			continue
		}
		var text string
		if err := json.Unmarshal(raw, &text); err != nil {
			var n json.Number
			if err := json.Unmarshal(raw, &n); err != nil {
				es.Add("values", "report.api.value", k)
				continue
			}
			text = strings.Replace(n.String(), ".", ",", 1)
		}
		in.Values[report.Key{IndicatorID: id, Part: part}] = text
	}
	if in.Narrative == nil {
		in.Narrative = map[string]string{}
	}
	return in, es.Err()
}

// apiDecisionBody is the body of approve and return.
type apiDecisionBody struct {
	Version int64  `json:"version"`
	Comment string `json:"comment"`
}

func (h *handlers) apiApprove(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.apiDecide(w, r, func(id int64, b apiDecisionBody) (report.Report, error) {
		return h.store.Approve(r.Context(), p, id, b.Version)
	})
}

func (h *handlers) apiReturn(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.apiDecide(w, r, func(id int64, b apiDecisionBody) (report.Report, error) {
		return h.store.Return(r.Context(), p, id, b.Version, b.Comment)
	})
}

func (h *handlers) apiDecide(w http.ResponseWriter, r *http.Request, do func(int64, apiDecisionBody) (report.Report, error)) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var body apiDecisionBody
	if err := kit.ReadJSON(w, r, 64<<10, &body); err != nil {
		return err
	}
	rep, err := do(id, body)
	return h.writeReport(w, r, rep, err)
}

type apiFigure struct {
	Code  string             `json:"code"`
	Value float64            `json:"value"`
	Rows  int                `json:"rows"`
	Parts map[string]float64 `json:"parts,omitempty"`
}

// apiQuery reads what the roll-up and the dashboard share: unit_id,
// period, view and include_submitted.
func (h *handlers) apiQuery(r *http.Request) (report.Query, error) {
	q := r.URL.Query()
	rq := report.Query{UnitID: kit.FormID(q.Get("unit_id")), IncludeSubmitted: q.Get("include_submitted") == "true", Today: h.Today()}
	if rq.UnitID == 0 {
		return rq, apperr.Invalid("unit_id", "report.api.unit")
	}
	var err error
	if rq.Period, err = report.ParsePeriod(q.Get("period")); err != nil {
		return rq, err
	}
	switch q.Get("view") {
	case "", "reported":
	case "today":
		rq.View = report.Mapped
	default:
		return rq, apperr.Invalid("view", "report.api.view")
	}
	return rq, nil
}

func viewName(v report.View) string {
	if v == report.Mapped {
		return "today"
	}
	return "reported"
}

func (h *handlers) apiRollup(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rq, err := h.apiQuery(r)
	if err != nil {
		return err
	}
	if src := r.URL.Query().Get("source"); src == "half" {
		rq.Source = vntext.Half
	}
	tot, err := h.store.Rollup(r.Context(), p, rq)
	if err != nil {
		return err
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		return err
	}
	out := []apiFigure{}
	for _, i := range inds {
		if f, ok := tot[i.ID]; ok {
			out = append(out, apiFigure{Code: i.Code, Value: f.Value, Rows: f.Rows, Parts: f.Parts})
		}
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"unit_id": rq.UnitID, "period": rq.Period.String(), "view": viewName(rq.View),
		"include_submitted": rq.IncludeSubmitted, "figures": out})
	return nil
}

// The dashboard as the API shows it: numbers without formatting.
type apiDashboard struct {
	UnitID           int64             `json:"unit_id"`
	UnitName         string            `json:"unit_name"`
	Period           string            `json:"period"`
	YearBefore       string            `json:"year_before"`
	View             string            `json:"view"`
	IncludeSubmitted bool              `json:"include_submitted"`
	Keys             []apiKeyFigure    `json:"keys"`
	Chart            *apiChart         `json:"chart"`
	Children         []apiChildFigures `json:"children"`
	Form             string            `json:"form,omitempty"`
	Progress         map[string]int    `json:"progress"`
	Behind           []apiBehind       `json:"behind"`
}

type apiKeyFigure struct {
	Code   string   `json:"code"`
	Value  *float64 `json:"value"`
	Before *float64 `json:"year_before"`
	Change *float64 `json:"change"`
	// ChangeUnit is "points" for a percentage indicator, else "percent".
	ChangeUnit string `json:"change_unit"`
}

type apiChart struct {
	Code   string     `json:"code"`
	Series []apiPoint `json:"series"`
}

type apiPoint struct {
	Period string   `json:"period"`
	Value  *float64 `json:"value"`
}

type apiChildFigures struct {
	UnitID int64               `json:"unit_id"`
	Name   string              `json:"name"`
	Values map[string]*float64 `json:"values"`
}

type apiBehind struct {
	UnitID   int64  `json:"unit_id"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	ReportID int64  `json:"report_id,omitempty"`
}

func value(f report.Figure) *float64 {
	if !f.Has {
		return nil
	}
	v := f.Value
	return &v
}

func (h *handlers) apiDashboard(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rq, err := h.apiQuery(r)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	dq := report.DashboardQuery{UnitID: rq.UnitID, Period: rq.Period, View: rq.View, IncludeSubmitted: rq.IncludeSubmitted,
		Today: rq.Today, Chart: qs.Get("chart"), Sort: qs.Get("sort"), Ascending: qs.Get("order") == "asc"}
	switch qs.Get("order") {
	case "", "asc", "desc":
	default:
		return apperr.Invalid("order", "report.api.order")
	}
	d, err := h.store.Dashboard(r.Context(), p, dq)
	if err != nil {
		return err
	}
	out := apiDashboard{UnitID: d.Unit.ID, UnitName: d.Unit.Name, Period: d.Period.String(), YearBefore: d.YearBefore.String(),
		View: viewName(dq.View), IncludeSubmitted: dq.IncludeSubmitted, Keys: []apiKeyFigure{}, Children: []apiChildFigures{},
		Form: d.Form.Code, Progress: map[string]int{}, Behind: []apiBehind{}}
	for _, k := range d.Keys {
		a := apiKeyFigure{Code: k.Indicator.Code, Value: value(k.Now), Before: value(k.Before), ChangeUnit: "percent"}
		if k.Points {
			a.ChangeUnit = "points"
		}
		if k.HasChange {
			c := k.Change
			a.Change = &c
		}
		out.Keys = append(out.Keys, a)
	}
	if d.Chart.ID != 0 {
		out.Chart = &apiChart{Code: d.Chart.Code, Series: []apiPoint{}}
		for _, pt := range d.Series {
			out.Chart.Series = append(out.Chart.Series, apiPoint{Period: pt.Period.String(), Value: value(pt.Figure)})
		}
	}
	for _, c := range d.Children {
		row := apiChildFigures{UnitID: c.Unit.ID, Name: c.Unit.Name, Values: map[string]*float64{}}
		for k, f := range c.Figures {
			row.Values[d.Keys[k].Indicator.Code] = value(f)
		}
		out.Children = append(out.Children, row)
	}
	for _, s := range report.Statuses {
		out.Progress[string(s)] = d.Counts[s]
	}
	for _, b := range d.Behind() {
		out.Behind = append(out.Behind, apiBehind{UnitID: b.Unit.ID, Name: b.Unit.Name, Status: string(b.Status), ReportID: b.ReportID})
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}
