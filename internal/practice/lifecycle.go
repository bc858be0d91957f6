package practice

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// The lifecycle of a model and who may move it.
//
//	registered ──Start──▶ in progress ──Recognize──▶ recognized ──(Adopt elsewhere)──▶ replicated
//	    └──────────────────────┴──────────── Stop, with a reason ──────┴──────────────────┘──▶ stopped
//
// No step can be skipped (a registered model cannot be recognized, an
// unrecognized one cannot be adopted) and stopped is final. Each
// transition is dated (no earlier than the step before it, no later than
// today), made in one transaction with its audit row, and refused with a
// conflict when the model is no longer in the status it needs (two people
// acting at once).
//
// Who may do what — "on a unit" means by a grant on that unit or on a
// unit above it in today's tree (auth.Store.Can):
//
//   - Create, Update, AddResult, AddFile and Start: the write permission
//     (an officer or an admin) on the owning unit.
//   - Recognize: the approve permission (a leader or an admin) on the
//     recognizing unit, which must stand strictly above the owning unit in
//     the tree on the recognition date (a commune's model is recognized by
//     its district or province, never by the commune itself nor by a
//     neighbour). The recognizing unit's level, the decision number and
//     its date are recorded.
//   - Adopt (replication): the write permission on the adopting unit,
//     which must be active, must not be the source's owning unit and must
//     not already run a live model of the same family. The source must be
//     recognized or replicated (so it is public and anyone may find it);
//     it becomes replicated, and every model above the adoption in its
//     family counts one more replication.
//   - Stop: the write permission (officers) or the approve permission
//     (leaders) on the owning unit, with a reason. A stopped model leaves
//     the default lists and counts and the replication counts of the
//     models above it.

// statusConflict explains why a model in status st cannot take a step.
func statusConflict(st Status, needs Status) error {
	switch {
	case st == Stopped:
		return apperr.Conflict("practice.err.is_stopped")
	case needs == InProgress && st == Registered:
		return apperr.Conflict("practice.err.needs_progress")
	case needs == InProgress && (st == Recognized || st == Replicated):
		return apperr.Conflict("practice.err.already_rec")
	case needs == Registered:
		return apperr.Conflict("practice.err.not_registered")
	}
	return apperr.Conflict("practice.err.in_status", st.Message())
}

// Start moves a registered model into progress on date on.
func (s *Store) Start(ctx context.Context, p *auth.Principal, id int64, on time.Time) (Practice, error) {
	if p == nil {
		return Practice{}, apperr.Unauthorized("practice.err.signin")
	}
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return Practice{}, err
	}
	if err := s.requireWrite(ctx, p, pr.UnitID); err != nil {
		return Practice{}, err
	}
	if pr.Status != Registered {
		return Practice{}, statusConflict(pr.Status, Registered)
	}
	on = db.DayOf(on)
	if on.Before(pr.StartedOn) || on.After(s.today()) {
		return Practice{}, apperr.Invalid("on", "practice.err.progress_date")
	}
	return s.transition(ctx, p, pr, "start", Registered, "status = 'in_progress', progress_on = ?", db.Day(on))
}

// transition moves pr out of status from with the SET clause set (and its
// arguments), audits it as action and returns the model after.
func (s *Store) transition(ctx context.Context, p *auth.Principal, pr Practice, action string, from Status, set string, args ...any) (Practice, error) {
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.step(ctx, tx, pr, action, from, set, args...); err != nil {
			return err
		}
		if action == "stop" {
			return countReplication(ctx, tx, pr, -1)
		}
		return nil
	})
	if err != nil {
		return Practice{}, err
	}
	return s.Get(ctx, p, pr.ID)
}

// step runs one status change inside tx and audits it.
func (s *Store) step(ctx context.Context, tx *db.Tx, pr Practice, action string, from Status, set string, args ...any) error {
	args = append(args, db.Stamp(tx.Now()), pr.ID, string(from))
	res, err := tx.ExecContext(ctx, "UPDATE practices SET "+set+", version = version + 1, updated_at = ? WHERE id = ? AND status = ?", args...)
	if err != nil {
		return fmt.Errorf("practice: %s: %w", action, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		cur, err := load(ctx, tx, pr.ID)
		if err != nil {
			return err
		}
		return statusConflict(cur.Status, from)
	}
	after, err := load(ctx, tx, pr.ID)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "practice", EntityID: pr.ID, UnitID: pr.UnitID,
		Before: auditOf(pr), After: auditOf(after)})
}

// countReplication adds delta to the replication count of every model
// above pr in its family.
func countReplication(ctx context.Context, tx *db.Tx, pr Practice, delta int) error {
	ids := lineageIDs(pr.Lineage)
	if len(ids) < 2 {
		return nil
	}
	above := ids[:len(ids)-1]
	args := []any{delta}
	for _, id := range above {
		args = append(args, id)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE practices SET replications = replications + ? WHERE id IN ("+db.Placeholders(len(above))+")", args...); err != nil {
		return fmt.Errorf("practice: replication count: %w", err)
	}
	return nil
}

func lineageIDs(l string) []int64 {
	var out []int64
	for _, part := range strings.Split(strings.Trim(l, "/"), "/") {
		if id, err := strconv.ParseInt(part, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// Recognition is a recognition decision: by which unit, its number and
// its date.
type Recognition struct {
	ByUnitID   int64
	DecisionNo string
	On         time.Time
}

// Recognize records that the unit rec.ByUnitID recognized model id.
func (s *Store) Recognize(ctx context.Context, p *auth.Principal, id int64, rec Recognition) (Practice, error) {
	if p == nil {
		return Practice{}, apperr.Unauthorized("practice.err.signin")
	}
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return Practice{}, err
	}
	rec.On = db.DayOf(rec.On)
	rec.DecisionNo = clean(rec.DecisionNo)
	above, err := s.above(ctx, pr.UnitID, rec.On)
	if err != nil {
		return Practice{}, err
	}
	var by *org.Unit
	for i := range above {
		if above[i].ID == rec.ByUnitID {
			by = &above[i]
		}
	}
	if by == nil {
		return Practice{}, apperr.Forbidden("practice.err.recognizer")
	}
	ok, err := s.auth.Can(ctx, p, auth.PermApprove, by.ID)
	if err != nil {
		return Practice{}, err
	}
	if !ok {
		return Practice{}, apperr.Forbidden("practice.err.recognizer")
	}
	if pr.Status != InProgress {
		return Practice{}, statusConflict(pr.Status, InProgress)
	}
	var es apperr.Errors
	if rec.DecisionNo == "" || utf8.RuneCountInString(rec.DecisionNo) > 100 {
		es.Add("decision_no", "practice.err.decision_no")
	}
	if rec.On.Before(pr.ProgressOn) || rec.On.After(s.today()) {
		es.Add("on", "practice.err.rec_date")
	}
	if err := es.Err(); err != nil {
		return Practice{}, err
	}
	after := pr
	after.DecisionNo = rec.DecisionNo
	return s.transition(ctx, p, pr, "recognize", InProgress,
		"status = 'recognized', recognized_by = ?, recognized_level = ?, decision_no = ?, recognized_on = ?, search_fold = ?",
		by.ID, string(by.Level), rec.DecisionNo, db.Day(rec.On), searchFold(&after))
}

// above returns the units strictly above unitID in the tree on date, or,
// when the unit did not exist that day, on the nearest day it did.
func (s *Store) above(ctx context.Context, unitID int64, date time.Time) ([]org.Unit, error) {
	us, err := s.units.Ancestors(ctx, unitID, date)
	if apperr.CodeOf(err) != apperr.CodeNotFound {
		return us, err
	}
	hist, herr := s.units.History(ctx, unitID)
	if herr != nil {
		return nil, herr
	}
	if len(hist) == 0 {
		return nil, err
	}
	near := hist[len(hist)-1].ValidTo
	if date.Before(hist[0].ValidFrom) || near.IsZero() {
		near = hist[0].ValidFrom
	}
	return s.units.Ancestors(ctx, unitID, near)
}

// Recognizers returns the units from which p may recognize model id on
// date: those strictly above its owning unit on which p holds the approve
// permission, top first. An empty list means p may not recognize it.
func (s *Store) Recognizers(ctx context.Context, p *auth.Principal, id int64, date time.Time) ([]org.Unit, error) {
	if p == nil {
		return nil, apperr.Unauthorized("practice.err.signin")
	}
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.recognizers(ctx, p, pr, date)
}

func (s *Store) recognizers(ctx context.Context, p *auth.Principal, pr Practice, date time.Time) ([]org.Unit, error) {
	above, err := s.above(ctx, pr.UnitID, db.DayOf(date))
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range above {
		ok, err := s.auth.Can(ctx, p, auth.PermApprove, u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// Stop ends model id on date on, for reason.
func (s *Store) Stop(ctx context.Context, p *auth.Principal, id int64, on time.Time, reason string) (Practice, error) {
	if p == nil {
		return Practice{}, apperr.Unauthorized("practice.err.signin")
	}
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return Practice{}, err
	}
	canWrite, err := s.auth.Can(ctx, p, auth.PermWrite, pr.UnitID)
	if err != nil {
		return Practice{}, err
	}
	canApprove, err := s.auth.Can(ctx, p, auth.PermApprove, pr.UnitID)
	if err != nil {
		return Practice{}, err
	}
	if !canWrite && !canApprove {
		return Practice{}, apperr.Forbidden("practice.err.stop_forbidden")
	}
	if pr.Status == Stopped {
		return Practice{}, apperr.Conflict("practice.err.is_stopped")
	}
	on = db.DayOf(on)
	reason = cleanText(reason)
	var es apperr.Errors
	if reason == "" || utf8.RuneCountInString(reason) > 1000 {
		es.Add("reason", "practice.err.stop_reason")
	}
	if on.Before(pr.StartedOn) || on.After(s.today()) {
		es.Add("on", "practice.err.stop_date")
	}
	if err := es.Err(); err != nil {
		return Practice{}, err
	}
	return s.transition(ctx, p, pr, "stop", pr.Status, "status = 'stopped', stopped_on = ?, stop_reason = ?", db.Day(on), reason)
}

// Adoption is another unit taking up a recognized model.
type Adoption struct {
	UnitID    int64     // the adopting unit
	Name      string    // empty: the source's name
	OwnerName string    // empty: the adopting unit's name
	StartedOn time.Time // zero: today
	Notes     string
}

// Adopt registers, in the adopting unit, a model replicated from model
// sourceID, and marks the source replicated.
func (s *Store) Adopt(ctx context.Context, p *auth.Principal, sourceID int64, a Adoption) (Practice, error) {
	if p == nil {
		return Practice{}, apperr.Unauthorized("practice.err.signin")
	}
	src, _, err := s.visible(ctx, p, sourceID)
	if err != nil {
		return Practice{}, err
	}
	if !src.Status.Public() {
		if src.Status == Stopped {
			return Practice{}, apperr.Conflict("practice.err.is_stopped")
		}
		return Practice{}, apperr.Conflict("practice.err.adopt_unrec")
	}
	today := s.today()
	unit, err := s.units.Get(ctx, a.UnitID, today)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Practice{}, apperr.Invalid("unit_id", "practice.err.adopt_unit")
		}
		return Practice{}, err
	}
	if err := s.requireWrite(ctx, p, a.UnitID); err != nil {
		return Practice{}, err
	}
	if a.UnitID == src.UnitID {
		return Practice{}, apperr.Invalid("unit_id", "practice.err.adopt_self")
	}
	if a.StartedOn.IsZero() {
		a.StartedOn = today
	}
	in := Input{UnitID: a.UnitID, Name: a.Name, Field: src.Field, OwnerType: Collective, OwnerName: a.OwnerName,
		Movement: src.Movement, StartedOn: a.StartedOn, Description: src.Description, Goals: src.Goals, Notes: a.Notes}
	if clean(in.Name) == "" {
		in.Name = src.Name
	}
	if clean(in.OwnerName) == "" {
		in.OwnerName = unit.Name
	}
	if err := validate(&in, today); err != nil {
		return Practice{}, err
	}
	var out Practice
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		src, err := load(ctx, tx, sourceID)
		if err != nil {
			return err
		}
		if !src.Status.Public() {
			return statusConflict(src.Status, Recognized)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM practices WHERE root_id = ? AND unit_id = ? AND status <> 'stopped'",
			src.RootID, a.UnitID).Scan(&n); err != nil {
			return fmt.Errorf("practice: adopt: %w", err)
		}
		if n > 0 {
			return apperr.Conflict("practice.err.adopt_twice")
		}
		pr, err := insert(ctx, tx, in, src.ID, src.Lineage, src.RootID)
		if err != nil {
			return err
		}
		out = pr
		if err := countReplication(ctx, tx, pr, +1); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "adopt", Entity: "practice", EntityID: pr.ID, UnitID: pr.UnitID, After: auditOf(pr)}); err != nil {
			return err
		}
		if src.Status == Recognized {
			return s.step(ctx, tx, src, "replicate", Recognized, "status = 'replicated'")
		}
		return nil
	})
	if err != nil {
		return Practice{}, err
	}
	return s.Get(ctx, p, out.ID)
}

// AdoptionUnits returns the active units where p may adopt model
// sourceID (which p may read, or which is public): the units p holds the
// write permission on (and, for grants above the communes, their
// subtrees), without the source's owning unit, at most limit.
func (s *Store) AdoptionUnits(ctx context.Context, p *auth.Principal, sourceID int64, limit int) ([]org.Unit, error) {
	if p == nil {
		return nil, apperr.Unauthorized("practice.err.signin")
	}
	src, _, err := s.visible(ctx, p, sourceID)
	if err != nil {
		return nil, err
	}
	return s.writableUnits(ctx, p, src.UnitID, limit)
}

// WritableUnits returns the active units where p may register models,
// in tree order, at most limit.
func (s *Store) WritableUnits(ctx context.Context, p *auth.Principal, limit int) ([]org.Unit, error) {
	if p == nil {
		return nil, apperr.Unauthorized("practice.err.signin")
	}
	return s.writableUnits(ctx, p, 0, limit)
}

// writableUnits lists the active units in the subtrees of p's write
// grants, without unit except, at most limit.
func (s *Store) writableUnits(ctx context.Context, p *auth.Principal, except int64, limit int) ([]org.Unit, error) {
	if !p.User.Active {
		return nil, nil
	}
	today := s.today()
	var out []org.Unit
	for _, root := range auth.ScopeRoots(p, auth.PermWrite) {
		sub, err := s.units.Subtree(ctx, root, today)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, u := range sub {
			if u.ID != except && !slices.ContainsFunc(out, func(x org.Unit) bool { return x.ID == u.ID }) {
				out = append(out, u)
			}
			if len(out) >= limit {
				return out, nil
			}
		}
	}
	return out, nil
}

// Actions are what a viewer may do with a model, to offer on its page.
type Actions struct {
	Edit      bool // edit, add results and files
	Start     bool
	Recognize bool
	Adopt     bool
	Stop      bool
}

// Actions returns what p may do now with model pr (obtained through
// Get): the same rules the steps themselves check.
func (s *Store) Actions(ctx context.Context, p *auth.Principal, pr Practice) (Actions, error) {
	var a Actions
	if p == nil {
		return a, nil
	}
	canWrite, err := s.auth.Can(ctx, p, auth.PermWrite, pr.UnitID)
	if err != nil {
		return a, err
	}
	canApprove, err := s.auth.Can(ctx, p, auth.PermApprove, pr.UnitID)
	if err != nil {
		return a, err
	}
	live := pr.Status != Stopped
	a.Edit = canWrite && live
	a.Start = canWrite && pr.Status == Registered
	a.Stop = (canWrite || canApprove) && live
	if pr.Status == InProgress {
		recs, err := s.recognizers(ctx, p, pr, s.today())
		if err != nil {
			return a, err
		}
		a.Recognize = len(recs) > 0
	}
	if pr.Status.Public() {
		us, err := s.writableUnits(ctx, p, pr.UnitID, 1)
		if err != nil {
			return a, err
		}
		a.Adopt = len(us) > 0
	}
	return a, nil
}
