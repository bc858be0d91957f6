// Package emulation keeps emulation pledges (giao ước thi đua): at a
// conference, the subordinate units of a board sign a pledge with it for a
// period, made of commitments, each a target on an indicator or a
// described deliverable and worth a number of points. Later each
// commitment is scored per signatory and the signatories are ranked.
//
// Scoring rules (Rules, shown beside every ranking): a commitment's score
// lies between 0 and its maximum; a signatory's total is the sum of its
// scores, a commitment not yet scored counting 0; signatories are ranked
// by total, highest first; equal totals share a rank and the next rank
// skips as many places ("1, 2, 2, 4"), and within a tie units are listed
// in Vietnamese name order.
//
// Who may do what is decided here: every method that reads or writes
// takes the acting *auth.Principal. A pledge is launched and scored by
// whoever may write on its unit (the board), and seen by whoever may read
// its unit or one of its signatories; the conference it was signed at
// must be one of the board's own that the caller may read.
package emulation

import (
	"bytes"
	"math"
	"sort"
	"time"

	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Rules are the scoring rules every ranking shows, as catalog keys.
var Rules = []string{"emulation.rule.max", "emulation.rule.total", "emulation.rule.order", "emulation.rule.ties"}

// CommitmentKind says what a commitment promises.
type CommitmentKind string

// The kinds of commitment.
const (
	Target      CommitmentKind = "target"      // a figure on an indicator
	Deliverable CommitmentKind = "deliverable" // a described result
)

// Pledge is an emulation pledge.
type Pledge struct {
	ID           int64
	UnitID       int64 // the board above, with which the units sign
	UnitName     string
	ConferenceID int64 // the conference it was signed at, 0 if none
	Title        string
	Period       string
	SignedOn     time.Time
	Rules        string // the pledge's own rules, beside the standard ones
	Commitments  []Commitment
	Signatories  []Signatory
}

// PeriodMessage is the label of the pledge's period.
func (p Pledge) PeriodMessage() i18n.Message { return periodMessage(p.Period) }

func periodMessage(code string) i18n.Message {
	v, err := vntext.ParsePeriod(code)
	if err != nil {
		return i18n.M("period.none")
	}
	return v.Message()
}

// DefaultTitle is the title a pledge signed for period gets unless its
// author writes another: "Giao ước thi đua năm 2026" (without a period
// when there is none).
func DefaultTitle(period string) i18n.Message {
	if _, err := vntext.ParsePeriod(period); err != nil {
		return i18n.M("emulation.title.plain")
	}
	return i18n.M("emulation.title.default", periodMessage(period))
}

// Label is the kind's name (catalog key "emulation.kind.<code>").
func (k CommitmentKind) Label() i18n.Message { return i18n.M("emulation.kind." + string(k)) }

// MaxTotal is the most a signatory can score.
func (p Pledge) MaxTotal() float64 {
	t := 0.0
	for _, c := range p.Commitments {
		t += c.MaxScore
	}
	return t
}

// Commitment is one promise of a pledge.
type Commitment struct {
	ID            int64
	Kind          CommitmentKind
	IndicatorCode string
	Target        float64 // for Target
	Description   string
	MaxScore      float64
}

// Signatory is a unit that signed, who signed for it and when, and its
// scores by commitment id.
type Signatory struct {
	ID       int64
	UnitID   int64
	UnitName string
	Signer   string
	SignedOn time.Time
	Scores   map[int64]float64
}

// Total is the signatory's total score.
func (s Signatory) Total() float64 {
	t := 0.0
	for _, v := range s.Scores {
		t += v
	}
	return t
}

// Standing is one line of a ranking.
type Standing struct {
	Rank      int
	Tied      bool // shares its rank with another signatory
	Signatory Signatory
	Total     float64
}

// Rank orders signatories by the rules above.
func Rank(sigs []Signatory) []Standing {
	out := make([]Standing, len(sigs))
	for i, s := range sigs {
		out[i] = Standing{Signatory: s, Total: round(s.Total())}
	}
	keys := make([][]byte, len(out))
	for i := range out {
		keys[i] = vntext.SortKey(out[i].Signatory.UnitName)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := out[idx[a]], out[idx[b]]
		if x.Total != y.Total {
			return x.Total > y.Total
		}
		return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0
	})
	sorted := make([]Standing, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	for i := range sorted {
		if i > 0 && sorted[i].Total == sorted[i-1].Total {
			sorted[i].Rank = sorted[i-1].Rank
			sorted[i].Tied, sorted[i-1].Tied = true, true
		} else {
			sorted[i].Rank = i + 1
		}
	}
	return sorted
}

// round keeps two decimals, so that 0.1+0.2 ties with 0.3.
func round(f float64) float64 { return math.Round(f*100) / 100 }
