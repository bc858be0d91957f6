package practiceui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiPractice is a model as /api/v1 shows it.
type apiPractice struct {
	ID              int64   `json:"id"`
	UnitID          int64   `json:"unit_id"`
	UnitName        string  `json:"unit_name"`
	Name            string  `json:"name"`
	Field           string  `json:"field"`
	OwnerType       string  `json:"owner_type"`
	OwnerName       string  `json:"owner_name"`
	OwnerTitle      string  `json:"owner_title,omitempty"`
	OwnerPhone      string  `json:"owner_phone,omitempty"`
	Movement        string  `json:"movement,omitempty"`
	StartedOn       string  `json:"started_on"`
	Description     string  `json:"description,omitempty"`
	Goals           string  `json:"goals,omitempty"`
	Notes           string  `json:"notes,omitempty"`
	Status          string  `json:"status"`
	ProgressOn      *string `json:"progress_on"`
	RecognizedBy    *int64  `json:"recognized_by"`
	RecognizedLevel string  `json:"recognized_level,omitempty"`
	DecisionNo      string  `json:"decision_no,omitempty"`
	RecognizedOn    *string `json:"recognized_on"`
	StoppedOn       *string `json:"stopped_on"`
	StopReason      string  `json:"stop_reason,omitempty"`
	SourceID        *int64  `json:"source_id"`
	RootID          int64   `json:"root_id"`
	Replications    int     `json:"replications"`
	Version         int64   `json:"version"`
}

func optDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func toAPI(p practice.Practice) apiPractice {
	return apiPractice{ID: p.ID, UnitID: p.UnitID, UnitName: p.UnitName, Name: p.Name, Field: string(p.Field),
		OwnerType: string(p.OwnerType), OwnerName: p.OwnerName, OwnerTitle: p.OwnerTitle, OwnerPhone: p.OwnerPhone,
		Movement: p.Movement, StartedOn: p.StartedOn.Format(time.DateOnly), Description: p.Description, Goals: p.Goals,
		Notes: p.Notes, Status: string(p.Status), ProgressOn: optDate(p.ProgressOn), RecognizedBy: optID(p.RecognizedBy),
		RecognizedLevel: string(p.RecognizedLevel), DecisionNo: p.DecisionNo, RecognizedOn: optDate(p.RecognizedOn),
		StoppedOn: optDate(p.StoppedOn), StopReason: p.StopReason, SourceID: optID(p.SourceID), RootID: p.RootID,
		Replications: p.Replications, Version: p.Version}
}

// apiList: GET /api/v1/practices?unit_id=&field=&status=&level=&period=&owner_type=&q=&limit=&offset=
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := practice.Filter{Unit: kit.FormID(q.Get("unit_id")), Field: practice.Field(q.Get("field")), Level: org.Level(q.Get("level")),
		Period: q.Get("period"), OwnerType: practice.OwnerType(q.Get("owner_type")), Search: q.Get("q")}
	switch st := q.Get("status"); st {
	case "":
	case "all":
		f.Statuses = practice.Statuses
	default:
		f.Statuses = []practice.Status{practice.Status(st)}
	}
	f.Limit, _ = strconv.Atoi(q.Get("limit"))
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	f.Offset, _ = strconv.Atoi(q.Get("offset"))
	rows, total, err := h.store.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	counts, err := h.store.Counts(r.Context(), p, f)
	if err != nil {
		return err
	}
	out := make([]apiPractice, len(rows))
	for i, p := range rows {
		out[i] = toAPI(p)
	}
	byField, byStatus := map[string]int{}, map[string]int{}
	for k, n := range counts.ByField {
		byField[string(k)] = n
	}
	for k, n := range counts.ByStatus {
		byStatus[string(k)] = n
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"total": total, "limit": f.Limit, "offset": f.Offset,
		"practices": out, "counts": map[string]any{"by_field": byField, "by_status": byStatus}})
	return nil
}

type apiResult struct {
	On        string  `json:"on"`
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	Measure   string  `json:"measure,omitempty"`
}

func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	results, err := h.store.Results(r.Context(), p, pr.ID)
	if err != nil {
		return err
	}
	rs := []apiResult{}
	for _, x := range results {
		rs = append(rs, apiResult{On: x.On.Format(time.DateOnly), Indicator: x.Indicator, Value: x.Value, Measure: x.Measure})
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"practice": toAPI(pr), "results": rs})
	return nil
}

// apiInput is the body of POST /api/v1/practices.
type apiInput struct {
	UnitID      int64  `json:"unit_id"`
	Name        string `json:"name"`
	Field       string `json:"field"`
	OwnerType   string `json:"owner_type"`
	OwnerName   string `json:"owner_name"`
	OwnerTitle  string `json:"owner_title"`
	OwnerPhone  string `json:"owner_phone"`
	Movement    string `json:"movement"`
	StartedOn   string `json:"started_on"`
	Description string `json:"description"`
	Goals       string `json:"goals"`
	Notes       string `json:"notes"`
}

func (h *handlers) apiCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiInput
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return err
	}
	started, err := kit.APIDay("started_on", in.StartedOn)
	if err != nil {
		return err
	}
	pr, err := h.store.Create(r.Context(), p, practice.Input{UnitID: in.UnitID, Name: in.Name, Field: practice.Field(in.Field),
		OwnerType: practice.OwnerType(in.OwnerType), OwnerName: in.OwnerName, OwnerTitle: in.OwnerTitle, OwnerPhone: in.OwnerPhone,
		Movement: in.Movement, StartedOn: started, Description: in.Description, Goals: in.Goals, Notes: in.Notes})
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/practices/"+strconv.FormatInt(pr.ID, 10))
	h.JSON(w, r, http.StatusCreated, map[string]any{"practice": toAPI(pr)})
	return nil
}

// apiTransitionInput is the body of POST /api/v1/practices/{id}/transitions.
type apiTransitionInput struct {
	Action     string `json:"action"` // start, recognize, stop, adopt
	On         string `json:"on"`
	ByUnitID   int64  `json:"by_unit_id"`  // recognize
	DecisionNo string `json:"decision_no"` // recognize
	Reason     string `json:"reason"`      // stop
	UnitID     int64  `json:"unit_id"`     // adopt: the adopting unit
	Name       string `json:"name"`        // adopt: optional new name
}

func (h *handlers) apiTransition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var in apiTransitionInput
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return err
	}
	on, err := kit.APIDay("on", in.On)
	if err != nil {
		return err
	}
	if on.IsZero() {
		on = h.Today()
	}
	var pr practice.Practice
	status := http.StatusOK
	switch in.Action {
	case "start":
		pr, err = h.store.Start(r.Context(), p, id, on)
	case "recognize":
		pr, err = h.store.Recognize(r.Context(), p, id, practice.Recognition{ByUnitID: in.ByUnitID, DecisionNo: in.DecisionNo, On: on})
	case "stop":
		pr, err = h.store.Stop(r.Context(), p, id, on, in.Reason)
	case "adopt":
		pr, err = h.store.Adopt(r.Context(), p, id, practice.Adoption{UnitID: in.UnitID, Name: in.Name, StartedOn: on})
		status = http.StatusCreated
	default:
		err = apperr.Invalid("action", "practice.api.err.action")
	}
	if err != nil {
		return err
	}
	h.JSON(w, r, status, map[string]any{"practice": toAPI(pr)})
	return nil
}
