// Package org holds the hierarchy of units: the mass-mobilization boards
// from the centre down to the communes, the agencies' blocs, and the
// Fatherland Front and socio-political organizations beside each board.
//
// The hierarchy changes over time (the 2025 reform abolished the district
// level, merged 63 provinces into 34 and some 10,000 communes into about
// 3,300), and figures reported under the old tree must still be read both
// "as reported" and "rolled up into today's units". So nothing is ever
// deleted:
//
//   - a unit has a life, ValidFrom to ValidTo (ValidTo zero while it lives);
//   - its name and place (parent, materialized path) are versions, each
//     valid over an interval: a rename or a move ends one version and starts
//     the next, and a move versions the whole moved subtree;
//   - a closure table holds every (ancestor, descendant) pair with the
//     interval it held, so a subtree on any date is one indexed query;
//   - merges and splits end the old units and link them to their successors
//     with the share that passed (1 for a merge, a fraction for a split);
//     MapToToday follows those links.
//
// # Dates
//
// Every date is a calendar day; the time of day and location of a
// time.Time argument are ignored (its year, month and day are used as
// written). Intervals are closed: ValidTo is the last day something held.
// An operation takes an effective date, the first day of the new state:
// Close(id, 2025-07-01) makes 2025-06-30 the unit's last day, and a unit
// created by a merge on 2025-07-01 starts that day.
//
// Changes to a unit are appended in date order: an operation dated before
// the unit's current version is refused (it would overlap history). An
// operation dated on the very day the current version started amends that
// version instead of adding an empty one.
//
// # Sorting
//
// Each version stores vntext.SortKey(name). Siblings are ordered by that
// key in SQL (Children, SearchByName) and by bytes.Compare in Go (Tree,
// Subtree) without recomputing collation keys per request: sorting a
// province's few hundred units then costs microseconds, not the
// milliseconds that collating names on every call would. If the collation
// in vntext ever changes, stored keys must be rebuilt (RebuildSortKeys).
package org

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
)

// Level is a unit's place in the administrative hierarchy.
type Level string

// The levels, from the top.
const (
	Central  Level = "central"  // Trung ương
	Province Level = "province" // tỉnh, thành phố trực thuộc Trung ương
	District Level = "district" // huyện, thị xã, thành phố thuộc tỉnh (abolished 2025-07-01)
	Commune  Level = "commune"  // xã, phường, thị trấn (đặc khu)
	Agency   Level = "agency"   // đảng ủy khối, sở, ngành
)

// Levels lists every level, from the top.
var Levels = []Level{Central, Province, District, Commune, Agency}

// Valid reports whether l is a known level.
func (l Level) Valid() bool {
	switch l {
	case Central, Province, District, Commune, Agency:
		return true
	}
	return false
}

// rank orders the territorial levels; agency has none (-1).
func (l Level) rank() int {
	switch l {
	case Central:
		return 0
	case Province:
		return 1
	case District:
		return 2
	case Commune:
		return 3
	}
	return -1
}

// Kind is what sort of body a unit is.
type Kind string

// The kinds of unit.
const (
	Board           Kind = "board"            // Ban Dân vận
	CommuneBloc     Kind = "commune_bloc"     // Khối Dân vận xã, phường, thị trấn
	FatherlandFront Kind = "fatherland_front" // Ủy ban Mặt trận Tổ quốc
	WomensUnion     Kind = "womens_union"     // Hội Liên hiệp Phụ nữ
	FarmersUnion    Kind = "farmers_union"    // Hội Nông dân
	Veterans        Kind = "veterans"         // Hội Cựu chiến binh
	YouthUnion      Kind = "youth_union"      // Đoàn Thanh niên Cộng sản Hồ Chí Minh
	TradeUnion      Kind = "trade_union"      // Công đoàn, Liên đoàn Lao động
	Other           Kind = "other"
)

// Kinds lists every kind.
var Kinds = []Kind{Board, CommuneBloc, FatherlandFront, WomensUnion, FarmersUnion, Veterans, YouthUnion, TradeUnion, Other}

// Organizations lists the kinds that stand beside a board: the Fatherland
// Front and the socio-political organizations.
var Organizations = []Kind{FatherlandFront, WomensUnion, FarmersUnion, Veterans, YouthUnion, TradeUnion}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case Board, CommuneBloc, FatherlandFront, WomensUnion, FarmersUnion, Veterans, YouthUnion, TradeUnion, Other:
		return true
	}
	return false
}

// leads reports whether units of kind k lead their level (a board or a
// commune bloc) rather than stand beside the one that does.
func (k Kind) leads() bool { return k == Board || k == CommuneBloc }

// LinkKind says how a predecessor passed to a successor.
type LinkKind string

// The link kinds.
const (
	LinkMerge LinkKind = "merge" // sáp nhập: the predecessor passed whole into the successor
	LinkSplit LinkKind = "split" // chia tách: the predecessor passed a share to each successor
)

// Unit is a unit as it stood on one day: its identity and life, and the
// version (name, parent, path) valid that day.
type Unit struct {
	ID        int64
	Code      string
	Level     Level
	Kind      Kind
	ValidFrom time.Time // first day of the unit's life
	ValidTo   time.Time // last day; zero while the unit lives

	Name        string
	ShortName   string
	ParentID    int64  // 0 for a root
	Path        string // ids from the root to the unit: "/1/5/23/"
	Depth       int    // 0 for a root
	VersionFrom time.Time
	VersionTo   time.Time // zero while the version holds

	sortKey []byte
}

// Active reports whether the unit has not been closed.
func (u Unit) Active() bool { return u.ValidTo.IsZero() }

// ValidOn reports whether the unit lived on day d.
func (u Unit) ValidOn(d time.Time) bool {
	s := db.Day(d)
	return db.Day(u.ValidFrom) <= s && (u.ValidTo.IsZero() || db.Day(u.ValidTo) >= s)
}

// PathIDs returns the ids on the unit's path, root first, the unit last.
func (u Unit) PathIDs() []int64 { return parsePath(u.Path) }

// Version is one interval of a unit's name and place.
type Version struct {
	ValidFrom time.Time
	ValidTo   time.Time // zero while the version holds
	Name      string
	ShortName string
	ParentID  int64
	Path      string
}

// Link is a successor link, seen from one side. Unit is the unit on the
// other side: for Predecessors the predecessor as it stood on its last day,
// for Successors the successor as it stood on the link's date.
type Link struct {
	ID            int64
	Kind          LinkKind
	Date          time.Time // first day of the new state
	PredecessorID int64
	SuccessorID   int64
	Share         float64 // of the predecessor passed to the successor
	Unit          Unit
}

// Mapped is a unit of the target date and the share of the historical
// unit that passed into it.
type Mapped struct {
	Unit  Unit
	Share float64
}

// NewUnit describes a unit to create.
type NewUnit struct {
	Code      string
	Name      string
	ShortName string
	Level     Level // for merge and split targets, empty means the source's level
	Kind      Kind
	ParentID  int64     // 0 only for a central unit; for split parts, 0 means the source's parent
	ValidFrom time.Time // ignored for merge and split targets (they start on the operation's date)
}

// MergeTarget is the unit that merged units pass into: an existing unit
// (ExistingID) that lives on, or a new one (New). Exactly one must be set.
type MergeTarget struct {
	ExistingID int64
	New        *NewUnit
}

// SplitPart is one successor of a split: an existing unit (ExistingID) or
// a new one (New), and the share of the split unit that passes to it.
type SplitPart struct {
	ExistingID int64
	New        *NewUnit
	Share      float64
}

// dayBefore returns the stored form of the day before d ('YYYY-MM-DD').
func dayBefore(d string) string {
	t, err := time.Parse(db.DayLayout, d)
	if err != nil {
		panic("org: bad stored date " + d)
	}
	return db.Day(t.AddDate(0, 0, -1))
}

// dayAfter returns the stored form of the day after d.
func dayAfter(d string) string {
	t, err := time.Parse(db.DayLayout, d)
	if err != nil {
		return d
	}
	return db.Day(t.AddDate(0, 0, 1))
}

// Date returns midnight UTC of the given day: a convenience for callers.
func Date(year int, month time.Month, d int) time.Time {
	return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
}

// scanDay reads a stored day (db.DayLayout) straight from a column's raw
// bytes, without allocating; empty gives the zero time. It is
// db.ParseDay for the queries that read thousands of units (a tree reads
// four days per unit), where time.Parse and a string per value showed in
// the benchmarks.
func scanDay(s []byte) (time.Time, error) {
	if len(s) == 0 {
		return time.Time{}, nil
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if t.Day() == d {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("org: stored date %q is not YYYY-MM-DD", s)
}

func digits(s []byte) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// showDay formats a stored date for a message, the same in both
// languages: 30/06/2025.
func showDay(s string) string {
	t, err := time.Parse(db.DayLayout, s)
	if err != nil {
		return s
	}
	return t.Format("02/01/2006")
}

// levelMsg and kindMsg are a level's and a kind's labels as message
// arguments.
func levelMsg(l Level) i18n.Message { return i18n.M("level." + string(l)) }
func kindMsg(k Kind) i18n.Message   { return i18n.M("kind." + string(k)) }

// checkDate refuses a missing date.
func checkDate(field string, t time.Time) error {
	if t.IsZero() {
		return apperr.Invalid(field, "org.err.no_date")
	}
	if t.Year() < 1900 || t.Year() > 9998 {
		return apperr.Invalid(field, "org.err.bad_date")
	}
	return nil
}

func parsePath(p string) []int64 {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	ids := make([]int64, 0, len(parts))
	for _, s := range parts {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

func pathDepth(p string) int {
	n := strings.Count(p, "/") - 2
	if n < 0 {
		return 0
	}
	return n
}

// checkPlacement enforces the level rules for a unit of the given level
// and kind placed under parent (nil for a root):
//
//   - a central unit is a root, and only a central unit is;
//   - an agency sits under a central, provincial, district or agency unit,
//     and only agencies sit under an agency;
//   - otherwise a board or commune bloc sits under a strictly higher level
//     (a commune directly under a province is fine, as since 2025), and an
//     organization sits under a unit of its own level or a higher one
//     (the provincial Women's Union beside, and under, the provincial board).
func checkPlacement(parent *unitRow, level Level, kind Kind) error {
	if parent == nil {
		if level != Central {
			return apperr.Invalid("parent_id", "org.err.needs_parent", levelMsg(level))
		}
		return nil
	}
	if level == Central {
		return apperr.Invalid("parent_id", "org.err.central_is_root")
	}
	if level == Agency {
		if parent.Level == Commune {
			return apperr.Invalid("parent_id", "org.err.place_under", levelMsg(level), levelMsg(parent.Level))
		}
		return nil
	}
	if parent.Level == Agency {
		return apperr.Invalid("parent_id", "org.err.place_under", levelMsg(level), levelMsg(parent.Level))
	}
	pr, cr := parent.Level.rank(), level.rank()
	if cr < pr || (cr == pr && kind.leads()) {
		return apperr.Invalid("parent_id", "org.err.place_under", levelMsg(level), levelMsg(parent.Level))
	}
	if cr == pr && !parent.Kind.leads() {
		return apperr.Invalid("parent_id", "org.err.org_under_lead", kindMsg(kind))
	}
	return nil
}

// checkKind enforces which kinds exist at which level.
func checkKind(level Level, kind Kind) error {
	if !level.Valid() {
		return apperr.Invalid("level", "org.err.bad_level")
	}
	if !kind.Valid() {
		return apperr.Invalid("kind", "org.err.bad_kind")
	}
	if kind == CommuneBloc && level != Commune {
		return apperr.Invalid("kind", "org.err.bloc_commune_only")
	}
	if kind == Board && level == Commune {
		return apperr.Invalid("kind", "org.err.board_in_commune")
	}
	return nil
}

// cleanName trims a name, collapses inner spaces and brings it to the
// one spelling of vntext.Normalize.
func cleanName(s string) string {
	return normalize(strings.Join(strings.Fields(s), " "))
}
