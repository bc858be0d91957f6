package document

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// Documents drafted from records. A Generator turns what danvan holds —
// a unit's figures, conferences, tasks and models — into a Generated
// draft: the document's parts, some written from the records and left
// as they are (tables, lists), some drafted for a person to rewrite (the
// narrative). A page shows the draft, takes the person's edits (Edits),
// and issues it through Store.Issue. Every record is read through its
// own package's methods with the acting principal, so a draft never
// holds anything its author may not read.

// Kind is what a document is drafted from; it is the Source.Kind of the
// documents issued from such drafts.
type Kind string

// The kinds of draft. KindCommendation is the hook for the commendation
// decision and its list: the package that keeps commendations
// implements a Drafter and registers it under that kind (see
// Generator.Register); until then the kind is not offered.
const (
	KindReview       Kind = "review"            // a unit's review report for a period (sơ kết / tổng kết)
	KindMinutes      Kind = "minutes"           // the minutes (biên bản) of a conference
	KindPlan         Kind = "plan"              // a plan (kế hoạch) from a conference's key tasks
	KindModels       Kind = "practice_register" // the register of "Dân vận khéo" models of a unit and period
	KindFree         Kind = "free"              // a document written by hand, of any type
	KindCommendation Kind = "commendation"      // the commendation decision: registered by its package
)

// Label is the catalog key of the kind's name ("document.kind.review").
func (k Kind) Label() string { return "document.kind." + string(k) }

// Request names what a draft is made from.
type Request struct {
	Kind Kind
	// UnitID is the issuing unit of a review, a register of models and a
	// free document; a conference's draft is issued by its unit.
	UnitID int64
	// Period is the period of a review or of a register of models.
	Period vntext.Period
	// RecordID is the conference of minutes and plans (the record of a
	// registered kind).
	RecordID int64
	// Type is the type of a free document.
	Type Type
}

// Part is one part of a generated document's body: an optional
// numbered heading, text a person may rewrite (each line a paragraph),
// and blocks drawn from the records that are set as they are.
type Part struct {
	// Name names the part among the draft's (Edits.Parts, the stored
	// wording).
	Name string
	// Level and Title make the heading: level 1 is numbered I, II, …,
	// level 2 is numbered 1, 2, … within it; an empty Title has none.
	// A heading shows only when its part, or for level 1 a part of
	// level 2 under it, has something to show. Level 0 is a part without
	// a heading, under none.
	Level int
	Title string
	// Editable says whether a person may rewrite Text.
	Editable bool
	Text     string
	// Hint is the catalog key of a note beside the part's field.
	Hint   string
	Blocks []Block
	// Appendix puts the part after the signature, from a new page.
	Appendix bool
}

// Generated is a drafted document: the draft to issue, its body laid
// out from Parts.
type Generated struct {
	Request Request
	Unit    org.Unit // the issuing unit as it stands today
	Draft   Draft
	Parts   []Part
}

// Editable lists the parts a person may rewrite, in order.
func (g *Generated) Editable() []Part {
	var out []Part
	for _, p := range g.Parts {
		if p.Editable {
			out = append(out, p)
		}
	}
	return out
}

// Edits are what a person changed in a draft. A nil field keeps the
// drafted value.
type Edits struct {
	Summary    *string
	Parts      map[string]string // by part key; unknown and fixed parts are ignored
	Signature  *Signature
	Recipients []string // nil keeps the drafted list; empty clears it
	Replaces   int64
}

// Apply puts e into the draft and lays the body out again.
func (g *Generated) Apply(e Edits) {
	if e.Summary != nil {
		g.Draft.Summary = *e.Summary
	}
	if e.Signature != nil {
		g.Draft.Signature = *e.Signature
	}
	if e.Recipients != nil {
		g.Draft.Recipients = e.Recipients
	}
	if e.Replaces != 0 {
		g.Draft.Replaces = e.Replaces
	}
	for i := range g.Parts {
		if t, ok := e.Parts[g.Parts[i].Name]; ok && g.Parts[i].Editable {
			g.Parts[i].Text = capRunes(Clean(t), maxPartText)
		}
	}
	g.layout()
}

// layout builds the draft's body and kept texts from the parts.
func (g *Generated) layout() {
	var body, appendix []Block
	texts := map[string]string{}
	roman, arabic := 0, 0
	for i, p := range g.Parts {
		if p.Editable {
			texts[p.Name] = p.Text
		}
		if !p.shows() && !(p.Level == 1 && g.underShows(i)) {
			continue
		}
		if p.Appendix {
			appendix = append(appendix, p.Blocks...)
			continue
		}
		if p.Title != "" {
			switch p.Level {
			case 1:
				roman++
				arabic = 0
				body = append(body, Heading{Level: 1, Text: romanNumeral(roman) + ". " + p.Title})
			case 2:
				arabic++
				body = append(body, Heading{Level: 2, Text: fmt.Sprintf("%d. %s", arabic, p.Title)})
			default:
				body = append(body, Heading{Level: 3, Text: p.Title})
			}
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				body = append(body, Text(line))
			}
		}
		body = append(body, p.Blocks...)
	}
	g.Draft.Body, g.Draft.Appendix = body, appendix
	g.Draft.Parts = texts
}

// shows reports whether a part has anything of its own to show.
func (p Part) shows() bool { return strings.TrimSpace(p.Text) != "" || len(p.Blocks) > 0 }

// underShows reports whether a part under the level-1 part i (a part of
// level 2 or more before the next part of a lower level) shows.
func (g *Generated) underShows(i int) bool {
	for _, p := range g.Parts[i+1:] {
		if p.Level < 2 {
			return false
		}
		if p.shows() {
			return true
		}
	}
	return false
}

func romanNumeral(n int) string {
	numerals := []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, x := range numerals {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}

// A Drafter drafts documents of one kind from a record: the hook by
// which a package adds a kind of generated document (the commendation
// decision). It must read the record with p's permissions and return a
// Generated whose Draft names its unit, type, summary and source; the
// Generator then adds the default signature and recipients and lays the
// body out.
type Drafter interface {
	Draft(ctx context.Context, p *auth.Principal, r Request) (Generated, error)
}

// DrafterFunc is a function that is a Drafter.
type DrafterFunc func(ctx context.Context, p *auth.Principal, r Request) (Generated, error)

// Draft calls f.
func (f DrafterFunc) Draft(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	return f(ctx, p, r)
}

// Generator drafts documents from records, reading them through the
// stores of the packages that keep them.
type Generator struct {
	store     *Store
	units     *org.Store
	reports   *report.Store
	meetings  *meeting.Store
	practices *practice.Store
	pledges   *emulation.Store
	drafters  map[Kind]Drafter
	kinds     []Kind
}

// Sources are the stores a Generator reads records from.
type Sources struct {
	Reports   *report.Store
	Meetings  *meeting.Store
	Practices *practice.Store
	// Pledges gives the targets key figures are compared with (the
	// units' emulation pledges); nil leaves targets out.
	Pledges *emulation.Store
}

// NewGenerator returns a generator issuing through s and reading records
// from src, with the built-in kinds registered.
func NewGenerator(s *Store, src Sources) *Generator {
	g := &Generator{store: s, units: s.units, reports: src.Reports, meetings: src.Meetings, practices: src.Practices,
		pledges: src.Pledges, drafters: map[Kind]Drafter{}}
	g.Register(KindReview, DrafterFunc(g.review))
	g.Register(KindMinutes, DrafterFunc(g.minutes))
	g.Register(KindPlan, DrafterFunc(g.plan))
	g.Register(KindModels, DrafterFunc(g.models))
	g.Register(KindFree, DrafterFunc(g.free))
	return g
}

// Register adds (or replaces) the drafter of a kind.
func (g *Generator) Register(k Kind, d Drafter) {
	if _, ok := g.drafters[k]; !ok {
		g.kinds = append(g.kinds, k)
	}
	g.drafters[k] = d
}

// Kinds lists the registered kinds, in the order they were registered.
func (g *Generator) Kinds() []Kind { return append([]Kind(nil), g.kinds...) }

// Store is the register the generator issues through.
func (g *Generator) Store() *Store { return g.store }

// Draft drafts the document r asks for, as p may write it: p needs the
// write permission on the issuing unit, and the records are read with
// p's permissions. The signature is the unit's last issued one (its
// mode, titles and name) and the recipients are the kind's defaults.
func (g *Generator) Draft(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	if p == nil {
		return Generated{}, apperr.Unauthorized("document.err.login")
	}
	d, ok := g.drafters[r.Kind]
	if !ok {
		return Generated{}, apperr.Invalid("kind", "document.err.kind")
	}
	gen, err := d.Draft(ctx, p, r)
	if err != nil {
		return Generated{}, err
	}
	gen.Request = r
	if err := g.store.requireWrite(ctx, p, gen.Draft.UnitID); err != nil {
		return Generated{}, err
	}
	if gen.Unit.ID == 0 {
		if gen.Unit, err = g.units.Get(ctx, gen.Draft.UnitID, dayOf(g.store.db.Now())); err != nil {
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				return Generated{}, apperr.Invalid("unit_id", "document.err.unit")
			}
			return Generated{}, err
		}
	}
	if gen.Draft.Signature == (Signature{}) {
		if gen.Draft.Signature, err = g.lastSignature(ctx, p, gen.Draft.UnitID); err != nil {
			return Generated{}, err
		}
	}
	gen.layout()
	return gen, nil
}

// lastSignature is how the unit signed its last issued document, or the
// head of the board signing directly with the name left to fill in.
func (g *Generator) lastSignature(ctx context.Context, p *auth.Principal, unitID int64) (Signature, error) {
	recs, _, err := g.store.List(ctx, p, Filter{Units: []int64{unitID}, Limit: 1})
	if err != nil {
		return Signature{}, err
	}
	if len(recs) > 0 && recs[0].Signature.Title != "" {
		return recs[0].Signature, nil
	}
	return Signature{Mode: SignDirect, Title: "Trưởng ban"}, nil
}

// defaultRecipients are the recipients of a report upward: the board
// above, the standing committee of the unit's Party committee (from its
// issuer's superior line), and the unit's own file.
func (g *Generator) defaultRecipients(ctx context.Context, p *auth.Principal, u org.Unit) []string {
	var out []string
	if u.ParentID != 0 {
		if names, err := g.units.NamesOn(ctx, []int64{u.ParentID}, dayOf(g.store.db.Now())); err == nil && names[u.ParentID] != "" {
			out = append(out, names[u.ParentID]+" (để báo cáo)")
		}
	}
	if is, err := g.store.IssuerOn(ctx, p, u.ID, dayOf(g.store.db.Now())); err == nil && is.Superior != "" {
		out = append(out, "Thường trực "+titleCase(is.Superior)+" (để báo cáo)")
	}
	return append(out, "Lưu Văn phòng")
}

// titleCase is a body's name as running text writes it. A name typed
// in capitals ("TỈNH ỦY THÁI NGUYÊN") is guessed to be a committee and a
// place: the first word and the words after the second capitalized, the
// rest lower case ("Tỉnh ủy Thái Nguyên"); any other name is kept as
// typed. A page shows the result for a person to correct.
func titleCase(s string) string {
	s = cleanLine(s)
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i == 0 || i >= 2 {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = strings.ToUpper(string(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// today is the generator's calendar day in Vietnam.
func (g *Generator) today() time.Time { return dayOf(g.store.db.Now()) }

// free drafts a document written by hand: one part, its whole body.
func (g *Generator) free(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	if r.UnitID <= 0 {
		return Generated{}, apperr.Invalid("unit_id", "document.err.unit")
	}
	t := r.Type
	if t == "" {
		t = Letter
	}
	if !t.Valid() {
		return Generated{}, apperr.Invalid("type", "document.err.type")
	}
	u, err := g.units.Get(ctx, r.UnitID, g.today())
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Generated{}, apperr.Invalid("unit_id", "document.err.unit")
		}
		return Generated{}, err
	}
	return Generated{Unit: u,
		Draft: Draft{UnitID: u.ID, Type: t, Recipients: g.defaultRecipients(ctx, p, u)},
		Parts: []Part{{Name: "body", Editable: true, Hint: "document.hint.body"}},
	}, nil
}

// percent writes a share or change the Vietnamese way with one decimal
// at most: 12,5; 100; 3,4.
func percent(v float64) string { return strings.TrimSuffix(vntext.FormatNumber(v, 1), ",0") }

// shortDate writes a day as documents do in running text: 05/7/2023.
func shortDate(t time.Time) string { return vntext.FormatDate(t) }

// Redraft is what drafting a correction of rec starts from: the request
// that drafts again from the record rec came from (a document without a
// source is drafted by hand, of rec's type), and the wording rec was
// issued with, replacing rec.
func (rec Record) Redraft() (Request, Edits) {
	r := Request{Kind: Kind(rec.Source.Kind), UnitID: rec.UnitID}
	switch r.Kind {
	case KindReview, KindModels:
		r.UnitID = rec.Source.ID
		r.Period, _ = vntext.ParsePeriod(rec.Source.Period)
	case KindMinutes, KindPlan:
		r.RecordID = rec.Source.ID
	case "", KindFree:
		r.Kind, r.Type = KindFree, rec.Type
	default:
		r.RecordID = rec.Source.ID
		r.Period, _ = vntext.ParsePeriod(rec.Source.Period)
	}
	summary := rec.Summary
	sig := rec.Signature
	e := Edits{Summary: &summary, Parts: rec.Parts, Signature: &sig, Recipients: append([]string{}, rec.Recipients...), Replaces: rec.ID}
	return r, e
}
