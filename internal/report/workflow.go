package report

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The workflow: an officer saves drafts and submits; the leader of the
// unit directly above approves or returns.

// SaveDraft saves an officer's typed values and narrative as a draft (or
// keeps a returned report returned, with the new figures). in.Version must
// be the version the editor loaded (0 for a report not started yet).
// Invalid input is refused as a whole with an apperr.Errors naming each
// field; nothing is saved then.
func (s *Store) SaveDraft(ctx context.Context, p *auth.Principal, t Target, in Input) (Report, error) {
	return s.save(ctx, p, t, in, false)
}

// Submit saves in (when in.Values is not nil) and sends the report to the
// unit directly above for approval. Every entered indicator must have a
// value.
func (s *Store) Submit(ctx context.Context, p *auth.Principal, t Target, in Input) (Report, error) {
	return s.save(ctx, p, t, in, true)
}

// checkTarget checks that the form fits the unit and the period.
func checkTarget(f Form, u org.Unit, per vntext.Period) error {
	if f.PeriodKind != per.Kind {
		return apperr.Invalid("period", "report.err.form_period", KindMessage(f.PeriodKind), per.Message())
	}
	if !slices.Contains(f.Levels, string(u.Level)) {
		return apperr.Invalid("form", "report.err.form_level", i18n.M("level."+string(u.Level)))
	}
	return nil
}

// checkStarted refuses a period that has not started yet (today in
// Vietnam): nothing has happened in it to report. Targets and tasks may
// name future periods; reports may not.
func (s *Store) checkStarted(per vntext.Period) error {
	n := s.db.Now().In(vntext.Zone)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	if per.Start().After(today) {
		return apperr.Invalid("period", "report.err.future_period", per.Message())
	}
	return nil
}

func (s *Store) save(ctx context.Context, p *auth.Principal, t Target, in Input, submit bool) (Report, error) {
	if err := s.require(ctx, p, auth.PermWrite, t.UnitID); err != nil {
		return Report{}, err
	}
	e, err := s.entry(ctx, t)
	if err != nil {
		return Report{}, err
	}
	if err := checkTarget(e.Form, e.Unit, t.Period); err != nil {
		return Report{}, err
	}
	if err := s.checkStarted(t.Period); err != nil {
		return Report{}, err
	}
	var es apperr.Errors
	var vs Values
	keep := in.Values == nil && in.Narrative == nil
	if keep {
		vs = e.Report.Values
	} else {
		vs = parseInput(e.Indicators, e.ByID, in, &es)
	}
	if submit && len(es) == 0 {
		missing(e.Indicators, vs, &es)
	}
	if err := es.Err(); err != nil {
		return Report{}, err
	}
	var out Report
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := bumpReports(ctx, tx, t.Period, t.UnitID); err != nil {
			return err
		}
		cur, err := findReport(ctx, tx, t)
		exists := err == nil
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		if exists {
			if cur.Version != in.Version {
				return apperr.Conflict("report.err.stale")
			}
			if !cur.Status.Editable() {
				return apperr.Conflict("report.err.not_editable", cur.Status.Message())
			}
		} else if in.Version != 0 {
			return apperr.Conflict("report.err.stale")
		}
		narr := in.Narrative
		if keep {
			narr = cur.Narrative
		}
		status := Draft
		if exists {
			status = cur.Status
		}
		if submit {
			status = Submitted
		}
		id, err := writeReport(ctx, tx, t, cur, exists, status, narr)
		if err != nil {
			return err
		}
		if submit {
			if _, err := tx.ExecContext(ctx, `UPDATE reports SET submitted_at = ?, submitted_by = ? WHERE id = ?`,
				db.Stamp(tx.Now()), db.NullID(p.User.ID), id); err != nil {
				return fmt.Errorf("report: submit %d: %w", id, err)
			}
		}
		if !keep {
			if err := writeValues(ctx, tx, id, vs); err != nil {
				return err
			}
		}
		if out, err = getReport(ctx, tx, id); err != nil {
			return err
		}
		action := "save"
		if submit {
			action = "submit"
		}
		var before any
		if exists {
			before = cur.audit(true)
		}
		if err := recordAudit(ctx, tx, action, out, before, out.audit(true)); err != nil {
			return err
		}
		if submit && e.Unit.ParentID != 0 {
			msg := i18n.M("report.note.submitted", e.Unit.Name, t.Period.Message())
			return notify(ctx, tx, e.Unit.ParentID, auth.RoleLeader, 0, id, "submitted", msg)
		}
		return nil
	})
	return out, err
}

// writeReport creates the report row, or updates the current one at its
// version, with status and the narrative; it returns the report's id.
func writeReport(ctx context.Context, tx *db.Tx, t Target, cur Report, exists bool, status Status, narr map[string]string) (int64, error) {
	now := db.Stamp(tx.Now())
	clean := func(k string) string { return vntext.Normalize(strings.TrimSpace(narr[k])) }
	if !exists {
		id, err := tx.InsertID(ctx, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end,
			status, version, results, limitations, causes, tasks, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
			t.FormID, t.UnitID, t.Period.String(), t.Period.Kind.String(), db.Day(t.Period.Start()), db.Day(t.Period.End()),
			string(status), clean("results"), clean("limitations"), clean("causes"), clean("tasks"), now, now)
		if errors.Is(err, db.ErrConflict) {
			return 0, apperr.Conflict("report.err.stale")
		}
		if err != nil {
			return 0, fmt.Errorf("report: create: %w", err)
		}
		return id, nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE reports SET status = ?, version = version + 1, results = ?, limitations = ?,
		causes = ?, tasks = ?, updated_at = ? WHERE id = ? AND version = ?`,
		string(status), clean("results"), clean("limitations"), clean("causes"), clean("tasks"), now, cur.ID, cur.Version)
	if err != nil {
		return 0, fmt.Errorf("report: save %d: %w", cur.ID, err)
	}
	if err := oneRow(res, "report: save"); err != nil {
		return 0, err
	}
	return cur.ID, nil
}

// oneRow turns an update that touched no row into a stale-version
// conflict.
func oneRow(res interface{ RowsAffected() (int64, error) }, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n != 1 {
		return apperr.Conflict("report.err.stale")
	}
	return nil
}

// parseInput reads and checks typed values against the indicators;
// every problem is collected. A value for an indicator that is not
// entered in this report (another form's, a computed ratio, an unknown
// part) is refused, not ignored.
func parseInput(inds []Indicator, byID map[int64]Indicator, in Input, es *apperr.Errors) Values {
	vs := Values{}
	expected := map[Key]bool{}
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		for _, k := range ind.Keys() {
			expected[k] = true
			v, ok, err := ParseValue(ind, in.Values[k], ValueLabel(ind, k.Part))
			if err != nil {
				key, args := apperr.KeyOf(err)
				es.Add(FieldName(k), key, args...)
				continue
			}
			if ok {
				vs[k] = v
			}
		}
	}
	var stray []Key
	for k := range in.Values {
		if !expected[k] {
			stray = append(stray, k)
		}
	}
	sortKeys(stray)
	for _, k := range stray {
		name := strconv.FormatInt(k.IndicatorID, 10)
		if ind, ok := byID[k.IndicatorID]; ok {
			name = ind.Code
		}
		if k.Part != "" {
			name += "/" + k.Part
		}
		es.Add("values", "report.err.value_unknown", name)
	}
	checkRatios(inds, byID, vs, es)
	for _, sec := range Sections {
		if len([]rune(in.Narrative[sec])) > 20000 {
			es.Add(sec, "report.err.text_long", SectionMessage(sec))
		}
	}
	return vs
}

// missing lists the entered indicators without a value (for submit).
func missing(inds []Indicator, vs Values, es *apperr.Errors) {
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		if _, ok := vs.Get(ind); !ok {
			es.Add(FieldName(Key{ind.ID, firstPart(ind)}), "report.err.missing_value", ind.Label())
		}
	}
}

func sortKeys(keys []Key) {
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].IndicatorID != keys[b].IndicatorID {
			return keys[a].IndicatorID < keys[b].IndicatorID
		}
		return keys[a].Part < keys[b].Part
	})
}

// writeValues replaces a report's values.
func writeValues(ctx context.Context, tx *db.Tx, reportID int64, vs Values) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM report_values WHERE report_id = ?`, reportID); err != nil {
		return fmt.Errorf("report: clear values: %w", err)
	}
	keys := make([]Key, 0, len(vs))
	for k := range vs {
		keys = append(keys, k)
	}
	sortKeys(keys)
	const batch = 200
	for start := 0; start < len(keys); start += batch {
		part := keys[start:min(start+batch, len(keys))]
		args := make([]any, 0, 4*len(part))
		var b strings.Builder
		b.WriteString(`INSERT INTO report_values (report_id, indicator_id, breakdown, value) VALUES `)
		for i, k := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?)")
			args = append(args, reportID, k.IndicatorID, k.Part, vs[k])
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("report: write values: %w", err)
		}
	}
	return nil
}

// CanDecide reports whether p may approve or return reports of unit
// unitID for period per (see canDecide).
func (s *Store) CanDecide(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) (bool, error) {
	if p == nil || !p.User.Active {
		return false, nil
	}
	u, err := s.unitFor(ctx, unitID, per)
	if err != nil {
		return false, err
	}
	return s.canDecide(ctx, p, u)
}

// canDecide reports whether p may decide on the reports of u (as u stood
// in the report's period): p holds a role carrying auth.PermApprove on
// exactly the unit directly above u. A grant on u itself, or on a unit
// further up, does not suffice: the decision belongs to the level above.
func (s *Store) canDecide(_ context.Context, p *auth.Principal, u org.Unit) (bool, error) {
	if p == nil || !p.User.Active || u.ParentID == 0 {
		return false, nil
	}
	for _, g := range p.Grants {
		if g.UnitID == u.ParentID && g.Role.Allows(auth.PermApprove) {
			return true, nil
		}
	}
	return false, nil
}

// Approve accepts a submitted report. version is the version the leader
// saw.
func (s *Store) Approve(ctx context.Context, p *auth.Principal, reportID, version int64) (Report, error) {
	return s.decide(ctx, p, reportID, version, Approved, "")
}

// Return sends a submitted report back to its unit with a comment.
func (s *Store) Return(ctx context.Context, p *auth.Principal, reportID, version int64, comment string) (Report, error) {
	return s.decide(ctx, p, reportID, version, Returned, comment)
}

func (s *Store) decide(ctx context.Context, p *auth.Principal, reportID, version int64, to Status, comment string) (Report, error) {
	if p == nil {
		return Report{}, apperr.Unauthorized("report.err.signin")
	}
	cur, err := getReport(ctx, s.db, reportID)
	if err != nil {
		return Report{}, err
	}
	u, err := s.unitFor(ctx, cur.UnitID, cur.Period)
	if err != nil {
		return Report{}, err
	}
	ok, err := s.canDecide(ctx, p, u)
	if err != nil {
		return Report{}, err
	}
	if !ok {
		for _, g := range p.Grants {
			if g.UnitID == u.ID && g.Role.Allows(auth.PermApprove) {
				return Report{}, apperr.Forbidden("report.err.own_report")
			}
		}
		return Report{}, apperr.Forbidden("report.err.not_approver")
	}
	if to == Returned {
		comment = vntext.Normalize(strings.TrimSpace(comment))
		if comment == "" {
			return Report{}, apperr.Invalid("comment", "report.err.comment_required")
		}
		if len([]rune(comment)) > 4000 {
			return Report{}, apperr.Invalid("comment", "report.err.comment_long")
		}
	}
	var out Report
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		before, err := getReport(ctx, tx, reportID)
		if err != nil {
			return err
		}
		if before.Version != version {
			return apperr.Conflict("report.err.stale")
		}
		if before.Status != Submitted {
			return apperr.Conflict("report.err.not_submitted")
		}
		if err := bumpReports(ctx, tx, before.Period, before.UnitID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE reports SET status = ?, version = version + 1, comment = ?, decided_at = ?,
			decided_by = ?, updated_at = ? WHERE id = ? AND version = ?`, string(to), comment, now, db.NullID(p.User.ID), now, reportID, version)
		if err != nil {
			return fmt.Errorf("report: decide %d: %w", reportID, err)
		}
		if err := oneRow(res, "report: decide"); err != nil {
			return err
		}
		if out, err = getReport(ctx, tx, reportID); err != nil {
			return err
		}
		action, kind := "approve", "approved"
		msg := i18n.M("report.note.approved", u.Name, out.Period.Message())
		if to == Returned {
			action, kind = "return", "returned"
			msg = i18n.M("report.note.returned", u.Name, out.Period.Message(), comment)
		}
		if err := recordAudit(ctx, tx, action, out, before.audit(false), out.audit(false)); err != nil {
			return err
		}
		return notify(ctx, tx, out.UnitID, auth.RoleOfficer, before.SubmittedBy, reportID, kind, msg)
	})
	return out, err
}

func recordAudit(ctx context.Context, tx *db.Tx, action string, r Report, before, after any) error {
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "report", EntityID: r.ID, UnitID: r.UnitID, Before: before, After: after})
}
