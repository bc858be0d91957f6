package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
)

// apiConferenceRow is a conference in API lists.
type apiConferenceRow struct {
	ID     int64  `json:"id"`
	UnitID int64  `json:"unit_id"`
	Unit   string `json:"unit"`
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	HeldOn string `json:"held_on"`
	Time   string `json:"time_of_day,omitempty"`
	Place  string `json:"place,omitempty"`
	Period string `json:"period,omitempty"`
	Tasks  int    `json:"tasks"`
}

type apiMeetingPerson struct {
	PersonID int64  `json:"person_id,omitempty"`
	Name     string `json:"name"`
	Title    string `json:"title,omitempty"`
	UnitID   int64  `json:"unit_id,omitempty"`
}

type apiMeetingFigure struct {
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	About     string  `json:"about"`
	Indicator string  `json:"indicator,omitempty"`
}

type apiMeetingTask struct {
	ID           int64   `json:"id,omitempty"`
	ConferenceID int64   `json:"conference_id,omitempty"`
	Title        string  `json:"title"`
	DueOn        string  `json:"due_on,omitempty"`
	Period       string  `json:"period,omitempty"`
	DueEnd       string  `json:"due_end,omitempty"`
	Status       string  `json:"status,omitempty"`
	DropReason   string  `json:"drop_reason,omitempty"`
	Indicator    string  `json:"indicator,omitempty"`
	Owners       []int64 `json:"owners"`
	Overdue      bool    `json:"overdue"`
	Version      int64   `json:"version,omitempty"`
}

type apiConferenceDetail struct {
	apiConferenceRow
	Summary        string             `json:"summary,omitempty"`
	Outcome        string             `json:"outcome,omitempty"`
	Chairs         []apiMeetingPerson `json:"chairs"`
	Attendees      []apiMeetingPerson `json:"attendees"`
	Speakers       []apiMeetingPerson `json:"speakers"`
	AttendingUnits []int64            `json:"attending_units"`
	Figures        []apiMeetingFigure `json:"figures"`
	TaskList       []apiMeetingTask   `json:"task_list"`
	Source         string             `json:"source,omitempty"`
}

func meetingISO(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func meetingAPITask(t meeting.Task, today time.Time) apiMeetingTask {
	return apiMeetingTask{ID: t.ID, ConferenceID: t.ConferenceID, Title: t.Title, DueOn: meetingISO(t.DueOn), Period: t.Period,
		DueEnd: meetingISO(t.DueEnd), Status: string(t.Status), DropReason: t.DropReason, Indicator: t.IndicatorCode,
		Owners: append([]int64{}, t.Owners...), Overdue: t.Overdue(today), Version: t.Version}
}

func meetingAPIDetail(c meeting.Conference, today time.Time) apiConferenceDetail {
	d := apiConferenceDetail{apiConferenceRow: apiConferenceRow{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Kind: string(c.Kind),
		Title: c.Title, HeldOn: meetingISO(c.HeldOn), Time: c.TimeOfDay, Place: c.Place, Period: c.Period, Tasks: len(c.Tasks)},
		Summary: c.Summary, Outcome: c.Outcome, Chairs: []apiMeetingPerson{}, Attendees: []apiMeetingPerson{}, Speakers: []apiMeetingPerson{},
		AttendingUnits: append([]int64{}, c.AttendingUnits...), Figures: []apiMeetingFigure{}, TaskList: []apiMeetingTask{}, Source: c.SourceName}
	for _, p := range c.Participants {
		ap := apiMeetingPerson{PersonID: p.PersonID, Name: p.Name, Title: p.Title, UnitID: p.UnitID}
		switch p.Role {
		case meeting.Chair:
			d.Chairs = append(d.Chairs, ap)
		case meeting.Speaker:
			d.Speakers = append(d.Speakers, ap)
		default:
			d.Attendees = append(d.Attendees, ap)
		}
	}
	for _, f := range c.Figures {
		d.Figures = append(d.Figures, apiMeetingFigure{Value: f.Value, Unit: f.Unit, About: f.About, Indicator: f.IndicatorCode})
	}
	for _, t := range c.Tasks {
		d.TaskList = append(d.TaskList, meetingAPITask(t, today))
	}
	return d
}

func meetingAPILimit(r *http.Request) (int, int) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	return limit, max(offset, 0)
}

func (h *meetingHandlers) apiScope(w http.ResponseWriter, r *http.Request) (unitScope, bool) {
	if _, ok := h.apiUser(w, r); !ok {
		return unitScope{}, false
	}
	sc, err := h.scopeOf(r, auth.PermRead)
	if err != nil {
		h.apiError(w, r, err)
		return unitScope{}, false
	}
	return sc, true
}

func (h *meetingHandlers) apiConferences(w http.ResponseWriter, r *http.Request) {
	sc, ok := h.apiScope(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	limit, offset := meetingAPILimit(r)
	f := meeting.Filter{All: sc.All, Units: sc.IDs, Kind: meeting.Kind(q.Get("kind")), Period: q.Get("period"), Query: q.Get("q"), Limit: limit, Offset: offset}
	f.UnitID, _ = strconv.ParseInt(q.Get("unit"), 10, 64)
	if f.Kind != "" && !f.Kind.Valid() {
		h.apiError(w, r, apperr.Invalid("kind", "Loại hội nghị không hợp lệ."))
		return
	}
	rows, total, err := h.store.List(r.Context(), f)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	out := struct {
		Total int                `json:"total"`
		Items []apiConferenceRow `json:"items"`
	}{Total: total, Items: []apiConferenceRow{}}
	for _, c := range rows {
		out.Items = append(out.Items, apiConferenceRow{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Kind: string(c.Kind), Title: c.Title,
			HeldOn: meetingISO(c.HeldOn), Time: c.Time, Place: c.Place, Period: c.Period, Tasks: c.Tasks})
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

func (h *meetingHandlers) apiConference(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.apiUser(w, r); !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	c, err := h.store.Conference(r.Context(), id)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if _, ok := h.apiAllow(w, r, auth.PermRead, c.UnitID); !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, meetingAPIDetail(c, h.today()))
}

// apiConferenceInput is the body of POST /api/v1/conferences.
type apiConferenceInput struct {
	UnitID         int64              `json:"unit_id"`
	Kind           string             `json:"kind"`
	Title          string             `json:"title"`
	HeldOn         string             `json:"held_on"`
	Time           string             `json:"time_of_day"`
	Place          string             `json:"place"`
	Period         string             `json:"period"`
	Summary        string             `json:"summary"`
	Outcome        string             `json:"outcome"`
	Chairs         []apiMeetingPerson `json:"chairs"`
	Attendees      []apiMeetingPerson `json:"attendees"`
	Speakers       []apiMeetingPerson `json:"speakers"`
	AttendingUnits []int64            `json:"attending_units"`
	Figures        []apiMeetingFigure `json:"figures"`
	Tasks          []apiMeetingTask   `json:"tasks"`
}

func (h *meetingHandlers) apiCreateConference(w http.ResponseWriter, r *http.Request) {
	p, ok := h.apiUser(w, r)
	if !ok {
		return
	}
	var in apiConferenceInput
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		h.apiError(w, r, apperr.Invalid("", "Nội dung JSON không hợp lệ."))
		return
	}
	if err := h.auth.Require(r.Context(), p, auth.PermWrite, in.UnitID); err != nil {
		h.apiError(w, r, err)
		return
	}
	c := meeting.Conference{UnitID: in.UnitID, Kind: meeting.Kind(in.Kind), Title: in.Title, TimeOfDay: in.Time, Place: in.Place,
		Period: in.Period, Summary: in.Summary, Outcome: in.Outcome, AttendingUnits: in.AttendingUnits}
	if in.HeldOn != "" {
		t, err := time.Parse(time.DateOnly, in.HeldOn)
		if err != nil {
			h.apiError(w, r, apperr.Invalid("held_on", "Ngày phải có dạng YYYY-MM-DD."))
			return
		}
		c.HeldOn = t
	}
	add := func(ps []apiMeetingPerson, role meeting.Role) {
		for _, x := range ps {
			c.Participants = append(c.Participants, meeting.Participant{PersonID: x.PersonID, Name: x.Name, Title: x.Title, UnitID: x.UnitID, Role: role})
		}
	}
	add(in.Chairs, meeting.Chair)
	add(in.Speakers, meeting.Speaker)
	add(in.Attendees, meeting.Attendee)
	for _, f := range in.Figures {
		c.Figures = append(c.Figures, meeting.Figure{Value: f.Value, Unit: f.Unit, About: f.About, IndicatorCode: f.Indicator})
	}
	for _, t := range in.Tasks {
		task := meeting.Task{Title: t.Title, Period: t.Period, IndicatorCode: t.Indicator, Owners: t.Owners}
		if t.DueOn != "" {
			d, err := time.Parse(time.DateOnly, t.DueOn)
			if err != nil {
				h.apiError(w, r, apperr.Invalid("due_on", "Ngày phải có dạng YYYY-MM-DD."))
				return
			}
			task.DueOn = d
		}
		for _, o := range t.Owners {
			if err := h.auth.Require(r.Context(), p, auth.PermRead, o); err != nil {
				h.apiError(w, r, err)
				return
			}
		}
		c.Tasks = append(c.Tasks, task)
	}
	saved, err := h.store.Create(r.Context(), c)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusCreated, meetingAPIDetail(saved, h.today()))
}

func (h *meetingHandlers) apiTasks(w http.ResponseWriter, r *http.Request) {
	sc, ok := h.apiScope(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	limit, offset := meetingAPILimit(r)
	f := meeting.TaskFilter{Query: q.Get("q"), Limit: limit, Offset: offset}
	if q.Get("overdue") == "true" || q.Get("overdue") == "1" {
		f.OverdueOn = h.today()
	}
	if s := q.Get("status"); s != "" {
		if !meeting.Status(s).Valid() {
			h.apiError(w, r, apperr.Invalid("status", "Trạng thái không hợp lệ."))
			return
		}
		f.Status = meeting.Status(s)
	}
	all, units := sc.All, sc.IDs
	if u := q.Get("unit"); u != "" {
		id, err := strconv.ParseInt(u, 10, 64)
		if err != nil {
			h.apiError(w, r, apperr.Invalid("unit", "Mã đơn vị không hợp lệ."))
			return
		}
		if _, ok := h.apiAllow(w, r, auth.PermRead, id); !ok {
			return
		}
		all, units = false, []int64{id}
	}
	ts, total, err := h.store.TasksForUnits(r.Context(), all, units, f)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	out := struct {
		Total int              `json:"total"`
		Items []apiMeetingTask `json:"items"`
	}{Total: total, Items: []apiMeetingTask{}}
	for _, t := range ts {
		out.Items = append(out.Items, meetingAPITask(t, h.today()))
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

// apiTaskFor loads task {id} and checks perm on its conference's unit or
// one of its owners.
func (h *meetingHandlers) apiTaskFor(w http.ResponseWriter, r *http.Request, perm auth.Permission) (meeting.Task, bool) {
	p, ok := h.apiUser(w, r)
	if !ok {
		return meeting.Task{}, false
	}
	id, err := pathID(r)
	if err != nil {
		h.apiError(w, r, err)
		return meeting.Task{}, false
	}
	t, err := h.store.Task(r.Context(), id)
	if err != nil {
		h.apiError(w, r, err)
		return meeting.Task{}, false
	}
	for _, u := range append([]int64{t.UnitID}, t.Owners...) {
		if ok, err := h.auth.Can(r.Context(), p, perm, u); err == nil && ok {
			return t, true
		}
	}
	h.apiError(w, r, apperr.Forbidden("Bạn không có quyền với nhiệm vụ này."))
	return meeting.Task{}, false
}

func (h *meetingHandlers) apiTask(w http.ResponseWriter, r *http.Request) {
	t, ok := h.apiTaskFor(w, r, auth.PermRead)
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, meetingAPITask(t, h.today()))
}

func (h *meetingHandlers) apiTaskStatus(w http.ResponseWriter, r *http.Request) {
	t, ok := h.apiTaskFor(w, r, auth.PermWrite)
	if !ok {
		return
	}
	var in struct {
		Status  string `json:"status"`
		Reason  string `json:"reason"`
		Note    string `json:"note"`
		Version int64  `json:"version"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		h.apiError(w, r, apperr.Invalid("", "Nội dung JSON không hợp lệ."))
		return
	}
	u := meeting.TaskUpdate{ID: t.ID, Version: in.Version, Status: meeting.Status(in.Status), Reason: in.Reason, Note: in.Note}
	if p := principal(r); p != nil {
		u.Author = p.User.Name
	}
	nt, err := h.store.UpdateTask(r.Context(), u)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, meetingAPITask(nt, h.today()))
}
