package org

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
)

// Changes asked for by a person go through Apply (and Preview, its dry
// run), which check that the person administers every unit the change
// touches before anything is written. The Store's own write methods
// (Create, Rename, Move, Merge, Split, Close, Update) check nothing: they
// are the system's entry point, for the command line, the demo generator
// and test fixtures.

// Authorizer says whether whoever asks for a change administers a unit.
// org cannot ask auth itself, because auth builds on org (a grant covers
// a unit's subtree, which only org knows); so auth hands one over for a
// signed-in user (auth.Store.Authorizer), and System is the operator's.
type Authorizer interface {
	// Administers reports whether the actor may change the hierarchy at
	// unit id: the unit itself and everything below it. An unknown unit
	// is false, not an error; an error is a failure to find out.
	Administers(ctx context.Context, id int64) (bool, error)
}

// System is the Authorizer of the system's operator (the command line,
// loaders, tests): it administers everything.
var System Authorizer = system{}

type system struct{}

func (system) Administers(context.Context, int64) (bool, error) { return true, nil }

// Op is a kind of change to the hierarchy.
type Op string

// The changes Apply makes.
const (
	OpCreate Op = "create" // a new unit below Change.Unit
	OpRename Op = "rename"
	OpMove   Op = "move"
	OpMerge  Op = "merge"
	OpSplit  Op = "split"
	OpClose  Op = "close"
)

// Ops lists the changes in the order the unit pages offer them.
var Ops = []Op{OpCreate, OpRename, OpMove, OpMerge, OpSplit, OpClose}

// Change is one change a person asks for. Unit is the unit it is about
// (for OpCreate, the new unit's parent) and Date the first day of the new
// state; the other fields belong to one kind of change each.
type Change struct {
	Op   Op
	Unit int64
	Date time.Time

	// OpCreate: the unit to create (its ParentID is Unit and its
	// ValidFrom is Date, whatever they say here).
	New NewUnit
	// OpRename: the new names.
	Name, ShortName string
	// OpMove: the new parent.
	Parent int64
	// OpMerge: the other units merged with Unit, and what receives them.
	With []int64
	Into MergeTarget
	// OpSplit: the parts. A new part with no kind takes Unit's kind; with
	// no parent, Unit's parent.
	Parts []SplitPart
}

// Outcome says what a change did, or would do. Units are shown as they
// stand on the last day before the change (today, for a change dated
// today or earlier).
type Outcome struct {
	Date     time.Time // the first day of the new state
	LastDay  time.Time // the last day of what ends; zero when nothing ends
	Ending   []Unit    // units that end
	Starting []Unit    // units that start
	Receiver *Unit     // an existing unit receiving a merge
	Renamed  *[2]Unit  // the unit before and after a rename
	Moved    *[2]Unit  // the old and the new parent of a move
	Parts    []OutcomePart
	Affected int  // units below that move with the change
	Result   Unit // the unit to look at afterwards
}

// OutcomePart is one part of a split.
type OutcomePart struct {
	Unit  Unit
	New   bool
	Share float64
}

// errPreview rolls back a change made only to see what it does.
var errPreview = errors.New("org: preview only")

// Apply makes the change ch on behalf of a, after checking that a
// administers every unit it touches: the unit itself, a new parent, the
// units merged with it and the unit receiving them (or the new unit's
// parent), the parts of a split (or a new part's parent). It refuses with
// apperr.Forbidden when a does not, and otherwise as the change itself
// would (Create, Rename, …). Everything is written in one transaction.
func (s *Store) Apply(ctx context.Context, a Authorizer, ch Change) (Outcome, error) {
	return s.run(ctx, a, ch, true)
}

// Preview is Apply without keeping anything: the change is made in a
// transaction that is rolled back, so the outcome and the refusals are
// exactly those Apply would give.
func (s *Store) Preview(ctx context.Context, a Authorizer, ch Change) (Outcome, error) {
	return s.run(ctx, a, ch, false)
}

func (s *Store) run(ctx context.Context, a Authorizer, ch Change, keep bool) (Outcome, error) {
	if a == nil {
		return Outcome{}, errors.New("org: a change without an authorizer")
	}
	if err := checkDate("date", ch.Date); err != nil {
		return Outcome{}, err
	}
	var out Outcome
	err := s.Update(ctx, func(w *Writer) error {
		var err error
		if out, err = w.change(ctx, a, ch); err != nil {
			return err
		}
		if !keep {
			return errPreview
		}
		return nil
	})
	if errors.Is(err, errPreview) {
		err = nil
	}
	if err != nil {
		return Outcome{}, err
	}
	return out, nil
}

// plan is a change being made: the units read before it, as of the day
// they are shown on.
type plan struct {
	w     *Writer
	a     Authorizer
	ch    Change
	d     string // the first day of the new state
	today string
	asOf  string // the day units are shown on
	out   Outcome
}

// need refuses unless a administers unit id.
func (p *plan) need(ctx context.Context, id int64) error {
	ok, err := p.a.Administers(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Forbidden("org.err.out_of_scope")
	}
	return nil
}

// ref checks that a administers a unit the change names and reads it as
// it will stand on its last day before the change; a unit that will not
// exist then is bad input in field.
func (p *plan) ref(ctx context.Context, id int64, field string) (Unit, error) {
	if err := p.need(ctx, id); err != nil {
		return Unit{}, err
	}
	u, err := getOn(ctx, p.w.tx, id, p.asOf)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return Unit{}, apperr.Invalid(field, "org.err.ended_pick")
	}
	return u, err
}

// change checks ch for a, makes it through w and says what it did.
func (w *Writer) change(ctx context.Context, a Authorizer, ch Change) (Outcome, error) {
	date := db.DayOf(ch.Date)
	p := &plan{w: w, a: a, ch: ch, d: db.Day(date), today: db.Day(w.tx.Now())}
	p.out = Outcome{Date: date, LastDay: date.AddDate(0, 0, -1)}
	p.asOf = p.today
	if last := dayBefore(p.d); last > p.today {
		p.asOf = last
	}
	// The unit the change is about: it must live today.
	if err := p.need(ctx, ch.Unit); err != nil {
		return Outcome{}, err
	}
	u, err := getOn(ctx, w.tx, ch.Unit, p.today)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return Outcome{}, apperr.NotFound("org.err.admin_ended")
	}
	if err != nil {
		return Outcome{}, err
	}
	if p.asOf != p.today {
		if later, err := getOn(ctx, w.tx, u.ID, p.asOf); err == nil {
			u = later
		}
	}
	switch ch.Op {
	case OpCreate:
		return p.create(ctx, u)
	case OpRename:
		return p.rename(ctx, u)
	case OpMove:
		return p.move(ctx, u)
	case OpMerge:
		return p.merge(ctx, u)
	case OpSplit:
		return p.split(ctx, u)
	case OpClose:
		return p.close(ctx, u)
	}
	return Outcome{}, apperr.Invalid("", "org.err.bad_op")
}

func (p *plan) create(ctx context.Context, parent Unit) (Outcome, error) {
	nu := p.ch.New
	nu.ParentID, nu.ValidFrom = parent.ID, p.out.Date
	c, err := p.w.Create(ctx, nu)
	if err != nil {
		return Outcome{}, err
	}
	p.out.Starting, p.out.Result, p.out.LastDay = []Unit{c}, c, time.Time{}
	return p.out, nil
}

func (p *plan) rename(ctx context.Context, u Unit) (Outcome, error) {
	after, err := p.w.Rename(ctx, u.ID, p.out.Date, p.ch.Name, p.ch.ShortName)
	if err != nil {
		return Outcome{}, err
	}
	p.out.Renamed, p.out.Result = &[2]Unit{u, after}, after
	return p.out, nil
}

func (p *plan) move(ctx context.Context, u Unit) (Outcome, error) {
	if p.ch.Parent == 0 {
		return Outcome{}, apperr.Invalid("parent_id", "org.err.no_new_parent")
	}
	np, err := p.ref(ctx, p.ch.Parent, "parent_id")
	if err != nil {
		return Outcome{}, err
	}
	var old Unit
	if u.ParentID != 0 {
		if old, err = getOn(ctx, p.w.tx, u.ParentID, p.asOf); err != nil {
			return Outcome{}, err
		}
	}
	below, err := countBelow(ctx, p.w.tx, u.ID, p.today)
	if err != nil {
		return Outcome{}, err
	}
	moved, err := p.w.Move(ctx, u.ID, np.ID, p.out.Date)
	if err != nil {
		return Outcome{}, err
	}
	p.out.Moved, p.out.Affected, p.out.Result = &[2]Unit{old, np}, below, moved
	return p.out, nil
}

func (p *plan) merge(ctx context.Context, u Unit) (Outcome, error) {
	srcs := []Unit{u}
	ids := append([]int64{u.ID}, p.ch.With...)
	affected := 0
	for _, id := range ids {
		if id != u.ID {
			su, err := p.ref(ctx, id, "ids")
			if err != nil {
				return Outcome{}, err
			}
			srcs = append(srcs, su)
		}
		n, err := countChildren(ctx, p.w.tx, id, p.asOf)
		if err != nil {
			return Outcome{}, err
		}
		affected += n
	}
	into := p.ch.Into
	if into.New != nil {
		if into.New.ParentID == 0 {
			return Outcome{}, apperr.Invalid("parent_id", "org.err.no_parent")
		}
		if _, err := p.ref(ctx, into.New.ParentID, "parent_id"); err != nil {
			return Outcome{}, err
		}
	} else {
		if into.ExistingID == 0 {
			return Outcome{}, apperr.Invalid("into", "org.err.no_into")
		}
		if _, err := p.ref(ctx, into.ExistingID, "into"); err != nil {
			return Outcome{}, err
		}
	}
	t, err := p.w.Merge(ctx, ids, into, p.out.Date)
	if err != nil {
		return Outcome{}, err
	}
	p.out.Ending, p.out.Affected, p.out.Result = srcs, affected, t
	if into.New != nil {
		p.out.Starting = []Unit{t}
	} else {
		p.out.Receiver = &t
	}
	return p.out, nil
}

func (p *plan) split(ctx context.Context, u Unit) (Outcome, error) {
	parts := make([]SplitPart, len(p.ch.Parts))
	for i, sp := range p.ch.Parts {
		if sp.ExistingID != 0 {
			if _, err := p.ref(ctx, sp.ExistingID, "parts"); err != nil {
				return Outcome{}, err
			}
		}
		if sp.New != nil {
			nu := *sp.New
			if nu.Kind == "" {
				nu.Kind = u.Kind
			}
			if nu.ParentID == 0 {
				nu.ParentID = u.ParentID
			}
			if nu.ParentID != 0 {
				if _, err := p.ref(ctx, nu.ParentID, "parts"); err != nil {
					return Outcome{}, err
				}
			}
			sp.New = &nu
		}
		parts[i] = sp
	}
	us, err := p.w.Split(ctx, u.ID, parts, p.out.Date)
	if err != nil {
		return Outcome{}, err
	}
	p.out.Ending = []Unit{u}
	for i, pu := range us {
		p.out.Parts = append(p.out.Parts, OutcomePart{Unit: pu, New: parts[i].New != nil, Share: parts[i].Share})
	}
	p.out.Result = us[0]
	return p.out, nil
}

func (p *plan) close(ctx context.Context, u Unit) (Outcome, error) {
	if _, err := p.w.Close(ctx, u.ID, p.out.Date); err != nil {
		return Outcome{}, err
	}
	p.out.Ending, p.out.Result = []Unit{u}, u
	return p.out, nil
}

// countBelow counts the units under id on day d.
func countBelow(ctx context.Context, q db.Querier, id int64, d string) (int, error) {
	return count(ctx, q, `SELECT COUNT(*) FROM unit_closure
		WHERE ancestor_id = ? AND descendant_id <> ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`, id, id, d, d)
}

// countChildren counts the units directly under id on day d.
func countChildren(ctx context.Context, q db.Querier, id int64, d string) (int, error) {
	return count(ctx, q, `SELECT COUNT(*) FROM unit_versions v WHERE v.parent_id = ? AND `+onDay, id, d, d)
}

// count runs a COUNT query.
func count(ctx context.Context, q db.Querier, query string, args ...any) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("org: count: %w", err)
	}
	return n, nil
}

// Administered returns unit id as it stands on day when a administers
// it: the unit an administration page is about. It is a not-found error
// for an unknown unit or one that does not live on day, and
// apperr.Forbidden when a does not administer it.
func (s *Store) Administered(ctx context.Context, a Authorizer, id int64, day time.Time) (Unit, error) {
	ok, err := a.Administers(ctx, id)
	if err != nil {
		return Unit{}, err
	}
	if !ok {
		if err := s.exists(ctx, id); err != nil {
			return Unit{}, err
		}
		return Unit{}, apperr.Forbidden("org.err.not_admin")
	}
	u, err := getOn(ctx, s.db, id, db.Day(day))
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return Unit{}, apperr.NotFound("org.err.admin_ended")
	}
	return u, err
}

// CountBelow is how many units lie under id on day.
func (s *Store) CountBelow(ctx context.Context, id int64, day time.Time) (int, error) {
	return countBelow(ctx, s.db, id, db.Day(day))
}

// Pickable keeps the units of us that a change by a may name: living ones
// that a administers, each once, without the excluded ids; the choices
// of the administration forms.
func (s *Store) Pickable(ctx context.Context, a Authorizer, us []Unit, exclude ...int64) ([]Unit, error) {
	seen := map[int64]bool{}
	for _, id := range exclude {
		seen[id] = true
	}
	var out []Unit
	for _, u := range us {
		if seen[u.ID] || !u.Active() {
			continue
		}
		seen[u.ID] = true
		ok, err := a.Administers(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// SearchAdministered finds units living on day whose name contains query
// (as SearchByName) among those a administers, at most limit (<= 0: 40).
// An empty query finds nothing.
func (s *Store) SearchAdministered(ctx context.Context, a Authorizer, query string, day time.Time, limit int) ([]Unit, error) {
	if limit <= 0 {
		limit = 40
	}
	res, err := s.SearchByName(ctx, query, day, limit)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return s.Pickable(ctx, a, res)
}
