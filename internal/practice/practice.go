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
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Field is the area of work a model belongs to (lĩnh vực).
type Field string

// The fields.
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

// Label is the field's Vietnamese name.
func (f Field) Label() string {
	switch f {
	case Economy:
		return "Kinh tế"
	case CultureSociety:
		return "Văn hóa – xã hội"
	case DefenceSecurity:
		return "Quốc phòng – an ninh"
	case PartyBuilding:
		return "Xây dựng Đảng"
	case GovernmentBuilding:
		return "Xây dựng chính quyền"
	case EthnicReligious:
		return "Dân tộc, tôn giáo"
	}
	return string(f)
}

// OwnerType says who runs a model.
type OwnerType string

// The owner types.
const (
	Collective OwnerType = "collective" // tập thể: a unit, an organization, a group
	Individual OwnerType = "individual" // cá nhân
)

// Valid reports whether o is a known owner type.
func (o OwnerType) Valid() bool { return o == Collective || o == Individual }

// Label is the owner type's Vietnamese name.
func (o OwnerType) Label() string {
	switch o {
	case Collective:
		return "Tập thể"
	case Individual:
		return "Cá nhân"
	}
	return string(o)
}

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

// Label is the status's Vietnamese name.
func (s Status) Label() string {
	switch s {
	case Registered:
		return "Đăng ký"
	case InProgress:
		return "Đang triển khai"
	case Recognized:
		return "Được công nhận"
	case Replicated:
		return "Được nhân rộng"
	case Stopped:
		return "Đã dừng"
	}
	return string(s)
}

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

// Messages shown to users.
const (
	msgNotFound       = "Không tìm thấy mô hình."
	msgName           = "Chưa nhập tên mô hình (tối đa 300 ký tự)."
	msgField          = "Hãy chọn lĩnh vực."
	msgOwnerType      = "Hãy chọn chủ thể là tập thể hay cá nhân."
	msgOwnerName      = "Chưa nhập tên tập thể hoặc cá nhân thực hiện (tối đa 200 ký tự)."
	msgOwnerTitle     = "Chức vụ không được dài quá 200 ký tự."
	msgPhone          = "Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng dấu + (8–15 chữ số)."
	msgMovement       = "Tên phong trào, cuộc vận động không được dài quá 300 ký tự."
	msgStarted        = "Ngày bắt đầu không hợp lệ: phải từ năm 1990 đến hôm nay."
	msgLong           = "Nội dung quá dài (tối đa 20.000 ký tự)."
	msgUnit           = "Hãy chọn đơn vị chủ quản đang hoạt động."
	msgStale          = "Mô hình đã được người khác cập nhật. Vui lòng tải lại trang và thử lại."
	msgStoppedEdit    = "Mô hình đã dừng, không thể sửa."
	msgIndicator      = "Chưa nhập tên kết quả (chỉ tiêu), tối đa 200 ký tự."
	msgMeasure        = "Đơn vị tính không được dài quá 50 ký tự."
	msgResultDate     = "Ngày của kết quả phải từ ngày bắt đầu mô hình đến hôm nay."
	msgResultValue    = "Số liệu không hợp lệ."
	msgForbiddenWrite = "Chỉ cán bộ của đơn vị chủ quản mới được đăng ký, cập nhật mô hình."
)

const dateLayout = "2006-01-02"

// day formats a date as stored.
func day(t time.Time) string { return t.Format(dateLayout) }

// dayOf returns midnight UTC of t's calendar day.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("practice: stored date %q: %w", s, err)
	}
	return t, nil
}

// Timestamps are stored fixed-width so that they compare as strings.
const stampLayout = "2006-01-02T15:04:05.000000Z"

func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("practice: stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

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
	if in.Name == "" || utf8.RuneCountInString(in.Name) > 300 {
		es.Add("name", msgName)
	}
	if !in.Field.Valid() {
		es.Add("field", msgField)
	}
	if !in.OwnerType.Valid() {
		es.Add("owner_type", msgOwnerType)
	}
	if in.OwnerName == "" || utf8.RuneCountInString(in.OwnerName) > 200 {
		es.Add("owner_name", msgOwnerName)
	}
	if utf8.RuneCountInString(in.OwnerTitle) > 200 {
		es.Add("owner_title", msgOwnerTitle)
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
			es.Add("owner_phone", msgPhone)
		}
	}
	if utf8.RuneCountInString(in.Movement) > 300 {
		es.Add("movement", msgMovement)
	}
	in.StartedOn = dayOf(in.StartedOn)
	if in.StartedOn.Year() < 1990 || in.StartedOn.After(today) {
		es.Add("started_on", msgStarted)
	}
	for _, f := range []struct{ name, v string }{{"description", in.Description}, {"goals", in.Goals}, {"notes", in.Notes}} {
		if utf8.RuneCountInString(f.v) > 20000 {
			es.Add(f.name, msgLong)
		}
	}
	return es.Err()
}

// validateResult cleans and checks a result figure.
func validateResult(r *Result, started, today time.Time) error {
	var es apperr.Errors
	r.Indicator = clean(r.Indicator)
	r.Measure = clean(r.Measure)
	r.On = dayOf(r.On)
	if r.Indicator == "" || utf8.RuneCountInString(r.Indicator) > 200 {
		es.Add("indicator", msgIndicator)
	}
	if utf8.RuneCountInString(r.Measure) > 50 {
		es.Add("measure", msgMeasure)
	}
	if r.On.IsZero() || r.On.Before(started) || r.On.After(today) {
		es.Add("on", msgResultDate)
	}
	if r.Value != r.Value || r.Value > 1e15 || r.Value < -1e15 {
		es.Add("value", msgResultValue)
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
