// Package search is one search over every kind of record: people, units,
// conferences, key tasks, "Dân vận khéo" models, reports' narratives,
// documents, petitions, dialogues, mediation cases, commendations and
// portal articles.
//
// The index is the table search_entries (migration 00400). Triggers on
// the records' tables write a record's entry in the record's own
// transaction, so the index never lags a write and a rollback leaves no
// entry behind; Reindex rebuilds it from the records. Text is indexed
// folded (vntext.Fold: marks off, đ as d, lower case, one tone placement)
// beside the text as written, which results show. The engines' full-text
// parts (SQLite FTS5, PostgreSQL tsvector and pg_trgm) are behind
// db.Dialect's Search and Similar.
//
// Search ranks title matches first, then titles holding the query's words
// with the same marks as typed, then the engine's relevance, then newer
// records. The field's abbreviations (BDV, MTTQ, HĐND, …) match their
// words and the words their abbreviation. When nothing matches, names of
// people and units within a letter or two of the query are offered (a
// typo).
//
// Scope: a signed-in reader sees the records of the units they may read
// (auth.Store.ListScope), and the counts count only those; a public search
// sees published portal articles alone.
package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/vntext"
)

// Kind is the kind of a record in the index.
type Kind string

// The kinds of record, in the order results are grouped.
const (
	KindPerson       Kind = "person"
	KindUnit         Kind = "unit"
	KindConference   Kind = "conference"
	KindTask         Kind = "task"
	KindPractice     Kind = "practice"
	KindReport       Kind = "report"
	KindDocument     Kind = "document"
	KindPetition     Kind = "petition"
	KindDialogue     Kind = "dialogue"
	KindMediation    Kind = "mediation"
	KindCommendation Kind = "commendation"
	KindArticle      Kind = "article"
)

// Kinds lists every kind, in the order results are grouped.
var Kinds = []Kind{KindPerson, KindUnit, KindConference, KindTask, KindPractice, KindReport,
	KindDocument, KindPetition, KindDialogue, KindMediation, KindCommendation, KindArticle}

// Limits of a query.
const (
	MaxQueryRunes  = 200 // longer text is cut
	MaxWords       = 16  // words after the sixteenth are ignored
	MaxPerPage     = 100
	DefaultPer     = 20
	typoCandidates = 200
	maxTypoWords   = 5
	maxCandidates  = 500 // title matches read besides the counted ones when there are more
	// MaxCounted is how many matches the counts read at most; they are
	// the candidates ranked too.
	MaxCounted    = 2000
	typoThreshold = 0.3 // the least similarity of a close name
	typoClose     = 0.5 // close names at least this similar, when there are any, are the only ones offered
)

// Query is what a search asks for.
type Query struct {
	Text    string // as typed
	Kinds   []Kind // none: every kind
	UnitID  int64  // 0: every unit within reach; else the unit and those below it
	Period  string // a period code (2023, 2023S1, 2023Q3, 202307, 2010-2020); "" for any time
	Page    int    // from 1
	PerPage int    // 0 for DefaultPer
	Public  bool   // the public portal's search: published articles only, no principal needed
}

// Hit is one record found.
type Hit struct {
	Kind     Kind
	ID       int64
	UnitID   int64
	UnitName string
	Title    string // as written
	Snippet  string // a part of the text around the first matching word
	Day      time.Time
	// ArticlePath is a portal article's public address (/trang/site/section/slug).
	ArticlePath string
}

// Result is a page of hits with the counts per kind of everything found
// within the reader's scope.
type Result struct {
	Hits    []Hit
	Total   int          // hits of the kinds asked for
	ByKind  map[Kind]int // hits of every kind (for the kind filter)
	Words   []string     // the folded words to highlight (the query's and their expansions)
	Typo    bool         // nothing matched the words: these are titles close to them
	More    bool         // more than MaxCounted matched: the counts are of the first MaxCounted
	Page    int
	PerPage int
}

// Store searches the index.
type Store struct {
	db    *db.DB
	authz *auth.Store
}

// NewStore returns a store over d that checks readers' scope with authz.
func NewStore(d *db.DB, authz *auth.Store) *Store { return &Store{db: d, authz: authz} }

// abbreviations are the field's abbreviations, folded, with their words.
var abbreviations = map[string]string{
	"bdv":   "ban dan van",
	"mttq":  "mat tran to quoc",
	"hdnd":  "hoi dong nhan dan",
	"ubnd":  "uy ban nhan dan",
	"dtn":   "doan thanh nien",
	"hlhpn": "hoi lien hiep phu nu",
	"hnd":   "hoi nong dan",
	"ccb":   "cuu chien binh",
	"bcd":   "ban chi dao",
	"qcdc":  "quy che dan chu",
}

// Words splits folded text into its words of letters and digits.
func Words(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// parsed is a query's text made ready for the engines.
type parsed struct {
	folded  string          // the words, folded, joined by spaces
	terms   []db.SearchTerm // every one must match
	marked  []string        // the words as typed in lower case, when they carry marks
	words   []string        // every folded word to highlight
	phrases []string        // each term's alternatives as folded phrases (title match test)
}

func parse(text string) parsed {
	if utf8.RuneCountInString(text) > MaxQueryRunes {
		text = string([]rune(text)[:MaxQueryRunes])
	}
	text = vntext.Normalize(text)
	words := Words(vntext.Fold(text))
	if len(words) > MaxWords {
		words = words[:MaxWords]
	}
	var p parsed
	p.folded = strings.Join(words, " ")
	seen := map[string]bool{}
	addWords := func(ws ...string) {
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				p.words = append(p.words, w)
			}
		}
	}
	for i := 0; i < len(words); {
		term := db.SearchTerm{}
		n := 1
		if exp, ok := abbreviations[words[i]]; ok {
			term.Alternatives = [][]string{{words[i]}, strings.Fields(exp)}
		} else {
			term.Alternatives = [][]string{{words[i]}}
			for abbr, exp := range abbreviations {
				ew := strings.Fields(exp)
				if len(ew) <= len(words)-i && slices.Equal(words[i:i+len(ew)], ew) {
					term.Alternatives = [][]string{ew, {abbr}}
					n = len(ew)
					break
				}
			}
		}
		for _, alt := range term.Alternatives {
			addWords(alt...)
		}
		p.terms = append(p.terms, term)
		i += n
	}
	for _, t := range p.terms {
		for _, alt := range t.Alternatives {
			p.phrases = append(p.phrases, strings.Join(alt, " "))
		}
	}
	lower := strings.ToLower(text)
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if vntext.Fold(w) != w {
			p.marked = append(p.marked, w)
		}
	}
	return p
}

// Search finds the records matching q that p may open, best first. An
// empty text finds nothing (no error). A chosen unit outside p's reach is
// not found; a bad period or kind is invalid.
func (s *Store) Search(ctx context.Context, p *auth.Principal, q Query) (Result, error) {
	res := Result{ByKind: map[Kind]int{}, Page: max(q.Page, 1), PerPage: q.PerPage}
	if res.PerPage <= 0 {
		res.PerPage = DefaultPer
	}
	res.PerPage = min(res.PerPage, MaxPerPage)
	for _, k := range q.Kinds {
		if !slices.Contains(Kinds, k) {
			return res, apperr.Invalid("kind", "search.err.kind")
		}
	}
	var from, to string
	if strings.TrimSpace(q.Period) != "" {
		per, err := vntext.ParsePeriod(q.Period)
		if err != nil {
			return res, apperr.Invalid("period", "search.err.period")
		}
		from, to = db.Day(per.Start()), db.Day(per.End())
	}
	pq := parse(q.Text)
	res.Words = pq.words
	if len(pq.terms) == 0 {
		return res, nil
	}

	// Who may see what. The reach is spliced in as a list of integers
	// (db.Dialect.SearchScope): a province's reach is thousands of units,
	// too many placeholders to bind and parse on every search.
	var scope []string
	var scopeArgs []any
	if q.Public {
		scope = append(scope, "e.public_from IS NOT NULL", "e.public_from <= ?")
		scopeArgs = append(scopeArgs, db.Stamp(s.db.Now()))
	} else {
		ids, err := s.authz.ListScope(ctx, p, q.UnitID, "search.err.unit")
		if err != nil {
			return res, err
		}
		if ids != nil {
			if len(ids) == 0 {
				return res, nil
			}
			scope = append(scope, s.db.Dialect().SearchScope(ids))
		}
	}
	if from != "" {
		scope = append(scope, "e.day >= ?", "e.day <= ?")
		scopeArgs = append(scopeArgs, from, to)
	}

	d := s.db.Dialect()
	all := d.Search(pq.terms, false)
	m := matches{pq: pq, kinds: q.Kinds, seen: map[int64]bool{}}
	// One pass of the engine counts the matches within scope (at most
	// MaxCounted) and gives the candidates to rank.
	if err := s.read(ctx, &m, all.Join, append([]string{all.Where}, scope...), append(append([]any{}, all.Args...), scopeArgs...), MaxCounted+1, true); err != nil {
		return res, err
	}
	if m.counted == 0 {
		err := s.similar(ctx, &res, pq, q.Kinds, scope, scopeArgs)
		return res, err
	}
	res.More = m.counted > MaxCounted
	res.ByKind, res.Total = m.byKind, m.total
	if res.More {
		// The pass stopped at MaxCounted matches in the engine's order:
		// the titles holding the words, which rank first, are read too.
		title := d.Search(pq.terms, true)
		conds := append(append([]string{title.Where}, scope...), kindCond(q.Kinds)...)
		if err := s.read(ctx, &m, title.Join, conds, append(append([]any{}, title.Args...), scopeArgs...), maxCandidates, false); err != nil {
			return res, err
		}
	}
	return res, s.page(ctx, &res, m.list)
}

// kindCond is the condition that keeps the kinds asked for (none when
// every kind is). Kinds are checked against Kinds before, so they are
// written into the query as text.
func kindCond(kinds []Kind) []string {
	if len(kinds) == 0 {
		return nil
	}
	quoted := make([]string, len(kinds))
	for i, k := range kinds {
		quoted[i] = "'" + string(k) + "'"
	}
	return []string{"e.kind IN (" + strings.Join(quoted, ", ") + ")"}
}

func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// matches gathers what the engine's passes found: the counts by kind and
// the candidates of the kinds asked for, each entry once.
type matches struct {
	pq      parsed
	kinds   []Kind
	seen    map[int64]bool
	list    []ranked
	byKind  map[Kind]int
	counted int // the entries the counting pass read
	total   int // of them, those of the kinds asked for
}

// ranked is a candidate with what ranks it.
type ranked struct {
	Hit
	titleFold, titleLC  string
	title, exact, equal bool
}

// read reads at most limit matching entries (the join and conditions
// from the engine and the scope) into m; the counting pass also counts
// them by kind, at most MaxCounted.
func (s *Store) read(ctx context.Context, m *matches, join string, conds []string, args []any, limit int, count bool) error {
	rows, err := s.db.QueryContext(ctx, "SELECT e.id, e.kind, e.record_id, e.unit_id, e.title, e.title_fold, e.title_lc, e.day FROM search_entries e"+
		join+where(conds)+" LIMIT ?", append(args, limit)...)
	if err != nil {
		return fmt.Errorf("search: read: %w", err)
	}
	defer rows.Close()
	if count && m.byKind == nil {
		m.byKind = map[Kind]int{}
	}
	for rows.Next() {
		var r ranked
		var id int64
		var kind, day string
		if err := rows.Scan(&id, &kind, &r.ID, &r.UnitID, &r.Title, &r.titleFold, &r.titleLC, &day); err != nil {
			return fmt.Errorf("search: read: %w", err)
		}
		r.Kind = Kind(kind)
		wanted := len(m.kinds) == 0 || slices.Contains(m.kinds, r.Kind)
		if count {
			m.counted++
			if m.counted > MaxCounted {
				continue
			}
			m.byKind[r.Kind]++
			if wanted {
				m.total++
			}
		}
		if !wanted || m.seen[id] {
			continue
		}
		m.seen[id] = true
		r.Day, _ = db.ParseDay(day)
		r.rank(m.pq)
		m.list = append(m.list, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: read: %w", err)
	}
	return nil
}

// page orders the candidates and fills in the page of hits asked for.
func (s *Store) page(ctx context.Context, res *Result, list []ranked) error {
	slices.SortStableFunc(list, func(a, b ranked) int {
		for _, c := range [...]struct{ a, b bool }{{a.title, b.title}, {a.exact, b.exact}, {a.equal, b.equal}} {
			if c.a != c.b {
				if c.a {
					return -1
				}
				return 1
			}
		}
		// Fewer words besides the query's, then newer.
		if c := cmp.Compare(len(a.titleFold), len(b.titleFold)); c != 0 {
			return c
		}
		return b.Day.Compare(a.Day)
	})
	lo := min((res.Page-1)*res.PerPage, len(list))
	for _, r := range list[lo:min(lo+res.PerPage, len(list))] {
		res.Hits = append(res.Hits, r.Hit)
	}
	if err := s.snippets(ctx, res.Hits, res.Words); err != nil {
		return err
	}
	return s.unitNames(ctx, res.Hits)
}

// rank sets what orders r: whether each term starts a word of its title,
// whether the words typed with marks are in its title with the same
// marks, and whether its title is the query.
func (r *ranked) rank(pq parsed) {
	padded := " " + r.titleFold
	r.title = true
	for _, t := range pq.terms {
		any := false
		for _, alt := range t.Alternatives {
			if strings.Contains(padded, " "+strings.Join(alt, " ")) {
				any = true
				break
			}
		}
		if !any {
			r.title = false
			break
		}
	}
	r.exact = len(pq.marked) > 0
	for _, w := range pq.marked {
		if !strings.Contains(r.titleLC, w) {
			r.exact = false
			break
		}
	}
	r.equal = strings.Join(Words(r.titleFold), " ") == pq.folded
}

// snippets fills in the hits' snippets from their entries' text.
func (s *Store) snippets(ctx context.Context, hits []Hit, words []string) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.ID*16 + int64(kindCode[h.Kind])
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id, body FROM search_entries WHERE id IN ("+db.Placeholders(len(ids))+")", ids...)
	if err != nil {
		return fmt.Errorf("search: snippets: %w", err)
	}
	defer rows.Close()
	bodies := map[int64]string{}
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return fmt.Errorf("search: snippets: %w", err)
		}
		bodies[id] = body
	}
	for i, h := range hits {
		hits[i].Snippet = Snippet(bodies[h.ID*16+int64(kindCode[h.Kind])], words, snippetRunes)
	}
	return rows.Err()
}

// kindCode is each kind's code in the entries' ids (migration 00400).
var kindCode = map[Kind]int{KindUnit: 1, KindPerson: 2, KindConference: 3, KindTask: 4, KindPractice: 5, KindReport: 6,
	KindDocument: 7, KindPetition: 8, KindDialogue: 9, KindMediation: 10, KindCommendation: 11, KindArticle: 12}

// similar offers names of people and units close to the query (of at
// most maxTypoWords words) when no record holds its words: candidates
// sharing trigrams (the engine's Similar), kept when their trigram
// similarity (as pg_trgm counts it) reaches typoClose, or, for a short
// query, typoThreshold when none does. A name with one letter wrong is
// well above typoClose (0.8 for "dang thi sonn"), and PostgreSQL's
// trigram index reads about a third of the rows for it that it reads for
// typoThreshold (names sharing "thi" are half the people).
func (s *Store) similar(ctx context.Context, res *Result, pq parsed, kinds []Kind, scope []string, scopeArgs []any) error {
	if len(pq.folded) < 4 || len(Words(pq.folded)) > maxTypoWords {
		return nil
	}
	type cand struct {
		h   Hit
		sim float64
	}
	var found, all []cand
	want := Trigrams(pq.folded)
	// A letter typed wrong changes at most three of the query's
	// trigrams, so the name meant is at least (t-6)/(t+6) similar to a
	// query of t trigrams with two letters wrong: at least typoClose once
	// t reaches 18. Only shorter queries look further, down to
	// typoThreshold (a second, dearer read on PostgreSQL).
	thresholds := []float64{typoClose}
	if len(want) < 18 {
		thresholds = append(thresholds, typoThreshold)
	}
	fetched := false
	for _, threshold := range thresholds {
		sim := s.db.Dialect().Similar(pq.folded, threshold)
		if !fetched || sim.Thresholded {
			fetched = true
			conds := append([]string{sim.Where, "e.kind IN ('person', 'unit')"}, scope...)
			args := append(append([]any{}, sim.Args...), scopeArgs...)
			query := "SELECT e.kind, e.record_id, e.unit_id, e.title, e.body, e.day, e.title_fold FROM search_entries e" + sim.Join +
				where(conds) + " ORDER BY " + sim.Order + " LIMIT ?"
			all = all[:0]
			read := func(q db.Querier) error {
				rows, err := q.QueryContext(ctx, query, append(args, typoCandidates)...)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var c cand
					var kind, body, day, fold string
					if err := rows.Scan(&kind, &c.h.ID, &c.h.UnitID, &c.h.Title, &body, &day, &fold); err != nil {
						return err
					}
					c.sim = Similarity(want, Trigrams(fold))
					c.h.Kind = Kind(kind)
					c.h.Day, _ = db.ParseDay(day)
					c.h.Snippet = Snippet(body, pq.words, snippetRunes)
					all = append(all, c)
				}
				return rows.Err()
			}
			var err error
			if sim.Setup != "" {
				err = s.db.WithTx(ctx, func(tx *db.Tx) error {
					if _, err := tx.ExecContext(ctx, sim.Setup); err != nil {
						return err
					}
					return read(tx)
				})
			} else {
				err = read(s.db)
			}
			if err != nil {
				return fmt.Errorf("search: similar: %w", err)
			}
		}
		found = found[:0]
		for _, c := range all {
			if c.sim >= threshold {
				found = append(found, c)
			}
		}
		if len(found) > 0 {
			break
		}
	}
	slices.SortStableFunc(found, func(a, b cand) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		return b.h.Day.Compare(a.h.Day)
	})
	var hits []Hit
	for _, c := range found {
		res.ByKind[c.h.Kind]++
		if len(kinds) == 0 || slices.Contains(kinds, c.h.Kind) {
			hits = append(hits, c.h)
		}
	}
	res.Total = len(hits)
	res.Typo = len(found) > 0
	lo := min((res.Page-1)*res.PerPage, len(hits))
	res.Hits = hits[lo:min(lo+res.PerPage, len(hits))]
	return s.unitNames(ctx, res.Hits)
}

// unitNames fills in the units' names from their own index entries, and
// the articles' addresses.
func (s *Store) unitNames(ctx context.Context, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	if err := s.articlePaths(ctx, hits); err != nil {
		return err
	}
	var ids []any
	seen := map[int64]bool{}
	for _, h := range hits {
		if !seen[h.UnitID] {
			seen[h.UnitID] = true
			ids = append(ids, h.UnitID*16+1)
		}
	}
	rows, err := s.db.QueryContext(ctx, "SELECT record_id, title FROM search_entries WHERE id IN ("+db.Placeholders(len(ids))+")", ids...)
	if err != nil {
		return fmt.Errorf("search: unit names: %w", err)
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("search: unit names: %w", err)
		}
		names[id] = name
	}
	for i := range hits {
		hits[i].UnitName = names[hits[i].UnitID]
	}
	return rows.Err()
}

// articlePaths fills in the public address of the articles among hits.
func (s *Store) articlePaths(ctx context.Context, hits []Hit) error {
	var ids []any
	for _, h := range hits {
		if h.Kind == KindArticle {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, s.slug, a.category, a.slug FROM portal_articles a JOIN portal_sites s ON s.id = a.site_id
		WHERE a.id IN (`+db.Placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return fmt.Errorf("search: article paths: %w", err)
	}
	defer rows.Close()
	paths := map[int64]string{}
	for rows.Next() {
		var id int64
		var site, cat, slug string
		if err := rows.Scan(&id, &site, &cat, &slug); err != nil {
			return fmt.Errorf("search: article paths: %w", err)
		}
		paths[id] = "/trang/" + site + "/" + portal.Category(cat).Slug() + "/" + slug
	}
	for i := range hits {
		if hits[i].Kind == KindArticle {
			hits[i].ArticlePath = paths[hits[i].ID]
		}
	}
	return rows.Err()
}
