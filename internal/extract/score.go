package extract

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/vntext"
)

// Count holds the matches of one field over a set of articles.
type Count struct {
	TP, FP, FN int
	// Exact counts the articles where the field is exactly right (for a
	// list: the same set), out of Total.
	Exact, Total int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Count) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Count) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ScoreFields are the fields Score reports, in order.
var ScoreFields = []string{"event_type", "event_date", "organizer", "level", "period", "chairs", "attendees", "people", "figures", "tasks"}

// Scores maps a field name to its counts.
type Scores map[string]*Count

// Add scores one record against its gold record.
func (s Scores) Add(got, want Record) {
	s.scalar("event_type", strPtr(got.EventType), strPtr(want.EventType))
	s.scalar("event_date", got.EventDate, want.EventDate)
	s.scalar("organizer", normPtr(got.Organizer), normPtr(want.Organizer))
	s.scalar("level", got.Level, want.Level)
	s.scalar("period", periodKey(got.Period), periodKey(want.Period))
	s.set("chairs", names(got.Chairs), names(want.Chairs))
	s.set("attendees", names(got.Attendees), names(want.Attendees))
	s.set("people", names(append(append([]Person{}, got.Chairs...), got.Attendees...)),
		names(append(append([]Person{}, want.Chairs...), want.Attendees...)))
	s.set("figures", figureKeys(got.Figures), figureKeys(want.Figures))
	s.set("tasks", taskKeys(got.Tasks), taskKeys(want.Tasks))
}

func (s Scores) count(f string) *Count {
	c := s[f]
	if c == nil {
		c = &Count{}
		s[f] = c
	}
	return c
}

// scalar: a right non-null value is a TP; a wrong one is a FP (and a FN
// when a value was expected); a missing one a FN; both null is exact.
func (s Scores) scalar(f string, got, want *string) {
	c := s.count(f)
	c.Total++
	switch {
	case got == nil && want == nil:
		c.Exact++
	case got != nil && want != nil && *got == *want:
		c.TP++
		c.Exact++
	default:
		if got != nil {
			c.FP++
		}
		if want != nil {
			c.FN++
		}
	}
}

func (s Scores) set(f string, got, want []string) {
	c := s.count(f)
	c.Total++
	w := map[string]int{}
	for _, x := range want {
		w[x]++
	}
	tp := 0
	for _, x := range got {
		if w[x] > 0 {
			w[x]--
			tp++
		}
	}
	c.TP += tp
	c.FP += len(got) - tp
	c.FN += len(want) - tp
	if tp == len(got) && tp == len(want) {
		c.Exact++
	}
}

func strPtr(s string) *string { return &s }

func normPtr(p *string) *string {
	if p == nil {
		return nil
	}
	s := vntext.Normalize(strings.TrimSpace(*p))
	return &s
}

func periodKey(p *Period) *string {
	if p == nil {
		return nil
	}
	k := p.Part
	if p.Year != nil {
		k += " " + strconv.Itoa(*p.Year)
	}
	if p.FromYear != nil && p.ToYear != nil {
		k += fmt.Sprintf(" %d-%d", *p.FromYear, *p.ToYear)
	}
	return &k
}

func names(ps []Person) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, vntext.Normalize(strings.TrimSpace(p.Name)))
	}
	return out
}

func figureKeys(fs []Figure) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		v := strconv.FormatFloat(math.Round(f.Value*1000)/1000, 'f', -1, 64)
		out = append(out, v+" "+vntext.Normalize(strings.ToLower(strings.TrimSpace(f.Unit))))
	}
	return out
}

func taskKeys(ts []string) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, vntext.Fold(strings.TrimRight(t, ".;, ")))
	}
	return out
}

// Write prints a table of precision, recall, F1 and exact matches per
// field.
func (s Scores) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-11s %9s %7s %6s %6s %9s\n", "field", "precision", "recall", "F1", "exact", "tp/fp/fn"); err != nil {
		return err
	}
	keys := append([]string{}, ScoreFields...)
	for k := range s {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return index(keys[i]) < index(keys[j]) })
	for _, f := range keys {
		c := s[f]
		if c == nil {
			continue
		}
		if _, err := fmt.Fprintf(w, "%-11s %9.3f %7.3f %6.3f %3d/%-3d %d/%d/%d\n", f, c.Precision(), c.Recall(), c.F1(), c.Exact, c.Total, c.TP, c.FP, c.FN); err != nil {
			return err
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func index(f string) int {
	for i, x := range ScoreFields {
		if x == f {
			return i
		}
	}
	return len(ScoreFields)
}
