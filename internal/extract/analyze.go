package extract

import (
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// analyzer holds the tokenized document while the fields are read.
type analyzer struct {
	d        *document
	opts     Options
	low      string    // lower-cased d.text, same offsets
	toks     [][]token // per block; nil for meta blocks
	sents    []sentence
	title    []token
	lead     []token // the lead sentence, once found
	leadDone bool
	// awardPeriod is set when the period is only the one the awards
	// were given for, read outside the headline and the lead: it dates
	// nothing.
	awardPeriod bool
	// periodCache holds the periods read in each block, by block index.
	periodCache map[int][]vntext.PeriodMatch
	// sentCache remembers whether a sentence holds a phrase set.
	sentCache map[sentKey]bool
	warnings  []string

	eventType string
	period    *periodMention
	launched  *periodMention // period a launch of tasks looks ahead to
	date      time.Time
	dateOK    bool
	dateSpan  Span
	orgName   string
	orgSpan   Span
	orgPlace  Span // a place added from elsewhere in the article
	// handoutLead is set while the organizer is looked for in the lead,
	// where a hand-out's giver counts as its organizer.
	handoutLead bool
	level       string
	people      []personHit
	figures     []figureHit
	tasks       []Span
	taskSeen    map[string]bool
	unsure      []string // numbers left out for an unknown unit
	// moneyGuessed is set when millions or billions written without
	// "đồng" were read as money.
	moneyGuessed bool
	// unknownNames are capitalized words after "đồng chí" that do not
	// start with a known family name.
	unknownNames []string
	dateTokens   map[int]bool // token starts that belong to dates
}

func analyze(d *document, opts Options) *analyzer {
	a := &analyzer{d: d, opts: opts, low: lowerASCIIish(d.text), dateTokens: map[int]bool{}}
	a.toks = make([][]token, len(d.blocks))
	for i, b := range d.blocks {
		if b.kind == kindMeta {
			continue
		}
		a.toks[i] = tokenize(d.text, b.start, b.end, a.low)
		if b.kind == kindTitle {
			a.title = a.toks[i]
			continue
		}
		a.sents = append(a.sents, splitSentences(a.toks[i], i)...)
	}
	a.readEvent()
	a.readDate()
	a.readOrganizer()
	a.readPeople()
	a.dropPersonPlace()
	a.readTasks()
	a.readFigures() // after the tasks: numbers in tasks are targets

	return a
}

func (a *analyzer) warn(msg string) { a.warnings = append(a.warnings, msg) }

func (a *analyzer) kind(s sentence) blockKind { return a.d.blocks[s.block].kind }

// fill copies the results into the record.
func (a *analyzer) fill(r *Record) {
	if a.d.title >= 0 {
		b := a.d.blocks[a.d.title]
		r.Title = a.d.text[b.start:b.end]
		r.Spans.Title = Span{b.start, b.end}
		if a.d.titleFromCaption {
			r.Warnings = append(r.Warnings, "Tiêu đề lấy từ chú thích ảnh đầu bài (… - Ảnh 1).")
		}
	} else {
		r.Warnings = append(r.Warnings, "Không xác định được tiêu đề bài viết.")
	}
	r.EventType = a.eventType
	if a.dateOK {
		s := a.date.Format("2006-01-02")
		r.EventDate = &s
		r.Spans.EventDate = a.dateSpan
	}
	if a.orgName != "" {
		o := a.orgName
		r.Organizer = &o
		r.Spans.Organizer = a.orgSpan
		r.Spans.OrganizerPlace = a.orgPlace
	}
	if a.level != "" {
		l := a.level
		r.Level = &l
	}
	if p := a.period; p != nil {
		r.Period = p.record()
		r.Spans.Period = Span{p.start, p.end}
	}
	for _, p := range a.people {
		if p.role == roleChair {
			r.Chairs = append(r.Chairs, p.person(a.d.text))
			r.Spans.Chairs = append(r.Spans.Chairs, p.name)
		}
	}
	for _, p := range a.people {
		if p.role == roleAttend {
			r.Attendees = append(r.Attendees, p.person(a.d.text))
			r.Spans.Attendees = append(r.Spans.Attendees, p.name)
		}
	}
	for _, f := range a.figures {
		r.Figures = append(r.Figures, Figure{Value: f.value, Unit: f.unit, About: f.about})
		r.Spans.Figures = append(r.Spans.Figures, f.span)
	}
	for _, t := range a.tasks {
		r.Tasks = append(r.Tasks, a.d.text[t.Start:t.End])
		r.Spans.Tasks = append(r.Spans.Tasks, t)
	}
	r.Warnings = append(r.Warnings, a.warnings...)
}
