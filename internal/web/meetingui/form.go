package meetingui

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// conferenceForm is the conference form exactly as the person typed it,
// so a rejected save shows every correction again.
type conferenceForm struct {
	UnitID     string
	Kind       string
	Title      string
	HeldOn     string
	TimeOfDay  string
	Place      string
	Period     string
	Summary    string
	Outcome    string
	Organizer  string // as written in the article
	Level      string
	Attending  []string
	People     []personRow
	Figures    []figureRow
	Tasks      []taskRow
	SourceName string
	SourceText string
}

type personRow struct {
	Role, Name, Title, UnitID, Src string
	Match                          string // the directory person the name matches, "" when new
}

type figureRow struct{ Value, Unit, About, Indicator, Src string }

type taskRow struct {
	Title, Due, Indicator, Src string
	Owners                     []string
}

// Has reports whether the attending units include id (for checkboxes).
func (f conferenceForm) Has(id int64) bool {
	return slices.Contains(f.Attending, strconv.FormatInt(id, 10))
}

// Owns reports whether a task row's owners include id.
func (t taskRow) Owns(id int64) bool { return slices.Contains(t.Owners, strconv.FormatInt(id, 10)) }

// formFromDraft fills the form with what an article proposes.
func formFromDraft(d meeting.Draft) conferenceForm {
	c := d.Conference
	f := conferenceForm{Kind: string(c.Kind), Title: c.Title, TimeOfDay: c.TimeOfDay, Place: c.Place, Period: c.Period,
		Summary: c.Summary, Outcome: c.Outcome, Organizer: d.Organizer, Level: d.Level,
		SourceName: c.SourceName, SourceText: c.SourceText}
	if !c.HeldOn.IsZero() {
		f.HeldOn = vntext.FormatDate(c.HeldOn)
	}
	nc, na := 0, 0
	for _, p := range c.Participants {
		src := ""
		if p.Role == meeting.Chair {
			src = fmt.Sprintf("chair-%d", nc)
			nc++
		} else {
			src = fmt.Sprintf("attendee-%d", na)
			na++
		}
		f.People = append(f.People, personRow{Role: string(p.Role), Name: p.Name, Title: p.Title, Src: src})
	}
	for i, x := range c.Figures {
		f.Figures = append(f.Figures, figureRow{Value: number(x.Value), Unit: x.Unit, About: x.About, Src: fmt.Sprintf("figure-%d", i)})
	}
	for i, t := range c.Tasks {
		f.Tasks = append(f.Tasks, taskRow{Title: t.Title, Due: t.Period, Src: fmt.Sprintf("task-%d", i)})
	}
	return f
}

// number writes a value the Vietnamese way with as many decimals as it
// has (up to four): 5.112, 1,5.
func number(v float64) string {
	d := 0
	for p := 1.0; d < 4 && float64(int64(v*p)) != v*p; p *= 10 {
		d++
	}
	return vntext.FormatNumber(v, d)
}

// readConferenceForm reads the posted form v; rows left blank or ticked
// "bỏ" are dropped, rows stay in order.
func readConferenceForm(v url.Values) conferenceForm {
	f := conferenceForm{UnitID: v.Get("unit"), Kind: v.Get("kind"), Title: v.Get("title"), HeldOn: v.Get("held_on"),
		TimeOfDay: v.Get("time_of_day"), Place: v.Get("place"), Period: v.Get("period"), Summary: v.Get("summary"),
		Outcome: v.Get("outcome"), Organizer: v.Get("organizer"), Level: v.Get("level"), Attending: v["units"],
		SourceName: v.Get("source_name"), SourceText: v.Get("source_text")}
	blank := func(ss ...string) bool {
		for _, s := range ss {
			if strings.TrimSpace(s) != "" {
				return false
			}
		}
		return true
	}
	for i := range 500 {
		k := fmt.Sprintf("p.%d.", i)
		if _, ok := v[k+"name"]; !ok {
			break
		}
		row := personRow{Role: v.Get(k + "role"), Name: v.Get(k + "name"), Title: v.Get(k + "title"), UnitID: v.Get(k + "unit"), Src: v.Get(k + "src")}
		if v.Get(k+"drop") == "" && !blank(row.Name, row.Title) {
			f.People = append(f.People, row)
		}
	}
	for i := range 1000 {
		k := fmt.Sprintf("f.%d.", i)
		if _, ok := v[k+"value"]; !ok {
			break
		}
		row := figureRow{Value: v.Get(k + "value"), Unit: v.Get(k + "unit"), About: v.Get(k + "about"), Indicator: v.Get(k + "indicator"), Src: v.Get(k + "src")}
		if v.Get(k+"drop") == "" && !blank(row.Value, row.Unit, row.About) {
			f.Figures = append(f.Figures, row)
		}
	}
	for i := range 500 {
		k := fmt.Sprintf("t.%d.", i)
		if _, ok := v[k+"title"]; !ok {
			break
		}
		row := taskRow{Title: v.Get(k + "title"), Due: v.Get(k + "due"), Indicator: v.Get(k + "indicator"), Owners: v[k+"owners"], Src: v.Get(k + "src")}
		if v.Get(k+"drop") == "" && !blank(row.Title) {
			f.Tasks = append(f.Tasks, row)
		}
	}
	return f
}

// conference turns the form into a conference; what cannot be parsed is
// reported on its field (the domain checks the rest).
func (f conferenceForm) conference() (meeting.Conference, apperr.Errors) {
	var es apperr.Errors
	c := meeting.Conference{UnitID: kit.FormID(f.UnitID), Kind: meeting.Kind(f.Kind), Title: f.Title, TimeOfDay: f.TimeOfDay,
		Place: f.Place, Period: strings.TrimSpace(f.Period), Summary: f.Summary, Outcome: f.Outcome,
		SourceName: f.SourceName, SourceText: f.SourceText}
	held, err := kit.FormDay("held_on", f.HeldOn)
	if err != nil {
		es = append(es, asInvalid(err))
	}
	c.HeldOn = held
	for _, a := range f.Attending {
		if id := kit.FormID(a); id != 0 {
			c.AttendingUnits = append(c.AttendingUnits, id)
		}
	}
	for _, p := range f.People {
		c.Participants = append(c.Participants, meeting.Participant{Name: p.Name, Title: p.Title, Role: meeting.Role(p.Role), UnitID: kit.FormID(p.UnitID)})
	}
	for i, x := range f.Figures {
		n, err := vntext.ParseNumber(strings.TrimSpace(x.Value))
		if err != nil {
			es.Add(fmt.Sprintf("f.%d", i), "meetingui.err.figure")
		}
		c.Figures = append(c.Figures, meeting.Figure{Value: n.Value, Unit: x.Unit, About: x.About, IndicatorCode: x.Indicator})
	}
	for _, t := range f.Tasks {
		c.Tasks = append(c.Tasks, t.task())
	}
	return c, es
}

// task reads a task row: the due field holds a date (31/12/2021) or a
// period (2021, 2021S2).
func (t taskRow) task() meeting.Task {
	task := meeting.Task{Title: t.Title, IndicatorCode: t.Indicator}
	due := strings.TrimSpace(t.Due)
	if _, err := vntext.ParsePeriod(due); err != nil && len(due) > 7 && strings.ContainsAny(due, "/-.") {
		if d, err := kit.FormDay("due", due); err == nil {
			task.DueOn = d
		}
	}
	if task.DueOn.IsZero() {
		task.Period = due
	}
	for _, o := range t.Owners {
		if id := kit.FormID(o); id != 0 {
			task.Owners = append(task.Owners, id)
		}
	}
	return task
}

// asInvalid is err as one field error (kit's readers return them).
func asInvalid(err error) *apperr.Error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	return apperr.Invalid("", apperr.InternalKey)
}

// rowFields renames the domain's field errors (participant, figure and
// task indexes) to the form's rows: "chair.2.name" is row "p.2".
func rowFields(err error) error {
	var es apperr.Errors
	switch e := err.(type) {
	case apperr.Errors:
		es = e
	case *apperr.Error:
		es = apperr.Errors{e}
	default:
		return err
	}
	out := make(apperr.Errors, 0, len(es))
	for _, e := range es {
		e2 := *e
		if parts := strings.Split(e.Field, "."); len(parts) >= 2 {
			switch parts[0] {
			case "chair", "attendee", "speaker":
				e2.Field = "p." + parts[1]
			case "figure":
				e2.Field = "f." + parts[1]
			case "task":
				e2.Field = "t." + parts[1]
			}
		}
		out = append(out, &e2)
	}
	return out
}
