// Package practice is the registry of "Dân vận khéo" models: the good
// practices of skillful mass mobilization that each board registers,
// follows, has recognized and spreads to other units.
//
// A model (Practice) belongs to one owning unit and one field (lĩnh vực);
// it is run by a collective (a unit or organization) or an individual
// (name and title); it serves a movement or campaign, started on a date,
// and carries a description, goals, dated result figures (Result) and
// evidence files (File: photos and PDF documents kept in a blob bucket,
// images with a server-made thumbnail).
//
// Its lifecycle and who may move it are described in lifecycle.go
// (see Store.Start, Store.Recognize, Store.Adopt, Store.Stop). Every
// write is audited in its own transaction.
//
// Lists (Store.List) cover a set of units — a unit's subtree, past units
// included — with filters on field, status, recognition level, the
// period the model started in, owner type and a diacritic-insensitive
// search, ordered by Vietnamese collation; Store.Counts gives the counts
// by field and status that match the same list.
package practice

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Field is the area of work a model belongs to (lĩnh vực).
type Field string

// The fields.
// DefaultMovement is the movement a new model serves unless its author
// says otherwise: the "Dân vận khéo" emulation movement (a proper name,
// the same in every language).
const DefaultMovement = "Dân vận khéo"

const (
	Economy            Field = "economy"             // kinh tế
	CultureSociety     Field = "culture_society"     // văn hóa – xã hội
	DefenceSecurity    Field = "defence_security"    // quốc phòng – an ninh
	PartyBuilding      Field = "party_building"      // xây dựng Đảng
	GovernmentBuilding Field = "government_building" // xây dựng chính quyền
	EthnicReligious    Field = "ethnic_religious"    // dân tộc, tôn giáo
)

// Fields lists every field in the order the boards report them.
var Fields = []Field{Economy, CultureSociety, DefenceSecurity, PartyBuilding, GovernmentBuilding, EthnicReligious}

// Valid reports whether f is a known field.
func (f Field) Valid() bool {
	for _, x := range Fields {
		if f == x {
			return true
		}
	}
	return false
}

// Message is the field's label as a catalog message.
func (f Field) Message() i18n.Message { return i18n.M("practice.field." + string(f)) }

// Label is the field's Vietnamese name (the XLSX register's word).
func (f Field) Label() string { return label("practice.field." + string(f)) }

// OwnerType says who runs a model.
type OwnerType string

// The owner types.
const (
	Collective OwnerType = "collective" // tập thể: a unit, an organization, a group
	Individual OwnerType = "individual" // cá nhân
)

// Valid reports whether o is a known owner type.
func (o OwnerType) Valid() bool { return o == Collective || o == Individual }

// Message is the owner type's label as a catalog message.
func (o OwnerType) Message() i18n.Message { return i18n.M("practice.owner." + string(o)) }

// Label is the owner type's Vietnamese name (the XLSX register's word).
func (o OwnerType) Label() string { return label("practice.owner." + string(o)) }

// Status is where a model is in its lifecycle.
type Status string

// The statuses, in lifecycle order; Stopped can follow any of the others.
const (
	Registered Status = "registered"  // đăng ký
	InProgress Status = "in_progress" // đang triển khai
	Recognized Status = "recognized"  // được công nhận
	Replicated Status = "replicated"  // được nhân rộng
	Stopped    Status = "stopped"     // dừng
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{Registered, InProgress, Recognized, Replicated, Stopped}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if s == x {
			return true
		}
	}
	return false
}

// Message is the status's label as a catalog message.
func (s Status) Message() i18n.Message { return i18n.M("practice.status." + string(s)) }

// Label is the status's Vietnamese name (the XLSX register's word).
func (s Status) Label() string { return label("practice.status." + string(s)) }

// Public reports whether a model in status s has a public page: it was
// recognized (and possibly replicated since).
func (s Status) Public() bool { return s == Recognized || s == Replicated }

// Practice is a model as stored. OwnerPhone and Notes are internal: they
// never appear on a public page (see PublicPractice).
type Practice struct {
	ID       int64
	UnitID   int64
	UnitName string // the owning unit's latest name (filled by reads)

	Name        string
	Field       Field
	OwnerType   OwnerType
	OwnerName   string // the collective's or the person's name
	OwnerTitle  string // the person's title, for an individual
	OwnerPhone  string // internal
	Movement    string // the movement or campaign it serves
	StartedOn   time.Time
	Description string
	Goals       string
	Notes       string // internal

	Status           Status
	ProgressOn       time.Time // when it went into progress
	RecognizedBy     int64     // the unit that recognized it
	RecognizedByName string    // that unit's latest name (filled by reads)
	RecognizedLevel  org.Level // that unit's level
	DecisionNo       string    // số quyết định, e.g. "125-QĐ/HU"
	RecognizedOn     time.Time
	StoppedOn        time.Time
	StopReason       string

	SourceID     int64  // the model it was adopted from; 0 for an original
	RootID       int64  // the first model of its family (itself for an original)
	Lineage      string // ids from the root to the model: "/12/40/"
	Replications int    // family members below it that are not stopped

	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Input is what a person enters for a model: to create one (ID and
// Version zero) or to edit one (ID and the Version the edit started from).
// The owning unit is set at creation and never changes.
type Input struct {
	ID          int64
	Version     int64
	UnitID      int64
	Name        string
	Field       Field
	OwnerType   OwnerType
	OwnerName   string
	OwnerTitle  string
	OwnerPhone  string
	Movement    string
	StartedOn   time.Time
	Description string
	Goals       string
	Notes       string
}

// Result is one dated figure a model achieved: "hộ tham gia" 120 "hộ" on
// 30/06/2023.
type Result struct {
	ID         int64
	PracticeID int64
	On         time.Time
	Indicator  string
	Value      float64
	Measure    string // đơn vị tính
}

// File is an evidence file that was stored completely (pending uploads
// are never returned).
type File struct {
	ID          int64
	PracticeID  int64
	Name        string
	ContentType string
	Size        int64
	Width       int // images only
	Height      int
	Caption     string
	HasThumb    bool
	CreatedAt   time.Time
}

// IsImage reports whether the file is a picture (shown as a thumbnail).
func (f File) IsImage() bool { return strings.HasPrefix(f.ContentType, "image/") }

// clean trims, collapses inner spaces and normalizes Vietnamese spelling.
func clean(s string) string { return vntext.Normalize(strings.Join(strings.Fields(s), " ")) }

// cleanText normalizes a multi-line text, keeping its line breaks.
func cleanText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return vntext.Normalize(strings.TrimSpace(strings.Join(lines, "\n")))
}

func cleanPhone(s string) string {
	return strings.NewReplacer(" ", "", ".", "", "-", "", "(", "", ")", "").Replace(strings.TrimSpace(s))
}

// searchFold is the text the search looks in: the name, the owner, the
// movement and the decision number, folded.
func searchFold(p *Practice) string {
	return vntext.Fold(strings.Join([]string{p.Name, p.OwnerName, p.Movement, p.DecisionNo}, " | "))
}

// validate cleans in and checks it against the rules, collecting every
// problem; today bounds the start date.
func validate(in *Input, today time.Time) error {
	var es apperr.Errors
	in.Name = clean(in.Name)
	in.OwnerName = clean(in.OwnerName)
	in.OwnerTitle = clean(in.OwnerTitle)
	in.OwnerPhone = cleanPhone(in.OwnerPhone)
	in.Movement = clean(in.Movement)
	in.Description = cleanText(in.Description)
	in.Goals = cleanText(in.Goals)
	in.Notes = cleanText(in.Notes)
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		es.Add("name", "practice.err.name")
	case n > 300:
		es.Add("name", "practice.err.name_long", vntext.FormatInt(int64(n)))
	}
	if !in.Field.Valid() {
		es.Add("field", "practice.err.field")
	}
	if !in.OwnerType.Valid() {
		es.Add("owner_type", "practice.err.owner_type")
	}
	if in.OwnerName == "" || utf8.RuneCountInString(in.OwnerName) > 200 {
		es.Add("owner_name", "practice.err.owner_name")
	}
	if utf8.RuneCountInString(in.OwnerTitle) > 200 {
		es.Add("owner_title", "practice.err.owner_title")
	}
	if in.OwnerType == Collective {
		in.OwnerTitle = ""
	}
	if in.OwnerPhone != "" {
		digits := strings.TrimPrefix(in.OwnerPhone, "+")
		ok := len(digits) >= 8 && len(digits) <= 15
		for _, c := range digits {
			if c < '0' || c > '9' {
				ok = false
			}
		}
		if !ok {
			es.Add("owner_phone", "practice.err.phone")
		}
	}
	if utf8.RuneCountInString(in.Movement) > 300 {
		es.Add("movement", "practice.err.movement")
	}
	in.StartedOn = db.DayOf(in.StartedOn)
	if in.StartedOn.Year() < 1990 || in.StartedOn.After(today) {
		es.Add("started_on", "practice.err.started")
	}
	for _, f := range []struct{ name, v string }{{"description", in.Description}, {"goals", in.Goals}, {"notes", in.Notes}} {
		if utf8.RuneCountInString(f.v) > 20000 {
			es.Add(f.name, "practice.err.long")
		}
	}
	return es.Err()
}

// validateResult cleans and checks a result figure.
func validateResult(r *Result, started, today time.Time) error {
	var es apperr.Errors
	r.Indicator = clean(r.Indicator)
	r.Measure = clean(r.Measure)
	r.On = db.DayOf(r.On)
	if r.Indicator == "" || utf8.RuneCountInString(r.Indicator) > 200 {
		es.Add("indicator", "practice.err.indicator")
	}
	if utf8.RuneCountInString(r.Measure) > 50 {
		es.Add("measure", "practice.err.measure")
	}
	if r.On.IsZero() || r.On.Before(started) || r.On.After(today) {
		es.Add("on", "practice.err.result_date")
	}
	if r.Value != r.Value || r.Value > 1e15 || r.Value < -1e15 {
		es.Add("value", "practice.err.result_value")
	}
	return es.Err()
}

// ValueText is the figure written the Vietnamese way: 5.112, 1,5.
func (r Result) ValueText() string {
	if r.Value == float64(int64(r.Value)) {
		return vntext.FormatInt(int64(r.Value))
	}
	s := vntext.FormatNumber(r.Value, 2)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ",")
}
