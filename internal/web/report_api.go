package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// apiIndicator is an indicator as the API shows it.
type apiIndicator struct {
	ID          int64    `json:"id"`
	Code        string   `json:"code"`
	Name        string   `json:"name"`
	Measure     string   `json:"measure"`
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

func (h *reportHandlers) apiIndicators(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.apiUser(w, r); !ok {
		return
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	code := map[int64]string{}
	for _, i := range inds {
		code[i.ID] = i.Code
	}
	out := make([]apiIndicator, 0, len(inds))
	for _, i := range inds {
		a := apiIndicator{ID: i.ID, Code: i.Code, Name: i.Name, Measure: i.Measure, Field: i.Field, Aggregation: string(i.Aggregation),
			Numerator: code[i.NumeratorID], Denominator: code[i.DenominatorID], Percent: i.Percent, Integral: i.Integral,
			Breakdown: i.Parts(), Levels: i.Levels, Key: i.Key, ValidFrom: i.ValidFrom.Format("2006-01-02")}
		if !i.ValidTo.IsZero() {
			s := i.ValidTo.Format("2006-01-02")
			a.ValidTo = &s
		}
		out = append(out, a)
	}
	h.writeJSON(w, r, http.StatusOK, map[string]any{"indicators": out})
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

func (h *reportHandlers) toAPIReport(r *http.Request, rep report.Report) (apiReport, error) {
	f, err := h.store.Form(r.Context(), rep.FormID)
	if err != nil {
		return apiReport{}, err
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		return apiReport{}, err
	}
	code := map[int64]string{}
	for _, i := range inds {
		code[i.ID] = i.Code
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
	return a, nil
}

func (h *reportHandlers) apiGetReport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if _, ok := h.apiUser(w, r); !ok {
		return
	}
	rep, err := h.store.Report(r.Context(), id)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if _, ok := h.apiAllow(w, r, auth.PermRead, rep.UnitID); !ok {
		return
	}
	h.writeReport(w, r, http.StatusOK, rep)
}

// apiTarget reads unit_id, form and period (query or body).
func (h *reportHandlers) apiTarget(r *http.Request, unitID int64, form, period string) (report.Target, error) {
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

func (h *reportHandlers) apiFindReport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	unitID, _ := strconv.ParseInt(q.Get("unit_id"), 10, 64)
	if _, ok := h.apiAllow(w, r, auth.PermRead, unitID); !ok {
		return
	}
	t, err := h.apiTarget(r, unitID, q.Get("form"), q.Get("period"))
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	rep, err := h.store.Find(r.Context(), t)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	h.writeReport(w, r, http.StatusOK, rep)
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

func (h *reportHandlers) apiSave(w http.ResponseWriter, r *http.Request) {
	p, ok := h.apiUser(w, r)
	if !ok {
		return
	}
	var body apiSaveBody
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		h.apiError(w, r, apperr.Invalid("", "Nội dung yêu cầu không phải JSON hợp lệ."))
		return
	}
	t, err := h.apiTarget(r, body.UnitID, body.Form, body.Period)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	byCode := map[string]int64{}
	for _, i := range inds {
		byCode[i.Code] = i.ID
	}
	in := report.Input{Version: body.Version, Narrative: body.Narrative}
	if body.Values != nil {
		in.Values = map[report.Key]string{}
		for k, raw := range body.Values {
			code, part, _ := strings.Cut(k, "/")
			id, ok := byCode[code]
			if !ok {
				h.apiError(w, r, apperr.Invalid("values", "Không có chỉ tiêu mã "+code+"."))
				return
			}
			var text string
			if err := json.Unmarshal(raw, &text); err != nil {
				var n json.Number
				if err := json.Unmarshal(raw, &n); err != nil {
					h.apiError(w, r, apperr.Invalid("values", "Giá trị của "+k+" phải là số hoặc chuỗi."))
					return
				}
				text = strings.Replace(n.String(), ".", ",", 1)
			}
			in.Values[report.Key{IndicatorID: id, Part: part}] = text
		}
		if in.Narrative == nil {
			in.Narrative = map[string]string{}
		}
	}
	var rep report.Report
	if strings.HasSuffix(r.URL.Path, "/submit") {
		rep, err = h.store.Submit(r.Context(), p, t, in)
	} else {
		rep, err = h.store.SaveDraft(r.Context(), p, t, in)
	}
	if err != nil {
		h.apiErrors(w, r, err)
		return
	}
	h.writeReport(w, r, http.StatusOK, rep)
}

// apiErrors answers a validation with every field error.
func (h *reportHandlers) apiErrors(w http.ResponseWriter, r *http.Request, err error) {
	es, ok := err.(apperr.Errors)
	if !ok || len(es) < 2 {
		h.apiError(w, r, err)
		return
	}
	type fe struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	}
	list := make([]fe, len(es))
	for i, e := range es {
		list[i] = fe{e.Field, legacyText(e.Key, e.Args)}
	}
	h.writeJSON(w, r, http.StatusBadRequest, map[string]any{"error": map[string]any{
		"code": "invalid", "message": legacyText(es[0].Key, es[0].Args), "field": es[0].Field, "fields": list}})
}

func (h *reportHandlers) apiDecide(w http.ResponseWriter, r *http.Request) {
	p, ok := h.apiUser(w, r)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	var body struct {
		Version int64  `json:"version"`
		Comment string `json:"comment"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&body); err != nil {
		h.apiError(w, r, apperr.Invalid("", "Nội dung yêu cầu không phải JSON hợp lệ."))
		return
	}
	var rep report.Report
	if strings.HasSuffix(r.URL.Path, "/approve") {
		rep, err = h.store.Approve(r.Context(), p, id, body.Version)
	} else {
		rep, err = h.store.Return(r.Context(), p, id, body.Version, body.Comment)
	}
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	h.writeReport(w, r, http.StatusOK, rep)
}

type apiFigure struct {
	Code  string             `json:"code"`
	Value float64            `json:"value"`
	Rows  int                `json:"rows"`
	Parts map[string]float64 `json:"parts,omitempty"`
}

func (h *reportHandlers) apiRollup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	unitID, _ := strconv.ParseInt(q.Get("unit_id"), 10, 64)
	if _, ok := h.apiAllow(w, r, auth.PermRead, unitID); !ok {
		return
	}
	per, err := report.ParsePeriod(q.Get("period"))
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	rq := report.Query{UnitID: unitID, Period: per, IncludeSubmitted: q.Get("include_submitted") == "true", Today: h.today()}
	switch q.Get("view") {
	case "", "reported":
	case "today":
		rq.View = report.Mapped
	default:
		h.apiError(w, r, apperr.Invalid("view", "view phải là reported hoặc today."))
		return
	}
	if src := q.Get("source"); src == "half" {
		rq.Source = vntext.Half
	}
	tot, err := h.store.Rollup(r.Context(), rq)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	out := []apiFigure{}
	for _, i := range inds {
		if f, ok := tot[i.ID]; ok {
			out = append(out, apiFigure{Code: i.Code, Value: f.Value, Rows: f.Rows, Parts: f.Parts})
		}
	}
	view := "reported"
	if rq.View == report.Mapped {
		view = "today"
	}
	h.writeJSON(w, r, http.StatusOK, map[string]any{"unit_id": unitID, "period": per.String(), "view": view,
		"include_submitted": rq.IncludeSubmitted, "figures": out})
}

// writeReport answers with one report as the API shows it.
func (h *reportHandlers) writeReport(w http.ResponseWriter, r *http.Request, status int, rep report.Report) {
	a, err := h.toAPIReport(r, rep)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	h.writeJSON(w, r, status, a)
}
