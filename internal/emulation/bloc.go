package emulation

// Emulation blocs and clusters (cụm, khối thi đua).
//
// A unit above (the organizer: a province's board, say) groups units
// below it into a bloc (khối: units of one kind, such as the boards of
// the party committees of agencies) or a cluster (cụm: neighbouring
// units). Each year the bloc has:
//
//   - its members, in a stored order (the rotation order);
//   - a leader (trưởng cụm/khối) and a deputy chosen by rotation: the
//     leader of a year is the member that follows the previous year's
//     leader in this year's order, wrapping round to the first; the
//     first member when the bloc had no previous year or its leader is
//     no longer a member; the deputy is the member after the leader
//     (none when the bloc has one member). Left unchanged, the order
//     makes every member lead once in as many years as there are
//     members, and this year's deputy leads next year (Rotate);
//   - a criteria table: criteria, bonus items and penalty items, each
//     with its maximum points and the evidence required; a table may be
//     taken from a pledge signed at a conference, each commitment a
//     criterion that keeps its link to the commitment;
//   - each member's own scores (tự chấm), handed in once complete;
//   - the bloc's review scores (cụm/khối chấm), entered by the leader's
//     unit on the page or from a spreadsheet once every member has
//     handed in, then closed (status reviewed);
//   - the approval of the organizer's leaders (status approved), or its
//     return to the bloc with a note (back to scoring).
//
// A member's score on a line is the review score when the bloc gave one,
// else its own; bonuses add and penalties subtract. Members are ranked
// with Rank, the same rules as pledges (ties share a rank, the next rank
// skips). The leading member is proposed for the bloc's emulation flag
// (Cờ thi đua); when the lead is tied the approver chooses among the
// tied members.
//
// Who may do what: the organizer's writers set up blocs, their years and
// criteria; a member's writers score it; the leader's writers review;
// the organizer's approvers approve or return. Whoever may read the
// organizer or a member reads the bloc.

import (
	"slices"

	"github.com/danvan/danvan/internal/i18n"
)

// BlocKind says whether a bloc groups units of one kind or neighbours.
type BlocKind string

// The kinds of bloc.
const (
	Cluster BlocKind = "cluster" // cụm thi đua
	Bloc    BlocKind = "bloc"    // khối thi đua
)

// BlocKinds lists the kinds, for forms.
var BlocKinds = []BlocKind{Cluster, Bloc}

// Label is the kind's name.
func (k BlocKind) Label() i18n.Message { return i18n.M("emulation.bloc.kind." + string(k)) }

// BlocStatus is where a bloc's year stands.
type BlocStatus string

// The statuses of a bloc's year, in order.
const (
	Scoring  BlocStatus = "scoring"  // members score themselves, the bloc reviews
	Reviewed BlocStatus = "reviewed" // the bloc closed its review; the level above decides
	Approved BlocStatus = "approved" // approved by the level above
)

// Label is the status's name.
func (s BlocStatus) Label() i18n.Message { return i18n.M("emulation.bloc.status." + string(s)) }

// CriterionKind says how a line of the criteria table counts.
type CriterionKind string

// The kinds of line.
const (
	Criterion CriterionKind = "criterion" // tiêu chí: adds up to its maximum
	Bonus     CriterionKind = "bonus"     // điểm thưởng: adds up to its maximum
	Penalty   CriterionKind = "penalty"   // điểm trừ: subtracts up to its maximum
)

// CriterionKinds lists the kinds, for forms.
var CriterionKinds = []CriterionKind{Criterion, Bonus, Penalty}

// Label is the kind's name.
func (k CriterionKind) Label() i18n.Message { return i18n.M("emulation.criterion." + string(k)) }

// BlocGroup is a bloc or cluster as set up by its organizer.
type BlocGroup struct {
	ID       int64
	UnitID   int64 // the organizer, the level above that approves
	UnitName string
	Kind     BlocKind
	Name     string
}

// BlocCriterion is one line of a year's criteria table.
type BlocCriterion struct {
	ID           int64
	Number       int // 1, 2, … in the table
	Kind         CriterionKind
	Title        string
	MaxPoints    float64
	Evidence     string // the evidence required
	CommitmentID int64  // the pledge commitment it was taken from, 0 if none
}

// Sign is +1 for criteria and bonuses, -1 for penalties.
func (c BlocCriterion) Sign() float64 {
	if c.Kind == Penalty {
		return -1
	}
	return 1
}

// BlocMember is a member of a bloc's year with its scores by criterion
// id.
type BlocMember struct {
	UnitID    int64
	UnitName  string
	Position  int
	Submitted bool // handed in its own scores
	Self      map[int64]float64
	Review    map[int64]float64
}

// Score is the member's counted score on criterion id: the review score
// when there is one, else its own; ok is false when neither exists.
func (m BlocMember) Score(id int64) (v float64, ok bool) {
	if v, ok := m.Review[id]; ok {
		return v, true
	}
	v, ok = m.Self[id]
	return v, ok
}

// BlocYear is a bloc's year: members, leader and deputy, criteria,
// scores and where the scoring stands.
type BlocYear struct {
	BlocGroup
	Year       int
	LeaderID   int64
	DeputyID   int64
	PledgeID   int64 // the pledge the criteria were taken from, 0 if none
	Status     BlocStatus
	FlagUnitID int64 // the member proposed for the flag, once approved
	// FlagProposalID is the commendation proposal that proposed the flag
	// member for the emulation flag, 0 until it is made (ProposeFlag).
	FlagProposalID int64
	Note           string
	Version        int64
	Members        []BlocMember // in rotation order
	Criteria       []BlocCriterion
}

// Member returns the member of unit id.
func (y BlocYear) Member(id int64) (BlocMember, bool) {
	i := slices.IndexFunc(y.Members, func(m BlocMember) bool { return m.UnitID == id })
	if i < 0 {
		return BlocMember{}, false
	}
	return y.Members[i], true
}

// MaxTotal is the most a member can score: the criteria's and bonuses'
// maxima.
func (y BlocYear) MaxTotal() float64 {
	t := 0.0
	for _, c := range y.Criteria {
		if c.Kind != Penalty {
			t += c.MaxPoints
		}
	}
	return round(t)
}

// AllSubmitted reports whether every member handed in its own scores.
func (y BlocYear) AllSubmitted() bool {
	for _, m := range y.Members {
		if !m.Submitted {
			return false
		}
	}
	return len(y.Members) > 0
}

// Ranking ranks the members by their counted scores with Rank, the
// pledges' rules.
func (y BlocYear) Ranking() []Standing {
	sigs := make([]Signatory, len(y.Members))
	for i, m := range y.Members {
		sc := map[int64]float64{}
		for _, c := range y.Criteria {
			if v, ok := m.Score(c.ID); ok {
				sc[c.ID] = c.Sign() * v
			}
		}
		sigs[i] = Signatory{UnitID: m.UnitID, UnitName: m.UnitName, Scores: sc}
	}
	return Rank(sigs)
}

// Leading returns the members ranked first (more than one on a tie).
func (y BlocYear) Leading() []Standing {
	var out []Standing
	for _, s := range y.Ranking() {
		if s.Rank == 1 && len(y.Criteria) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// Rotate applies the rotation rule: given this year's members in order
// and last year's leader (0 for none), it returns this year's leader and
// deputy (0 when there is one member). order must not be empty.
func Rotate(order []int64, lastLeader int64) (leader, deputy int64) {
	i := 0
	if j := slices.Index(order, lastLeader); j >= 0 {
		i = (j + 1) % len(order)
	}
	leader = order[i]
	if len(order) > 1 {
		deputy = order[(i+1)%len(order)]
	}
	return leader, deputy
}
