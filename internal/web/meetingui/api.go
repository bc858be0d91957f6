package meetingui

import (
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/kit"
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

type apiPerson struct {
	PersonID int64  `json:"person_id,omitempty"`
	Name     string `json:"name"`
	Title    string `json:"title,omitempty"`
	UnitID   int64  `json:"unit_id,omitempty"`
}

type apiFigure struct {
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	About     string  `json:"about"`
	Indicator string  `json:"indicator,omitempty"`
}

type apiTask struct {
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
	Summary        string      `json:"summary,omitempty"`
	Outcome        string      `json:"outcome,omitempty"`
	Chairs         []apiPerson `json:"chairs"`
	Attendees      []apiPerson `json:"attendees"`
	Speakers       []apiPerson `json:"speakers"`
	AttendingUnits []int64     `json:"attending_units"`
	Figures        []apiFigure `json:"figures"`
	TaskList       []apiTask   `json:"task_list"`
	Source         string      `json:"source,omitempty"`
}

// iso writes a day as YYYY-MM-DD, "" for none.
func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toAPITask(t meeting.Task, today time.Time) apiTask {
	return apiTask{ID: t.ID, ConferenceID: t.ConferenceID, Title: t.Title, DueOn: iso(t.DueOn), Period: t.Period,
		DueEnd: iso(t.DueEnd), Status: string(t.Status), DropReason: t.DropReason, Indicator: t.IndicatorCode,
		Owners: append([]int64{}, t.Owners...), Overdue: t.Overdue(today), Version: t.Version}
}

func toAPIDetail(c meeting.Conference, today time.Time) apiConferenceDetail {
	d := apiConferenceDetail{apiConferenceRow: apiConferenceRow{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Kind: string(c.Kind),
		Title: c.Title, HeldOn: iso(c.HeldOn), Time: c.TimeOfDay, Place: c.Place, Period: c.Period, Tasks: len(c.Tasks)},
		Summary: c.Summary, Outcome: c.Outcome, Chairs: []apiPerson{}, Attendees: []apiPerson{}, Speakers: []apiPerson{},
		AttendingUnits: append([]int64{}, c.AttendingUnits...), Figures: []apiFigure{}, TaskList: []apiTask{}, Source: c.SourceName}
	for _, p := range c.Participants {
		ap := apiPerson{PersonID: p.PersonID, Name: p.Name, Title: p.Title, UnitID: p.UnitID}
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
		d.Figures = append(d.Figures, apiFigure{Value: f.Value, Unit: f.Unit, About: f.About, Indicator: f.IndicatorCode})
	}
	for _, t := range c.Tasks {
		d.TaskList = append(d.TaskList, toAPITask(t, today))
	}
	return d
}

func (h *handlers) apiConferences(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	f := meeting.Filter{Kind: meeting.Kind(q.Get("kind")), Period: q.Get("period"), Query: q.Get("q"), UnitID: kit.FormID(q.Get("unit")),
		Limit: limit, Offset: offset}
	rows, total, err := h.meetings.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, func(c meeting.Row) apiConferenceRow {
		return apiConferenceRow{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Kind: string(c.Kind), Title: c.Title,
			HeldOn: iso(c.HeldOn), Time: c.Time, Place: c.Place, Period: c.Period, Tasks: c.Tasks}
	}))
	return nil
}

func (h *handlers) apiConference(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIDetail(c, h.Today()))
	return nil
}

// apiConferenceInput is the body of POST /api/v1/conferences.
type apiConferenceInput struct {
	UnitID         int64       `json:"unit_id"`
	Kind           string      `json:"kind"`
	Title          string      `json:"title"`
	HeldOn         string      `json:"held_on"`
	Time           string      `json:"time_of_day"`
	Place          string      `json:"place"`
	Period         string      `json:"period"`
	Summary        string      `json:"summary"`
	Outcome        string      `json:"outcome"`
	Chairs         []apiPerson `json:"chairs"`
	Attendees      []apiPerson `json:"attendees"`
	Speakers       []apiPerson `json:"speakers"`
	AttendingUnits []int64     `json:"attending_units"`
	Figures        []apiFigure `json:"figures"`
	Tasks          []apiTask   `json:"tasks"`
}

// conference turns the body into a conference.
func (in apiConferenceInput) conference() (meeting.Conference, error) {
	c := meeting.Conference{UnitID: in.UnitID, Kind: meeting.Kind(in.Kind), Title: in.Title, TimeOfDay: in.Time, Place: in.Place,
		Period: in.Period, Summary: in.Summary, Outcome: in.Outcome, AttendingUnits: in.AttendingUnits}
	var err error
	if c.HeldOn, err = kit.APIDay("held_on", in.HeldOn); err != nil {
		return c, err
	}
	add := func(ps []apiPerson, role meeting.Role) {
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
		if task.DueOn, err = kit.APIDay("due_on", t.DueOn); err != nil {
			return c, err
		}
		c.Tasks = append(c.Tasks, task)
	}
	return c, nil
}

func (h *handlers) apiCreateConference(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiConferenceInput
	if err := kit.ReadJSON(w, r, 4<<20, &in); err != nil {
		return err
	}
	c, err := in.conference()
	if err == nil {
		c, err = h.meetings.Create(r.Context(), p, c)
	}
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusCreated, toAPIDetail(c, h.Today()))
	return nil
}

func (h *handlers) apiTasks(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	f := meeting.TaskFilter{Query: q.Get("q"), Status: meeting.Status(q.Get("status")), Limit: limit, Offset: offset}
	if o := q.Get("overdue"); o == "true" || o == "1" {
		f.OverdueOn = h.Today()
	}
	if u := q.Get("unit"); u != "" {
		if f.UnitID = kit.FormID(u); f.UnitID == 0 {
			return apperr.Invalid("unit", "meetingui.err.unit")
		}
	}
	ts, total, err := h.meetings.Tasks(r.Context(), p, f)
	if err != nil {
		return err
	}
	today := h.Today()
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, ts, func(t meeting.Task) apiTask { return toAPITask(t, today) }))
	return nil
}

func (h *handlers) apiTask(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.loadTask(r, p)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPITask(t, h.Today()))
	return nil
}

func (h *handlers) apiTaskStatus(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.loadTask(r, p)
	if err != nil {
		return err
	}
	var in struct {
		Status  string `json:"status"`
		Reason  string `json:"reason"`
		Note    string `json:"note"`
		Version int64  `json:"version"`
	}
	if err := kit.ReadJSON(w, r, 64<<10, &in); err != nil {
		return err
	}
	t, err = h.meetings.UpdateTask(r.Context(), p, meeting.TaskUpdate{ID: t.ID, Version: in.Version, Status: meeting.Status(in.Status), Reason: in.Reason, Note: in.Note})
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPITask(t, h.Today()))
	return nil
}
