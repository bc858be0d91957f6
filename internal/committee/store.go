package committee

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Bounds of what one committee holds.
const (
	MaxTerms     = 500
	maxText      = 200
	maxSummary   = 20000
	maxDecisions = 1000
)

// Store reads and writes steering committees. Exported methods own their
// transaction and check the caller's permission themselves.
type Store struct {
	db          *db.DB
	units       *org.Store
	authz       *auth.Store
	conferences *meeting.Store
}

// NewStore returns a store over d whose methods check the caller's
// permissions with authz; conferences finds the conferences a committee
// links as its meetings.
func NewStore(d *db.DB, units *org.Store, authz *auth.Store, conferences *meeting.Store) *Store {
	return &Store{db: d, units: units, authz: authz, conferences: conferences}
}

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// tooLong reports whether s passes n characters.
func tooLong(s string, n int) bool { return len([]rune(s)) > n }

// CanWrite reports whether p may change committees of unit unitID.
func (s *Store) CanWrite(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.authz.CanAny(ctx, p, auth.PermWrite, unitID)
}

// Create records a committee of unit c.UnitID, for a caller who may write
// on that unit.
func (s *Store) Create(ctx context.Context, p *auth.Principal, c Committee) (Committee, error) {
	c.Name, c.PurposeNote, c.DecisionNo = clean(c.Name), clean(c.PurposeNote), clean(c.DecisionNo)
	var es apperr.Errors
	if c.Name == "" || tooLong(c.Name, maxText) {
		es.Add("name", "committee.err.name")
	}
	if !c.Purpose.Valid() {
		es.Add("purpose", "committee.err.purpose")
	} else if (c.Purpose == Campaign || c.Purpose == Other) && c.PurposeNote == "" {
		es.Add("purpose_note", "committee.err.purpose_note")
	}
	if tooLong(c.PurposeNote, maxText) || tooLong(c.DecisionNo, maxText) {
		es.Add("purpose_note", "committee.err.too_long", maxText)
	}
	if c.EstablishedOn.IsZero() {
		es.Add("established_on", "committee.err.established_on")
	}
	if err := es.Err(); err != nil {
		return Committee{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "committee.err.forbidden_write", c.UnitID); err != nil {
		return Committee{}, err
	}
	if _, err := s.units.Get(ctx, c.UnitID, c.EstablishedOn); err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Committee{}, apperr.Invalid("unit", "committee.err.unit_day")
		}
		return Committee{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err := tx.InsertID(ctx, `INSERT INTO committees (unit_id, name, name_fold, purpose, purpose_note, established_on, decision_no, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.UnitID, c.Name, vntext.Fold(c.Name), string(c.Purpose), c.PurposeNote, db.Day(c.EstablishedOn), c.DecisionNo, db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		c.ID = id
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"name": c.Name, "purpose": c.Purpose}})
	})
	if err != nil {
		return Committee{}, fmt.Errorf("committee: create: %w", err)
	}
	return s.Committee(ctx, p, c.ID)
}

// load reads committee id, whoever asks.
func (s *Store) load(ctx context.Context, q db.Querier, id int64) (Committee, error) {
	var c Committee
	var purpose, est string
	err := q.QueryRowContext(ctx, `SELECT c.id, c.unit_id, c.name, c.purpose, c.purpose_note, c.established_on, c.decision_no, `+org.NameSQL("c.unit_id", "c.established_on")+`
		FROM committees c WHERE c.id = ?`, id).Scan(&c.ID, &c.UnitID, &c.Name, &purpose, &c.PurposeNote, &est, &c.DecisionNo, &c.UnitName)
	if errors.Is(err, db.ErrNotFound) {
		return Committee{}, apperr.NotFound("committee.err.not_found")
	}
	if err != nil {
		return Committee{}, fmt.Errorf("committee %d: %w", id, err)
	}
	c.Purpose = Purpose(purpose)
	if c.EstablishedOn, err = db.ParseDay(est); err != nil {
		return Committee{}, fmt.Errorf("committee %d: %w", id, err)
	}
	return c, nil
}

// Committee returns committee id to a caller who may read its unit or
// the unit of one of its members.
func (s *Store) Committee(ctx context.Context, p *auth.Principal, id int64) (Committee, error) {
	c, err := s.load(ctx, s.db, id)
	if err != nil {
		return Committee{}, err
	}
	units := []int64{c.UnitID}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT unit_id FROM committee_members WHERE committee_id = ?`, id)
	if err != nil {
		return Committee{}, fmt.Errorf("committee %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return Committee{}, err
		}
		units = append(units, u)
	}
	if err := rows.Err(); err != nil {
		return Committee{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "committee.err.forbidden_read", units...); err != nil {
		return Committee{}, err
	}
	return c, nil
}

// writable returns committee id for a caller who may write on its unit.
func (s *Store) writable(ctx context.Context, p *auth.Principal, id int64) (Committee, error) {
	c, err := s.Committee(ctx, p, id)
	if err != nil {
		return Committee{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "committee.err.forbidden_write", c.UnitID); err != nil {
		return Committee{}, err
	}
	return c, nil
}

// Row is a committee as lists show it.
type Row struct {
	Committee
	Members int // on it today
}

// Filter selects a page of the committees list.
type Filter struct {
	UnitID int64  // committees of this unit and those below it; 0 for all
	Query  string // in the name (folded)
	Offset int
	Limit  int // 0 means 50; at most 500
}

// List returns a page of the committees the caller may see (of a unit
// they may read, or with a member from one) that f selects, in
// Vietnamese name order, and how many there are in all.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Row, int, error) {
	scope, err := s.authz.ListScope(ctx, p, f.UnitID, "committee.err.not_found")
	if err != nil {
		return nil, 0, err
	}
	if scope != nil && len(scope) == 0 {
		return []Row{}, 0, nil
	}
	var conds []string
	var args []any
	if scope != nil {
		in := db.IDList(scope)
		c := "(c.unit_id IN (" + in + ")"
		if f.UnitID == 0 {
			c += " OR c.id IN (SELECT m.committee_id FROM committee_members m WHERE m.unit_id IN (" + in + "))"
		}
		conds = append(conds, c+")")
	}
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		conds = append(conds, `c.name_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	// The names first, to sort them the Vietnamese way; then the page's
	// details.
	ids, total, err := db.PageByName(ctx, s.db, `SELECT c.id, c.name FROM committees c `+where+` ORDER BY c.id`, args, f.Offset, f.Limit)
	if err != nil {
		return nil, 0, fmt.Errorf("committee: list: %w", err)
	}
	out := make([]Row, 0, len(ids))
	if len(ids) == 0 {
		return out, total, nil
	}
	today := db.Day(s.db.Now())
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.unit_id, c.name, c.purpose, c.purpose_note, c.established_on, c.decision_no, `+org.NameSQL("c.unit_id", "?")+`,
		(SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id AND m.from_on <= ? AND (m.until_on IS NULL OR m.until_on >= ?))
		FROM committees c WHERE c.id IN (`+db.IDList(ids)+`)`, today, today, today)
	if err != nil {
		return nil, 0, fmt.Errorf("committee: list: %w", err)
	}
	defer rows.Close()
	byID := map[int64]Row{}
	for rows.Next() {
		var r Row
		var purpose, est string
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Name, &purpose, &r.PurposeNote, &est, &r.DecisionNo, &r.UnitName, &r.Members); err != nil {
			return nil, 0, fmt.Errorf("committee: list: %w", err)
		}
		r.Purpose = Purpose(purpose)
		if r.EstablishedOn, err = db.ParseDay(est); err != nil {
			return nil, 0, fmt.Errorf("committee: list: %w", err)
		}
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("committee: list: %w", err)
	}
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, total, nil
}

// terms reads every term of committee id, by role then name.
func (s *Store) terms(ctx context.Context, q db.Querier, id int64) ([]Term, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.name, m.title, m.unit_id, m.role, m.from_on, m.until_on, m.end_reason, `+org.NameSQL("m.unit_id", "m.from_on")+`
		FROM committee_members m WHERE m.committee_id = ? ORDER BY m.from_on, m.id`, id)
	if err != nil {
		return nil, fmt.Errorf("committee %d terms: %w", id, err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		var t Term
		var role, from string
		var until sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &t.Title, &t.UnitID, &role, &from, &until, &t.EndReason, &t.UnitName); err != nil {
			return nil, fmt.Errorf("committee %d terms: %w", id, err)
		}
		t.Role = Role(role)
		if t.From, err = db.ParseDay(from); err != nil {
			return nil, err
		}
		if t.Until, err = db.NullDay(until); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// sortTerms orders terms by role, then name in Vietnamese order.
func sortTerms(ts []Term) {
	slices.SortStableFunc(ts, func(a, b Term) int {
		if a.Role != b.Role {
			return a.Role.rank() - b.Role.rank()
		}
		return vntext.Compare(a.Name, b.Name)
	})
}

// Terms returns every term of committee id, past and present, in the
// order they began.
func (s *Store) Terms(ctx context.Context, p *auth.Principal, id int64) ([]Term, error) {
	if _, err := s.Committee(ctx, p, id); err != nil {
		return nil, err
	}
	return s.terms(ctx, s.db, id)
}

// Members returns who sat on committee id on day, by role then name.
func (s *Store) Members(ctx context.Context, p *auth.Principal, id int64, day time.Time) ([]Term, error) {
	all, err := s.Terms(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return on(all, day), nil
}

// on keeps the terms covering day, by role then name.
func on(all []Term, day time.Time) []Term {
	out := []Term{}
	for _, t := range all {
		if t.On(day) {
			out = append(out, t)
		}
	}
	sortTerms(out)
	return out
}

// checkTerm validates a new term against the committee and its other
// terms: a known role, a unit that exists on the first day, a first day
// not before the committee was set up, the same person not twice on the
// same days, and one head at a time.
func (s *Store) checkTerm(ctx context.Context, c Committee, t *Term, others []Term) error {
	t.Name, t.Title = clean(t.Name), clean(t.Title)
	var es apperr.Errors
	if t.Name == "" || tooLong(t.Name, maxText) {
		es.Add("name", "committee.err.member_name")
	}
	if tooLong(t.Title, maxText) {
		es.Add("title", "committee.err.too_long", maxText)
	}
	if !t.Role.Valid() {
		es.Add("role", "committee.err.role")
	}
	if t.From.IsZero() {
		es.Add("from", "committee.err.from")
	} else if t.From.Before(c.EstablishedOn) {
		es.Add("from", "committee.err.before_established", vntext.FormatDate(c.EstablishedOn))
	}
	if !t.Until.IsZero() && t.Until.Before(t.From) {
		es.Add("until", "committee.err.until")
	}
	if err := es.Err(); err != nil {
		return err
	}
	if _, err := s.units.Get(ctx, t.UnitID, t.From); err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return apperr.Invalid("unit", "committee.err.unit_day")
		}
		return err
	}
	if len(others) >= MaxTerms {
		return apperr.Invalid("name", "committee.err.too_many", MaxTerms)
	}
	fold := vntext.Fold(t.Name)
	for _, o := range others {
		if o.ID == t.ID || !o.overlaps(*t) {
			continue
		}
		if vntext.Fold(o.Name) == fold {
			return apperr.Conflict("committee.err.already_member", o.Name)
		}
		if t.Role == Head && o.Role == Head {
			return apperr.Conflict("committee.err.two_heads", o.Name)
		}
	}
	return nil
}

// AddMember opens a term on committee id, for a caller who may write on
// the committee's unit.
func (s *Store) AddMember(ctx context.Context, p *auth.Principal, id int64, t Term) (Term, error) {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return Term{}, err
	}
	t.ID = 0
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		others, err := s.terms(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.checkTerm(ctx, c, &t, others); err != nil {
			return err
		}
		t.ID, err = insertTerm(ctx, tx, id, t)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "member_add", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"name": t.Name, "role": t.Role, "unit": t.UnitID, "from": db.Day(t.From)}})
	})
	if err != nil {
		return Term{}, wrap(err, "committee %d: add member", id)
	}
	return t, nil
}

func insertTerm(ctx context.Context, tx *db.Tx, id int64, t Term) (int64, error) {
	var until any
	if !t.Until.IsZero() {
		until = db.Day(t.Until)
	}
	return tx.InsertID(ctx, `INSERT INTO committee_members (committee_id, name, name_fold, title, unit_id, role, from_on, until_on, end_reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, t.Name, vntext.Fold(t.Name), t.Title, t.UnitID, string(t.Role), db.Day(t.From), until, t.EndReason)
}

// wrap adds context to an error that is not already a domain error (nil
// stays nil).
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	if _, ok := apperr.As(err); ok {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// findTerm returns term termID among ts.
func findTerm(ts []Term, termID int64) (Term, error) {
	i := slices.IndexFunc(ts, func(t Term) bool { return t.ID == termID })
	if i < 0 {
		return Term{}, apperr.NotFound("committee.err.term_not_found")
	}
	return ts[i], nil
}

// EndTerm ends term termID of committee id on day until (its last day)
// with a reason, for a caller who may write on the committee's unit.
func (s *Store) EndTerm(ctx context.Context, p *auth.Principal, id, termID int64, until time.Time, reason string) error {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return err
	}
	reason = clean(reason)
	if reason == "" || tooLong(reason, maxText) {
		return apperr.Invalid("reason", "committee.err.reason")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		ts, err := s.terms(ctx, tx, id)
		if err != nil {
			return err
		}
		t, err := findTerm(ts, termID)
		if err != nil {
			return err
		}
		if !t.Until.IsZero() {
			return apperr.Conflict("committee.err.ended")
		}
		if until.IsZero() || until.Before(t.From) {
			return apperr.Invalid("until", "committee.err.until")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE committee_members SET until_on = ?, end_reason = ? WHERE id = ? AND committee_id = ?`,
			db.Day(until), reason, termID, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "member_end", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			Before: map[string]any{"name": t.Name, "role": t.Role}, After: map[string]any{"until": db.Day(until), "reason": reason}})
	})
	return wrap(err, "committee %d: end term", id)
}

// ChangeRole moves the person of open term termID of committee id to role
// from day on: the term ends the day before (reason "role changed") and a
// new one opens, in one transaction.
func (s *Store) ChangeRole(ctx context.Context, p *auth.Principal, id, termID int64, day time.Time, role Role, title string) (Term, error) {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return Term{}, err
	}
	var next Term
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		ts, err := s.terms(ctx, tx, id)
		if err != nil {
			return err
		}
		t, err := findTerm(ts, termID)
		if err != nil {
			return err
		}
		if !t.Until.IsZero() {
			return apperr.Conflict("committee.err.ended")
		}
		if day.IsZero() || !day.After(t.From) {
			return apperr.Invalid("from", "committee.err.change_day")
		}
		if role == t.Role {
			return apperr.Invalid("role", "committee.err.same_role")
		}
		ended := t
		ended.Until = day.AddDate(0, 0, -1)
		next = Term{Name: t.Name, Title: t.Title, UnitID: t.UnitID, Role: role, From: day}
		if clean(title) != "" {
			next.Title = title
		}
		for i := range ts {
			if ts[i].ID == termID {
				ts[i] = ended
			}
		}
		if err := s.checkTerm(ctx, c, &next, ts); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE committee_members SET until_on = ?, end_reason = ? WHERE id = ?`,
			db.Day(ended.Until), "role_changed", termID); err != nil {
			return err
		}
		if next.ID, err = insertTerm(ctx, tx, id, next); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "member_role", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			Before: map[string]any{"name": t.Name, "role": t.Role}, After: map[string]any{"role": role, "from": db.Day(day)}})
	})
	if err != nil {
		return Term{}, wrap(err, "committee %d: change role", id)
	}
	return next, nil
}

// LinkMeeting records conference conferenceID as a meeting of committee
// id, for a caller who may write on the committee's unit; the conference
// must be the committee's unit's own and one the caller may read.
func (s *Store) LinkMeeting(ctx context.Context, p *auth.Principal, id, conferenceID int64) error {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return err
	}
	conf, err := s.conferences.Conference(ctx, p, conferenceID)
	switch apperr.CodeOf(err) {
	case "":
	case apperr.CodeNotFound, apperr.CodeForbidden:
		return apperr.Invalid("conference", "committee.err.conference")
	default:
		return err
	}
	if conf.UnitID != c.UnitID {
		return apperr.Invalid("conference", "committee.err.conference_unit")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM committee_meetings WHERE committee_id = ? AND conference_id = ?`, id, conferenceID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("committee.err.meeting_twice")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO committee_meetings (committee_id, conference_id) VALUES (?, ?)`, id, conferenceID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "meeting", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"conference": conferenceID}})
	})
	return wrap(err, "committee %d: link meeting", id)
}

// Meetings returns committee id's meetings, newest first.
func (s *Store) Meetings(ctx context.Context, p *auth.Principal, id int64) ([]Meeting, error) {
	if _, err := s.Committee(ctx, p, id); err != nil {
		return nil, err
	}
	return s.meetings(ctx, id, "", "")
}

func (s *Store) meetings(ctx context.Context, id int64, from, to string) ([]Meeting, error) {
	q := `SELECT c.id, c.title, c.held_on, c.kind FROM committee_meetings m JOIN meeting_conferences c ON c.id = m.conference_id WHERE m.committee_id = ?`
	args := []any{id}
	if from != "" {
		q += ` AND c.held_on >= ? AND c.held_on <= ?`
		args = append(args, from, to)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY c.held_on DESC, c.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("committee %d meetings: %w", id, err)
	}
	defer rows.Close()
	out := []Meeting{}
	for rows.Next() {
		var m Meeting
		var held string
		if err := rows.Scan(&m.ConferenceID, &m.Title, &held, &m.Kind); err != nil {
			return nil, err
		}
		if m.HeldOn, err = db.ParseDay(held); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// AddDecision records a decision of committee id, for a caller who may
// write on the committee's unit.
func (s *Store) AddDecision(ctx context.Context, p *auth.Principal, id int64, d Decision) (Decision, error) {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return Decision{}, err
	}
	d.Number, d.Title, d.Summary = clean(d.Number), clean(d.Title), clean(d.Summary)
	var es apperr.Errors
	if d.Number == "" || tooLong(d.Number, maxText) {
		es.Add("number", "committee.err.number")
	}
	if d.Title == "" || tooLong(d.Title, maxText*2) {
		es.Add("title", "committee.err.title")
	}
	if tooLong(d.Summary, maxSummary) {
		es.Add("summary", "committee.err.too_long", maxSummary)
	}
	if d.SignedOn.IsZero() {
		es.Add("signed_on", "committee.err.signed_on")
	} else if d.SignedOn.Before(c.EstablishedOn) {
		es.Add("signed_on", "committee.err.before_established", vntext.FormatDate(c.EstablishedOn))
	}
	if err := es.Err(); err != nil {
		return Decision{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM committee_decisions WHERE committee_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n >= maxDecisions {
			return apperr.Invalid("number", "committee.err.too_many", maxDecisions)
		}
		d.ID, err = tx.InsertID(ctx, `INSERT INTO committee_decisions (committee_id, number, signed_on, title, summary) VALUES (?, ?, ?, ?, ?)`,
			id, d.Number, db.Day(d.SignedOn), d.Title, d.Summary)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "decision", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"number": d.Number, "title": d.Title}})
	})
	if err != nil {
		return Decision{}, wrap(err, "committee %d: decision", id)
	}
	return d, nil
}

// Decisions returns committee id's decisions, newest first.
func (s *Store) Decisions(ctx context.Context, p *auth.Principal, id int64) ([]Decision, error) {
	if _, err := s.Committee(ctx, p, id); err != nil {
		return nil, err
	}
	return s.decisions(ctx, id, "", "")
}

func (s *Store) decisions(ctx context.Context, id int64, from, to string) ([]Decision, error) {
	q := `SELECT id, number, signed_on, title, summary FROM committee_decisions WHERE committee_id = ?`
	args := []any{id}
	if from != "" {
		q += ` AND signed_on >= ? AND signed_on <= ?`
		args = append(args, from, to)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY signed_on DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("committee %d decisions: %w", id, err)
	}
	defer rows.Close()
	out := []Decision{}
	for rows.Next() {
		var d Decision
		var on string
		if err := rows.Scan(&d.ID, &d.Number, &on, &d.Title, &d.Summary); err != nil {
			return nil, err
		}
		if d.SignedOn, err = db.ParseDay(on); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Report returns committee id's report for year: its saved narrative,
// who sat on it at the year's end (today for the current year), who
// joined and left during the year, its meetings and decisions of the
// year.
func (s *Store) Report(ctx context.Context, p *auth.Principal, id int64, year int) (Report, error) {
	c, err := s.Committee(ctx, p, id)
	if err != nil {
		return Report{}, err
	}
	if year < 2000 || year > 2100 {
		return Report{}, apperr.Invalid("year", "committee.err.year")
	}
	r := Report{Committee: c, Year: year}
	err = s.db.QueryRowContext(ctx, `SELECT summary FROM committee_reports WHERE committee_id = ? AND year = ?`, id, year).Scan(&r.Summary)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Report{}, fmt.Errorf("committee %d report: %w", id, err)
	}
	first, last := org.Date(year, 1, 1), org.Date(year, 12, 31)
	if today := db.DayOf(s.db.Now()); today.Before(last) && !today.Before(first) {
		last = today
	}
	all, err := s.terms(ctx, s.db, id)
	if err != nil {
		return Report{}, err
	}
	r.AtEnd = on(all, last)
	for _, t := range all {
		if !t.From.Before(first) && !t.From.After(last) {
			r.Joined = append(r.Joined, t)
		}
		if !t.Until.IsZero() && !t.Until.Before(first) && !t.Until.After(last) && t.EndReason != "role_changed" {
			r.Left = append(r.Left, t)
		}
	}
	from, to := db.Day(first), db.Day(org.Date(year, 12, 31))
	if r.Meetings, err = s.meetings(ctx, id, from, to); err != nil {
		return Report{}, err
	}
	if r.Decisions, err = s.decisions(ctx, id, from, to); err != nil {
		return Report{}, err
	}
	return r, nil
}

// SaveReport writes the narrative of committee id's report for year, for
// a caller who may write on the committee's unit.
func (s *Store) SaveReport(ctx context.Context, p *auth.Principal, id int64, year int, summary string) error {
	c, err := s.writable(ctx, p, id)
	if err != nil {
		return err
	}
	if year < 2000 || year > 2100 {
		return apperr.Invalid("year", "committee.err.year")
	}
	summary = strings.TrimSpace(vntext.Normalize(summary))
	if summary == "" || tooLong(summary, maxSummary) {
		return apperr.Invalid("summary", "committee.err.summary", maxSummary)
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE committee_reports SET summary = ?, updated_at = ? WHERE committee_id = ? AND year = ?`,
			summary, db.Stamp(tx.Now()), id, year)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO committee_reports (committee_id, year, summary, updated_at) VALUES (?, ?, ?, ?)`,
				id, year, summary, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "report", Entity: "committee", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"year": year}})
	})
	return wrap(err, "committee %d: report", id)
}
