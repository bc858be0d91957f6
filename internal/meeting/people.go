package meeting

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Person is a person of a unit's directory.
type Person struct {
	ID       int64
	UnitID   int64
	UnitName string
	Name     string
	Titles   []Title // latest first
	// Filled by Person: the conferences the person took part in.
	Conferences []PersonConference
}

// Title is a title a person held, with the first and last day it was seen.
type Title struct {
	Title     string
	FirstSeen time.Time
	LastSeen  time.Time
}

// LatestTitle is the title seen last, "" for none.
func (p Person) LatestTitle() string {
	if len(p.Titles) == 0 {
		return ""
	}
	return p.Titles[0].Title
}

// PersonConference is one conference a person took part in.
type PersonConference struct {
	ID     int64
	Title  string
	HeldOn time.Time
	Role   Role
	As     string // the title written that day
}

// resolve follows merged_into links to the person that was kept, and
// returns it with the unit of its directory.
func resolve(ctx context.Context, q db.Querier, id int64) (int64, int64, error) {
	for range 32 {
		var unit int64
		var into *int64
		err := q.QueryRowContext(ctx, "SELECT unit_id, merged_into FROM meeting_people WHERE id = ?", id).Scan(&unit, &into)
		if errors.Is(err, db.ErrNotFound) {
			return 0, 0, apperr.NotFound("meeting.err.person_not_found")
		}
		if err != nil {
			return 0, 0, err
		}
		if into == nil {
			return id, unit, nil
		}
		id = *into
	}
	return 0, 0, fmt.Errorf("meeting: person %d: merge chain too long", id)
}

// matchPeople returns the directory person of each participant of cs
// (by conference, then participant): p.PersonID when set (the person
// that was kept, if merged), which must belong to the directory of the
// conference's unit (else an invalid-input error on the participant's
// field, which names nobody); else the person of that directory with
// the same folded name, the first added when there are several; else a
// new person there, one for all the batch's participants of that name.
// It records each participant's title as seen on the conference's day.
// The new people are added, and the titles recorded, together.
func (s *Store) matchPeople(ctx context.Context, tx *db.Tx, cs []*Conference) ([][]int64, error) {
	type key struct {
		unit int64
		fold string
	}
	out := make([][]int64, len(cs))
	var keys []key
	var units []int64
	names := map[key]string{}
	for i, c := range cs {
		out[i] = make([]int64, len(c.Participants))
		for j, p := range c.Participants {
			if p.PersonID != 0 {
				kept, unit, err := resolve(ctx, tx, p.PersonID)
				if apperr.CodeOf(err) == apperr.CodeNotFound || (err == nil && unit != c.UnitID) {
					return nil, apperr.Invalid(fmt.Sprintf("%s.%d.person", p.Role, j), "meeting.err.person_unit")
				}
				if err != nil {
					return nil, fmt.Errorf("match person: %w", err)
				}
				out[i][j] = kept
				continue
			}
			k := key{c.UnitID, vntext.Fold(p.Name)}
			if _, ok := names[k]; !ok {
				names[k] = p.Name
				keys = append(keys, k)
				units = append(units, k.unit)
			}
		}
	}
	found := map[key]int64{}
	if len(keys) > 0 {
		folds := make([]any, 0, len(keys))
		seen := map[string]bool{}
		for _, k := range keys {
			if !seen[k.fold] {
				seen[k.fold] = true
				folds = append(folds, k.fold)
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, unit_id, name_fold FROM meeting_people
			WHERE unit_id IN (`+db.IDList(units)+`) AND name_fold IN (`+db.Placeholders(len(folds))+`) AND merged_into IS NULL`, folds...)
		if err != nil {
			return nil, fmt.Errorf("match person: %w", err)
		}
		for rows.Next() {
			var id int64
			var k key
			if err := rows.Scan(&id, &k.unit, &k.fold); err != nil {
				rows.Close()
				return nil, fmt.Errorf("match person: %w", err)
			}
			if f, ok := found[k]; !ok || id < f {
				found[k] = id
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, fmt.Errorf("match person: %w", err)
		}
	}
	var missing []key
	for _, k := range keys {
		if _, ok := found[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		ids, err := tx.ReserveIDs(ctx, "meeting_people", len(missing))
		if err != nil {
			return nil, fmt.Errorf("match person: %w", err)
		}
		now := db.Stamp(tx.Now())
		rows := make([][]any, len(missing))
		for i, k := range missing {
			found[k] = ids[i]
			rows[i] = []any{ids[i], k.unit, names[k], k.fold, db.SortKey(names[k]), now}
		}
		if _, err := tx.CopyFrom(ctx, "meeting_people", []string{"id", "unit_id", "name", "name_fold", "sort_key", "created_at"}, rows); err != nil {
			return nil, fmt.Errorf("match person: %w", err)
		}
	}
	var titles []titleSeen
	for i, c := range cs {
		day := db.Day(c.HeldOn)
		for j, p := range c.Participants {
			if p.PersonID == 0 {
				out[i][j] = found[key{c.UnitID, vntext.Fold(p.Name)}]
			}
			if p.Title != "" {
				titles = append(titles, titleSeen{person: out[i][j], title: p.Title, first: day, last: day})
			}
		}
	}
	if err := seeTitles(ctx, tx, titles); err != nil {
		return nil, err
	}
	return out, nil
}

// titleSeen is a title a person held from one day to another.
type titleSeen struct {
	person      int64
	title       string
	first, last string
}

// seeTitles records that each person held each title over its days: a
// title new to its person (by its folded text) is added as first
// written, one known has its first and last day widened.
func seeTitles(ctx context.Context, tx *db.Tx, ts []titleSeen) error {
	if len(ts) == 0 {
		return nil
	}
	type key struct {
		person int64
		fold   string
	}
	var order []key
	seen := map[key]titleSeen{}
	var persons []int64
	for _, t := range ts {
		k := key{t.person, vntext.Fold(t.title)}
		if x, ok := seen[k]; ok {
			x.first, x.last = min(x.first, t.first), max(x.last, t.last)
			seen[k] = x
			continue
		}
		seen[k] = t
		order = append(order, k)
		persons = append(persons, t.person)
	}
	rows, err := tx.QueryContext(ctx, "SELECT person_id, title_fold, first_seen, last_seen FROM meeting_person_titles WHERE person_id IN ("+db.IDList(persons)+")")
	if err != nil {
		return fmt.Errorf("record title: %w", err)
	}
	known := map[key][2]string{}
	for rows.Next() {
		var k key
		var first, last string
		if err := rows.Scan(&k.person, &k.fold, &first, &last); err != nil {
			rows.Close()
			return fmt.Errorf("record title: %w", err)
		}
		known[k] = [2]string{first, last}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("record title: %w", err)
	}
	var added, widened [][]any
	for _, k := range order {
		t := seen[k]
		was, ok := known[k]
		switch {
		case !ok:
			added = append(added, []any{k.person, t.title, k.fold, t.first, t.last})
		case t.first < was[0] || t.last > was[1]:
			widened = append(widened, []any{k.person, k.fold, min(t.first, was[0]), max(t.last, was[1])})
		}
	}
	if _, err := tx.CopyFrom(ctx, "meeting_person_titles", []string{"person_id", "title", "title_fold", "first_seen", "last_seen"}, added); err != nil {
		return fmt.Errorf("record title: %w", err)
	}
	// The widened titles are updated together, from a list of values.
	const per = 1000
	for start := 0; start < len(widened); start += per {
		part := widened[start:min(start+per, len(widened))]
		args := make([]any, 0, 4*len(part))
		for _, w := range part {
			args = append(args, w...)
		}
		values := strings.TrimSuffix(strings.Repeat("(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT)), ", len(part)), ", ")
		if _, err := tx.ExecContext(ctx, `WITH v (person_id, title_fold, first_seen, last_seen) AS (VALUES `+values+`)
			UPDATE meeting_person_titles SET first_seen = v.first_seen, last_seen = v.last_seen FROM v
			WHERE meeting_person_titles.person_id = v.person_id AND meeting_person_titles.title_fold = v.title_fold`, args...); err != nil {
			return fmt.Errorf("record title: %w", err)
		}
	}
	return nil
}

// People lists the directory of unit unitID (people not merged away), in
// Vietnamese name order, optionally only names containing query (folded),
// to a caller who may read the unit.
func (s *Store) People(ctx context.Context, p *auth.Principal, unitID int64, query string, limit int) ([]Person, error) {
	if err := s.require(ctx, p, auth.PermRead, unitID, "meeting.err.people_read"); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 200
	}
	args := []any{unitID}
	w := ""
	if q := vntext.Fold(query); q != "" {
		w = ` AND p.name_fold LIKE ? ESCAPE '\'`
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.unit_id, p.name,
		COALESCE((SELECT t.title FROM meeting_person_titles t WHERE t.person_id = p.id ORDER BY t.last_seen DESC, t.id DESC LIMIT 1), '')
		FROM meeting_people p WHERE p.unit_id = ? AND p.merged_into IS NULL`+w+` ORDER BY p.sort_key, p.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("meeting: people: %w", err)
	}
	defer rows.Close()
	out := []Person{}
	for rows.Next() {
		var p Person
		var title string
		if err := rows.Scan(&p.ID, &p.UnitID, &p.Name, &title); err != nil {
			return nil, fmt.Errorf("meeting: people: %w", err)
		}
		if title != "" {
			p.Titles = []Title{{Title: title}}
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Matches looks each name up in the directory of unit unitID, for the
// conference form of a caller who may record that unit's conferences:
// the person of the same folded name, with their latest title, by name
// (names without a match are left out). A caller who may not write on
// the unit learns nothing of its directory.
func (s *Store) Matches(ctx context.Context, p *auth.Principal, unitID int64, names []string) (map[string]Person, error) {
	if err := s.require(ctx, p, auth.PermWrite, unitID, "meeting.err.forbidden_write"); err != nil {
		return nil, err
	}
	out := map[string]Person{}
	for _, name := range names {
		if _, done := out[name]; done || vntext.Fold(name) == "" {
			continue
		}
		var m Person
		var title string
		err := s.db.QueryRowContext(ctx, `SELECT p.id, p.unit_id, p.name,
			COALESCE((SELECT t.title FROM meeting_person_titles t WHERE t.person_id = p.id ORDER BY t.last_seen DESC, t.id DESC LIMIT 1), '')
			FROM meeting_people p WHERE p.unit_id = ? AND p.name_fold = ? AND p.merged_into IS NULL
			ORDER BY p.id LIMIT 1`, unitID, vntext.Fold(name)).Scan(&m.ID, &m.UnitID, &m.Name, &title)
		if errors.Is(err, db.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("meeting: match name: %w", err)
		}
		if title != "" {
			m.Titles = []Title{{Title: title}}
		}
		out[name] = m
	}
	return out, nil
}

// Person returns person id (or the person it was merged into) with the
// titles held and the conferences attended that the caller may read, to
// a caller who may read the person's unit.
func (s *Store) Person(ctx context.Context, p *auth.Principal, id int64) (Person, error) {
	kept, unit, err := resolve(ctx, s.db, id)
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Person{}, err
		}
		return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
	}
	if err := s.require(ctx, p, auth.PermRead, unit, "meeting.err.people_read"); err != nil {
		return Person{}, err
	}
	return s.person(ctx, p, kept)
}

// person reads a person that was kept (not merged away).
func (s *Store) person(ctx context.Context, p *auth.Principal, id int64) (Person, error) {
	var out Person
	err := s.db.QueryRowContext(ctx, `SELECT p.id, p.unit_id, p.name, `+org.NameSQL("p.unit_id", "'9999-12-31'")+`
		FROM meeting_people p WHERE p.id = ?`, id).Scan(&out.ID, &out.UnitID, &out.Name, &out.UnitName)
	if err != nil {
		return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT title, first_seen, last_seen FROM meeting_person_titles
		WHERE person_id = ? ORDER BY last_seen DESC, id DESC`, id)
	if err != nil {
		return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
	}
	for rows.Next() {
		var t Title
		var f, l string
		if err := rows.Scan(&t.Title, &f, &l); err != nil {
			rows.Close()
			return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
		}
		if t.FirstSeen, err = db.ParseDay(f); err == nil {
			t.LastSeen, err = db.ParseDay(l)
		}
		if err != nil {
			rows.Close()
			return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
		}
		out.Titles = append(out.Titles, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
	}
	reach, err := s.reach(ctx, p)
	if err != nil {
		return Person{}, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT c.id, c.unit_id, c.title, c.held_on, m.role, m.title
		FROM meeting_participants m JOIN meeting_conferences c ON c.id = m.conference_id
		WHERE m.person_id = ? ORDER BY c.held_on DESC, c.id DESC`, id)
	if err != nil {
		return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var pc PersonConference
		var unit int64
		var held, role string
		if err := rows.Scan(&pc.ID, &unit, &pc.Title, &held, &role, &pc.As); err != nil {
			return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
		}
		if !reach.Contains(unit) {
			continue
		}
		if pc.HeldOn, err = db.ParseDay(held); err != nil {
			return Person{}, fmt.Errorf("meeting: person %d: %w", id, err)
		}
		pc.Role = Role(role)
		out.Conferences = append(out.Conferences, pc)
	}
	return out, rows.Err()
}

// MergePeople merges person drop into person keep (both of the same
// unit's directory), for a caller who may write on that unit: drop's
// participations and titles pass to keep, and drop points at keep from
// then on. It returns keep as it is after.
func (s *Store) MergePeople(ctx context.Context, p *auth.Principal, keep, drop int64) (Person, error) {
	if keep == drop {
		return Person{}, apperr.Invalid("other", "meeting.err.merge_self")
	}
	_, unit, err := resolve(ctx, s.db, keep)
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Person{}, err
		}
		return Person{}, fmt.Errorf("meeting: merge people: %w", err)
	}
	if err := s.require(ctx, p, auth.PermWrite, unit, "meeting.err.people_write"); err != nil {
		return Person{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		k, ku, err := resolve(ctx, tx, keep)
		if err != nil {
			return err
		}
		d, du, err := resolve(ctx, tx, drop)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return apperr.Invalid("other", "meeting.err.person_not_found")
		}
		if err != nil {
			return err
		}
		if k == d {
			return apperr.Invalid("other", "meeting.err.merge_same")
		}
		if ku != du {
			return apperr.Invalid("other", "meeting.err.merge_unit")
		}
		var kname, dname string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM meeting_people WHERE id = ?", k).Scan(&kname); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT name FROM meeting_people WHERE id = ?", d).Scan(&dname); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE meeting_participants SET person_id = ? WHERE person_id = ?", k, d); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT title, first_seen, last_seen FROM meeting_person_titles WHERE person_id = ?", d)
		if err != nil {
			return err
		}
		type tl struct{ t, f, l string }
		var ts []tl
		for rows.Next() {
			var x tl
			if err := rows.Scan(&x.t, &x.f, &x.l); err != nil {
				rows.Close()
				return err
			}
			ts = append(ts, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		seen := make([]titleSeen, len(ts))
		for i, x := range ts {
			seen[i] = titleSeen{person: k, title: x.t, first: x.f, last: x.l}
		}
		if err := seeTitles(ctx, tx, seen); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM meeting_person_titles WHERE person_id = ?", d); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE meeting_people SET merged_into = ? WHERE id = ?", k, d); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "merge", Entity: "person", EntityID: k, UnitID: ku,
			Before: map[string]any{"kept": kname, "merged": dname, "merged_id": d}, After: map[string]any{"name": kname}})
	})
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Person{}, err
		}
		return Person{}, fmt.Errorf("meeting: merge people: %w", err)
	}
	return s.Person(ctx, p, keep)
}
