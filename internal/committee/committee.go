// Package committee keeps steering committees (ban chỉ đạo): a committee
// of a unit with its purpose (the grassroots-democracy regulation, QCDC;
// religious affairs; a campaign; another), its members drawn from several
// units with their roles and terms, its meetings, its decisions and its
// yearly report.
//
// Membership is kept as terms: a person from a unit in a role from one
// day until another (both included; open while it lasts). A change of
// role ends one term the day before and opens the next, a departure ends
// the term with its reason, so Members(day) answers who sat on the
// committee on any past day. A committee has at most one head on any day.
//
// A committee's meetings are conferences of its own unit (package
// meeting), linked to the committee: a unit may have several committees,
// so the conference's kind alone could not say whose meeting it was.
//
// Who may do what is decided here: every method takes the acting
// *auth.Principal. Whoever may write on the committee's unit sets it up,
// changes its members, links its meetings, records its decisions and
// writes its report; whoever may read that unit, or the unit of one of
// its members, reads it.
package committee

import (
	"slices"
	"time"

	"github.com/danvan/danvan/internal/i18n"
)

// Purpose is what a committee steers.
type Purpose string

// The purposes.
const (
	QCDC     Purpose = "qcdc"     // Quy chế dân chủ ở cơ sở
	Religion Purpose = "religion" // công tác tôn giáo
	Campaign Purpose = "campaign" // a campaign (cuộc vận động), named in the note
	Other    Purpose = "other"
)

// Purposes lists the purposes, for forms.
var Purposes = []Purpose{QCDC, Religion, Campaign, Other}

// Valid reports whether p is a known purpose.
func (p Purpose) Valid() bool { return slices.Contains(Purposes, p) }

// Label is the purpose's name.
func (p Purpose) Label() i18n.Message { return i18n.M("committee.purpose." + string(p)) }

// Role is a member's role on a committee.
type Role string

// The roles, highest first.
const (
	Head     Role = "head"     // trưởng ban
	Deputy   Role = "deputy"   // phó trưởng ban
	Standing Role = "standing" // ủy viên thường trực
	Member   Role = "member"   // ủy viên
)

// Roles lists the roles, highest first.
var Roles = []Role{Head, Deputy, Standing, Member}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Label is the role's name.
func (r Role) Label() i18n.Message { return i18n.M("committee.role." + string(r)) }

// rank orders roles, highest first.
func (r Role) rank() int { return slices.Index(Roles, r) }

// Committee is a steering committee.
type Committee struct {
	ID            int64
	UnitID        int64
	UnitName      string
	Name          string
	Purpose       Purpose
	PurposeNote   string // the campaign's or other purpose's name
	EstablishedOn time.Time
	DecisionNo    string // the decision that set it up
}

// Term is one person's term on a committee in one role.
type Term struct {
	ID        int64
	Name      string
	Title     string // the position they hold at home, e.g. "Phó Bí thư Thường trực Tỉnh ủy"
	UnitID    int64  // the unit they come from
	UnitName  string
	Role      Role
	From      time.Time
	Until     time.Time // the last day, zero while it lasts
	EndReason string
}

// On reports whether the term covers day.
func (t Term) On(day time.Time) bool {
	return !day.Before(t.From) && (t.Until.IsZero() || !day.After(t.Until))
}

// overlaps reports whether two terms share a day.
func (t Term) overlaps(o Term) bool {
	endT, endO := t.Until, o.Until
	return (endO.IsZero() || !t.From.After(endO)) && (endT.IsZero() || !o.From.After(endT))
}

// Decision is a decision of a committee.
type Decision struct {
	ID       int64
	Number   string
	SignedOn time.Time
	Title    string
	Summary  string
}

// Meeting is a conference linked to a committee.
type Meeting struct {
	ConferenceID int64
	Title        string
	HeldOn       time.Time
	Kind         string // the conference's kind code
}

// KindLabel is the conference kind's name (package meeting's catalog).
func (m Meeting) KindLabel() i18n.Message { return i18n.M("meeting.kind." + m.Kind) }

// Report is a committee's yearly report: its narrative and what the
// records say of the year.
type Report struct {
	Committee
	Year      int
	Summary   string
	AtEnd     []Term // on the committee on 31 December (or today, for the current year)
	Joined    []Term // terms begun in the year
	Left      []Term // terms ended in the year
	Meetings  []Meeting
	Decisions []Decision
}
