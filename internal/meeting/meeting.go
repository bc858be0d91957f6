// Package meeting keeps the conferences of the mass-mobilization boards
// (sơ kết, tổng kết, triển khai nhiệm vụ, chuyên đề, đối thoại, khen
// thưởng): who chaired, attended and gave direction, the units that
// attended, the documents, the figures of the results summary, the
// outcome, and the key tasks (nhiệm vụ trọng tâm) each conference sets,
// followed up until they are done or dropped.
//
// People are kept as a directory per unit: a participant is matched to a
// person of the organizing unit's directory by vntext.Fold of the name, so
// the same official written in NFC or NFD, with either tone placement, is
// one person across conferences, and the titles a person held are kept with
// the first and last day they were seen. A person entered twice can be
// merged into the other.
//
// A conference can be imported from a news article (see Draft and
// FromRecord): the article is kept as the conference's source, and the
// SHA-256 of its normalized text makes a second import of the same article
// a conflict.
//
// Who may do what is decided here, not by the caller: every method that
// reads or writes takes the acting *auth.Principal (see access.go). Read on
// the conference's unit to see a conference, its documents and its tasks;
// write on it to record, edit, attach documents or set tasks; a task is
// also seen by whoever may read one of its owner units and followed up by
// whoever may write on one of them; a unit's directory is read and merged
// with read and write on the unit. A record named by id inside another
// (a person, an attending or owning unit) must lie in the caller's scope
// too. CreateBatch and Import are trusted loaders for the demo and the
// command line and check nothing.
package meeting

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Kind is the kind of a conference.
type Kind string

// The kinds of conference.
const (
	SoKet      Kind = "so_ket"      // sơ kết: interim review
	TongKet    Kind = "tong_ket"    // tổng kết: annual or final review
	TrienKhai  Kind = "trien_khai"  // triển khai nhiệm vụ: launch of tasks
	ChuyenDe   Kind = "chuyen_de"   // chuyên đề: thematic conference
	DoiThoai   Kind = "doi_thoai"   // đối thoại: dialogue with citizens
	KhenThuong Kind = "khen_thuong" // khen thưởng: award ceremony
)

// Kinds lists every kind in the order forms show them.
var Kinds = []Kind{SoKet, TongKet, TrienKhai, ChuyenDe, DoiThoai, KhenThuong}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label is the kind's name (catalog key "meeting.kind.<code>").
func (k Kind) Label() i18n.Message { return i18n.M("meeting.kind." + string(k)) }

// Role is what a participant did at a conference.
type Role string

// The roles of participants.
const (
	Chair    Role = "chair"    // chủ trì
	Attendee Role = "attendee" // dự
	Speaker  Role = "speaker"  // phát biểu chỉ đạo
)

// Roles lists the roles in the order pages show them.
var Roles = []Role{Chair, Speaker, Attendee}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == Chair || r == Attendee || r == Speaker }

// Label is the role's name (catalog key "meeting.role.<code>").
func (r Role) Label() i18n.Message { return i18n.M("meeting.role." + string(r)) }

// Status is the state of a key task.
type Status string

// The states of a task.
const (
	Open       Status = "open"
	InProgress Status = "in_progress"
	Done       Status = "done"
	Dropped    Status = "dropped"
)

// Statuses lists every state.
var Statuses = []Status{Open, InProgress, Done, Dropped}

// Valid reports whether s is a known state.
func (s Status) Valid() bool {
	return s == Open || s == InProgress || s == Done || s == Dropped
}

// Closed reports whether a task in state s needs no more follow-up.
func (s Status) Closed() bool { return s == Done || s == Dropped }

// Label is the state's name (catalog key "meeting.status.<code>").
func (s Status) Label() i18n.Message { return i18n.M("meeting.status." + string(s)) }

// DocKind is the kind of a conference document.
type DocKind string

// The kinds of document.
const (
	DocReport     DocKind = "report"     // báo cáo
	DocSpeech     DocKind = "speech"     // bài phát biểu
	DocResolution DocKind = "resolution" // nghị quyết, kết luận
	DocOther      DocKind = "other"
)

// DocKinds lists the kinds of document.
var DocKinds = []DocKind{DocReport, DocSpeech, DocResolution, DocOther}

// Valid reports whether k is a known kind of document.
func (k DocKind) Valid() bool {
	return k == DocReport || k == DocSpeech || k == DocResolution || k == DocOther
}

// Label is the kind's name (catalog key "meeting.doc.<code>").
func (k DocKind) Label() i18n.Message { return i18n.M("meeting.doc." + string(k)) }

// Participant is a person at a conference with the title as written that
// day. On input, PersonID 0 means "match by name in the organizing unit's
// directory, or add the person there".
type Participant struct {
	PersonID int64
	Name     string
	Title    string
	UnitID   int64 // the unit the person represented; 0 when not known
	UnitName string
	Role     Role
}

// Figure is one quantity of the results summary.
type Figure struct {
	Value         float64
	Unit          string // "vụ việc", "đồng", "%"
	About         string // what was counted
	IndicatorCode string // optional link to a report indicator
}

// Document is a file attached to a conference.
type Document struct {
	ID           int64
	ConferenceID int64
	Kind         DocKind
	Name         string
	ContentType  string
	Size         int64
	CreatedAt    time.Time
	key          string
}

// Task is a key task set at a conference.
type Task struct {
	ID           int64
	ConferenceID int64
	UnitID       int64 // the conference's unit
	Title        string
	DueOn        time.Time // zero when the task is due with a period
	Period       string    // period code; "" when DueOn is set
	DueEnd       time.Time // DueOn, else the last day of Period
	Status       Status
	DropReason   string
	// IndicatorCode optionally links the task to a report indicator, so its
	// progress shows figures.
	IndicatorCode string
	ClosedOn      time.Time
	Owners        []int64
	OwnerNames    []string
	Version       int64

	// Filled in lists: the conference that set the task.
	ConferenceTitle string
	ConferenceDate  time.Time
}

// Overdue reports whether the task is still open on day today after its
// due day.
func (t Task) Overdue(today time.Time) bool {
	return !t.Status.Closed() && !t.DueEnd.IsZero() && t.DueEnd.Format(time.DateOnly) < today.Format(time.DateOnly)
}

// Due says when the task is due: a date, or the label of a period.
func (t Task) Due() i18n.Message {
	if !t.DueOn.IsZero() {
		return i18n.M("meeting.due.on", vntext.FormatDate(t.DueOn))
	}
	return periodMessage(t.Period)
}

// Note is a dated follow-up note on a task.
type Note struct {
	ID      int64
	TaskID  int64
	NotedOn time.Time
	Body    string
	Status  Status // the state the note set, "" when it changed none
	Author  string
}

// Conference is a conference with everything recorded about it.
type Conference struct {
	ID         int64
	UnitID     int64
	UnitName   string
	Kind       Kind
	Title      string
	HeldOn     time.Time
	TimeOfDay  string // "08:00", "sáng"
	Place      string
	Period     string // period code reviewed, "" for none
	Summary    string
	Outcome    string
	SourceName string
	SourceText string // the article the conference was imported from
	SourceHash string
	Version    int64
	CreatedAt  time.Time

	Participants   []Participant
	AttendingUnits []int64
	AttendingNames []string
	Figures        []Figure
	Tasks          []Task
	Documents      []Document
	// OwnerView says the reader sees the conference as the owner of one
	// of its tasks, not as a reader of its unit: Tasks holds only theirs
	// and Documents nothing.
	OwnerView bool
}

// PeriodMessage is the label of the period reviewed (check Period first:
// a conference may review none).
func (c Conference) PeriodMessage() i18n.Message { return periodMessage(c.Period) }

// ByRole returns the participants of one role, in order.
func (c Conference) ByRole(r Role) []Participant {
	var out []Participant
	for _, p := range c.Participants {
		if p.Role == r {
			out = append(out, p)
		}
	}
	return out
}

// periodMessage is the label of a period code ("period.none" for a code
// that is not one).
func periodMessage(code string) i18n.Message {
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		return i18n.M("period.none")
	}
	return p.Message()
}

// SourceHash returns the key that identifies an article whatever its
// Unicode form, tone placement or spacing: the hex SHA-256 of its
// vntext-normalized text with runs of white space collapsed.
func SourceHash(text string) string {
	n := strings.Join(strings.Fields(vntext.Normalize(text)), " ")
	if n == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(n))
	return hex.EncodeToString(sum[:])
}

// NextPeriod returns the period that follows code, for tasks set at a
// review ("năm 2020" sets the tasks of 2021, the first half the second
// half); "" when code is not a period.
func NextPeriod(code string) string {
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		return ""
	}
	switch p.Kind {
	case vntext.Half:
		if p.Part == 1 {
			p.Part = 2
		} else {
			p.Year, p.Part = p.Year+1, 1
		}
	case vntext.Quarter:
		if p.Part < 4 {
			p.Part++
		} else {
			p.Year, p.Part = p.Year+1, 1
		}
	case vntext.Month:
		if p.Part < 12 {
			p.Part++
		} else {
			p.Year, p.Part = p.Year+1, 1
		}
	case vntext.Stage:
		n := p.ToYear - p.Year
		p.Year, p.ToYear = p.ToYear, p.ToYear+n
	default:
		p.Year++
	}
	return p.String()
}

const (
	maxTitle = 500
	maxText  = 4 << 20
	maxName  = 200
)

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// validate checks and normalizes c in place.
func (c *Conference) validate() error {
	var es apperr.Errors
	c.Title = clean(c.Title)
	c.Place = clean(c.Place)
	c.TimeOfDay = clean(c.TimeOfDay)
	c.Summary = strings.TrimSpace(vntext.Normalize(c.Summary))
	c.Outcome = strings.TrimSpace(vntext.Normalize(c.Outcome))
	c.Period = strings.TrimSpace(c.Period)
	if c.UnitID <= 0 {
		es.Add("unit", "meeting.err.unit_required")
	}
	if !c.Kind.Valid() {
		es.Add("kind", "meeting.err.kind")
	}
	if c.Title == "" {
		es.Add("title", "meeting.err.title_required")
	} else if utf8.RuneCountInString(c.Title) > maxTitle {
		es.Add("title", "meeting.err.title_long", maxTitle)
	}
	if c.HeldOn.IsZero() {
		es.Add("held_on", "meeting.err.held_required")
	} else if c.HeldOn.Year() < 1945 || c.HeldOn.Year() > 2100 {
		es.Add("held_on", "meeting.err.held_bad")
	}
	if c.Period != "" {
		if _, err := vntext.ParsePeriod(c.Period); err != nil {
			es.Add("period", "meeting.err.period")
		}
	}
	if len(c.SourceText) > maxText || len(c.Summary) > maxText {
		es.Add("source", "meeting.err.text_long")
	}
	for i := range c.Participants {
		p := &c.Participants[i]
		p.Name = clean(p.Name)
		p.Title = clean(p.Title)
		if !p.Role.Valid() {
			p.Role = Attendee
		}
		field := fmt.Sprintf("%s.%d.name", p.Role, i)
		if p.Name == "" && p.PersonID == 0 {
			es.Add(field, "meeting.err.name_required")
		} else if utf8.RuneCountInString(p.Name) > maxName {
			es.Add(field, "meeting.err.name_long")
		} else if p.Name != "" && vntext.Fold(p.Name) == "" {
			es.Add(field, "meeting.err.name_bad")
		}
	}
	for i := range c.Figures {
		f := &c.Figures[i]
		f.Unit, f.About, f.IndicatorCode = clean(f.Unit), clean(f.About), strings.TrimSpace(f.IndicatorCode)
		if f.Value < 0 {
			es.Add(fmt.Sprintf("figure.%d.value", i), "meeting.err.figure_negative")
		}
		if f.Unit == "" && f.About == "" {
			es.Add(fmt.Sprintf("figure.%d.about", i), "meeting.err.figure_about")
		}
	}
	for i := range c.Tasks {
		t := &c.Tasks[i]
		if err := t.validate(fmt.Sprintf("task.%d.", i)); err != nil {
			es = append(es, err.(apperr.Errors)...)
		}
		if len(t.Owners) == 0 {
			t.Owners = []int64{c.UnitID}
		}
	}
	return es.Err()
}

// validate checks a task's own fields; prefix names the form fields.
func (t *Task) validate(prefix string) error {
	var es apperr.Errors
	t.Title = clean(t.Title)
	t.Period = strings.TrimSpace(t.Period)
	t.DropReason = clean(t.DropReason)
	t.IndicatorCode = strings.TrimSpace(t.IndicatorCode)
	if t.Status == "" {
		t.Status = Open
	}
	if t.Title == "" {
		es.Add(prefix+"title", "meeting.err.task_title")
	} else if utf8.RuneCountInString(t.Title) > 2000 {
		es.Add(prefix+"title", "meeting.err.task_long")
	}
	if !t.Status.Valid() {
		es.Add(prefix+"status", "meeting.err.status")
	}
	if t.Status == Dropped && t.DropReason == "" {
		es.Add(prefix+"reason", "meeting.err.reason")
	}
	switch {
	case !t.DueOn.IsZero():
		t.Period = ""
		t.DueEnd = t.DueOn
	case t.Period != "":
		p, err := vntext.ParsePeriod(t.Period)
		if err != nil {
			es.Add(prefix+"due", "meeting.err.period")
		} else {
			t.DueEnd = p.End()
		}
	default:
		es.Add(prefix+"due", "meeting.err.due")
	}
	return es.Err()
}

// Display writes the value the Vietnamese way: 5.112, 1,5.
func (f Figure) Display() string {
	d := 0
	for d < 3 && f.Value*pow10(d) != float64(int64(f.Value*pow10(d))) {
		d++
	}
	return vntext.FormatNumber(f.Value, d)
}

func pow10(n int) float64 {
	p := 1.0
	for range n {
		p *= 10
	}
	return p
}
