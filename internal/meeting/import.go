package meeting

import (
	"context"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Draft is what an article proposes for a conference before a person
// checks it: the conference (no unit chosen yet), the organizer and level
// as written, and the extractor's warnings.
type Draft struct {
	Conference
	Organizer string
	Level     string
	Warnings  []string
}

// KindOf maps an extract event type to a conference kind (a report about
// a model, or anything else, proposes a thematic conference).
func KindOf(eventType string) Kind {
	switch eventType {
	case extract.TypeTongKet:
		return TongKet
	case extract.TypeSoKet:
		return SoKet
	case extract.TypeTrienKhai:
		return TrienKhai
	case extract.TypeKhenThuong:
		return KhenThuong
	}
	return ChuyenDe
}

// PeriodCode turns an extracted period into a period code ("" for none).
func PeriodCode(p *extract.Period) string {
	if p == nil {
		return ""
	}
	var v vntext.Period
	switch p.Part {
	case "multi":
		if p.FromYear == nil || p.ToYear == nil {
			return ""
		}
		v = vntext.Period{Kind: vntext.Stage, Year: *p.FromYear, ToYear: *p.ToYear}
	case "H1", "H2":
		if p.Year == nil {
			return ""
		}
		v = vntext.Period{Kind: vntext.Half, Year: *p.Year, Part: int(p.Part[1] - '0')}
	case "Q1", "Q2", "Q3", "Q4":
		if p.Year == nil {
			return ""
		}
		v = vntext.Period{Kind: vntext.Quarter, Year: *p.Year, Part: int(p.Part[1] - '0')}
	default:
		if p.Year == nil {
			return ""
		}
		v = vntext.Period{Kind: vntext.Year, Year: *p.Year}
	}
	return v.String()
}

// DraftFrom turns an extracted record into a draft conference: kind,
// title, date (and "sáng"/"chiều" written before it), period, chairs and
// attendees, figures with the sentences that hold them as the summary,
// and the key tasks, due with the period after the one reviewed (else the
// year after the conference). The record's text is the source.
func DraftFrom(rec extract.Record) Draft {
	d := Draft{Warnings: rec.Warnings}
	c := &d.Conference
	c.Kind = KindOf(rec.EventType)
	c.Title = rec.Title
	c.SourceName = rec.Source
	c.SourceText = rec.Text
	if rec.EventDate != nil {
		if t, err := time.Parse(time.DateOnly, *rec.EventDate); err == nil {
			c.HeldOn = t
		}
		c.TimeOfDay = timeOfDay(rec.Text, rec.Spans.EventDate.Start)
	}
	if rec.Organizer != nil {
		d.Organizer = *rec.Organizer
	}
	if rec.Level != nil {
		d.Level = *rec.Level
	}
	c.Period = PeriodCode(rec.Period)
	for _, p := range rec.Chairs {
		c.Participants = append(c.Participants, Participant{Name: p.Name, Title: deref(p.Title), Role: Chair})
	}
	for _, p := range rec.Attendees {
		c.Participants = append(c.Participants, Participant{Name: p.Name, Title: deref(p.Title), Role: Attendee})
	}
	for _, f := range rec.Figures {
		c.Figures = append(c.Figures, Figure{Value: f.Value, Unit: f.Unit, About: f.About})
	}
	c.Summary = sentences(rec.Text, rec.Spans.Figures)
	due := NextPeriod(c.Period)
	if due == "" && !c.HeldOn.IsZero() {
		due = fmt.Sprintf("%04d", c.HeldOn.Year()+1)
	}
	for _, t := range rec.Tasks {
		c.Tasks = append(c.Tasks, Task{Title: t, Period: due, Status: Open})
	}
	return d
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// timeOfDay reads "sáng", "chiều" or "tối" among the few words before
// byte offset i of text.
func timeOfDay(text string, i int) string {
	if i <= 0 || i > len(text) {
		return ""
	}
	start := max(0, i-24)
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start--
	}
	before := vntext.Fold(text[start:i])
	for _, w := range []struct{ fold, label string }{{"sang", "sáng"}, {"chieu", "chiều"}, {"toi", "tối"}} {
		for _, f := range strings.Fields(before) {
			if f == w.fold {
				return w.label
			}
		}
	}
	return ""
}

// sentences returns, once each and in order, the sentences of text that
// hold the spans.
func sentences(text string, spans []extract.Span) string {
	type rng struct{ a, b int }
	var out []rng
	for _, s := range spans {
		if s.End <= s.Start || s.End > len(text) {
			continue
		}
		a := s.Start
		for a > 0 && !sentenceEnd(text, a-1) {
			a--
		}
		b := s.End
		for b < len(text) && !sentenceEnd(text, b) {
			b++
		}
		if b < len(text) {
			b++
		}
		if len(out) > 0 && a < out[len(out)-1].b {
			out[len(out)-1].b = max(out[len(out)-1].b, b)
			continue
		}
		out = append(out, rng{a, b})
	}
	var parts []string
	for _, r := range out {
		if p := strings.TrimSpace(text[r.a:r.b]); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "\n")
}

func sentenceEnd(text string, i int) bool {
	c := text[i]
	if c == '\n' {
		return true
	}
	return (c == '.' || c == ';' || c == '!' || c == '?') && (i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n')
}

// Suggestion is a unit proposed as the organizer, with how many folded
// words it shares with the organizer as written.
type Suggestion struct {
	Unit  org.Unit
	Score int
}

// SuggestUnits proposes units for the organizer as written (closest by
// folded name first, the extracted level breaking ties) among the units
// that existed on date and that p may record conferences of. It never
// chooses for the person: the page shows the list.
func (s *Store) SuggestUnits(ctx context.Context, p *auth.Principal, organizer, level string, date time.Time) ([]Suggestion, error) {
	if err := requireWriteSomewhere(p); err != nil {
		return nil, err
	}
	return s.suggest(ctx, organizer, level, date, func(id int64) (bool, error) {
		return s.may(ctx, p, auth.PermWrite, id)
	})
}

// suggest is SuggestUnits among the units allowed accepts (nil: all).
func (s *Store) suggest(ctx context.Context, organizer, level string, date time.Time, allowed func(int64) (bool, error)) ([]Suggestion, error) {
	words := strings.Fields(vntext.Fold(organizer))
	if len(words) == 0 {
		return nil, nil
	}
	queries := []string{strings.Join(words, " ")}
	for n := 1; n <= 3 && n < len(words); n++ {
		queries = append(queries, strings.Join(words[len(words)-n:], " "))
	}
	queries = append(queries, strings.Join(words[:min(len(words), 4)], " "))
	seen := map[int64]bool{}
	var out []Suggestion
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	for _, q := range queries {
		us, err := s.units.SearchByName(ctx, q, date, 200)
		if err != nil {
			if apperr.CodeOf(err) == apperr.CodeInvalid {
				continue
			}
			return nil, fmt.Errorf("meeting: suggest units: %w", err)
		}
		for _, u := range us {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			if allowed != nil {
				ok, err := allowed(u.ID)
				if err != nil {
					return nil, fmt.Errorf("meeting: suggest units: %w", err)
				}
				if !ok {
					continue
				}
			}
			score := 0
			for _, w := range strings.Fields(vntext.Fold(u.Name)) {
				if want[w] {
					score += 2
				} else {
					score--
				}
			}
			if level != "" && string(u.Level) == level {
				score += 3
			}
			if u.Kind == org.Board || u.Kind == org.CommuneBloc {
				score++
			}
			out = append(out, Suggestion{Unit: u, Score: score})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	if len(out) > 10 {
		out = out[:10]
	}
	return out, nil
}

// ImportOptions say where an imported article's conference belongs.
type ImportOptions struct {
	UnitID     int64     // the organizing unit; 0 takes the best suggestion
	SourceName string    // the file or address the article came from
	Published  time.Time // the article's publication date, when known
}

// Import reads an article, drafts its conference and records it as the
// extractor proposes it. It is a trusted loader for the demo and the
// command line: nobody's permission is asked, so no request handler may
// call it (people use DraftArticle and Create, which let them correct the
// draft first and check their rights).
func (s *Store) Import(ctx context.Context, doc []byte, opts ImportOptions) (Conference, error) {
	rec, err := extract.Extract(ctx, doc, extract.Options{Source: opts.SourceName, Published: opts.Published})
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: import: %w", err)
	}
	d := DraftFrom(rec)
	c := d.Conference
	c.UnitID = opts.UnitID
	if c.HeldOn.IsZero() {
		c.HeldOn = opts.Published
	}
	if c.UnitID == 0 {
		sug, err := s.suggest(ctx, d.Organizer, d.Level, c.HeldOn, nil)
		if err != nil {
			return Conference{}, err
		}
		if len(sug) == 0 {
			return Conference{}, apperr.Invalid("unit", "meeting.err.no_organizer")
		}
		c.UnitID = sug[0].Unit.ID
	}
	if err := c.validate(); err != nil {
		return Conference{}, err
	}
	if err := s.checkUnits(ctx, c); err != nil {
		return Conference{}, err
	}
	id, err := s.record(ctx, nil, c)
	if err != nil {
		return Conference{}, err
	}
	out, err := s.head(ctx, id)
	if err != nil {
		return Conference{}, err
	}
	return out, s.fill(ctx, &out)
}

// Article is an article read for review before it becomes a conference:
// the draft, and whether it was imported before.
type Article struct {
	Draft
	// Duplicate is the conference the article was imported as, when the
	// caller may read it; DuplicateElsewhere says it was imported as a
	// conference the caller may not see.
	Duplicate          int64
	DuplicateElsewhere bool
}

// DraftArticle reads an article for a caller who may record conferences
// somewhere: the draft the extractor proposes and whether the article was
// imported before. Nothing is written.
func (s *Store) DraftArticle(ctx context.Context, p *auth.Principal, doc []byte, opts ImportOptions) (Article, error) {
	if err := requireWriteSomewhere(p); err != nil {
		return Article{}, err
	}
	rec, err := extract.Extract(ctx, doc, extract.Options{Source: opts.SourceName, Published: opts.Published})
	if err != nil {
		return Article{}, fmt.Errorf("meeting: draft article: %w", err)
	}
	a := Article{Draft: DraftFrom(rec)}
	id, visible, err := s.duplicate(ctx, p, a.SourceText)
	if err != nil {
		return Article{}, err
	}
	if visible {
		a.Duplicate = id
	} else {
		a.DuplicateElsewhere = id != 0
	}
	return a, nil
}

// SavedArticles lists the articles saved in the import folder (text and
// HTML files), for a caller who may record conferences somewhere; nobody
// else sees the folder.
func (s *Store) SavedArticles(ctx context.Context, p *auth.Principal) ([]string, error) {
	if s.articles == "" || !CanWriteSomewhere(p) {
		return nil, nil
	}
	ents, err := os.ReadDir(s.articles)
	if err != nil {
		return nil, fmt.Errorf("meeting: saved articles: %w", err)
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(n, ".") &&
			(strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm")) {
			out = append(out, n)
		}
	}
	return out, nil
}

// MaxArticle is the largest article the import reads, in bytes.
const MaxArticle = 2 << 20

// SavedArticle reads one saved article by the name SavedArticles gave,
// for a caller who may record conferences somewhere; any other name is
// refused on field "saved".
func (s *Store) SavedArticle(ctx context.Context, p *auth.Principal, name string) ([]byte, error) {
	if err := requireWriteSomewhere(p); err != nil {
		return nil, err
	}
	names, err := s.SavedArticles(ctx, p)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(names, name) {
		return nil, apperr.Invalid("saved", "meeting.err.article_missing")
	}
	f, err := os.Open(filepath.Join(s.articles, name))
	if err != nil {
		return nil, fmt.Errorf("meeting: saved article: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxArticle))
	if err != nil {
		return nil, fmt.Errorf("meeting: saved article %s: %w", name, err)
	}
	return b, nil
}

// Samples holds the five sample articles of the project (news of
// provincial and district boards), for the demo data and tests.
//
//go:embed samples/*.txt
var Samples embed.FS
