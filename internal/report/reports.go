package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Reading reports: one by id, one by unit, form and period, and what the
// entry and report pages show. Every exported reader checks read
// permission on the report's unit.

const reportCols = `r.id, r.form_id, r.unit_id, r.period, r.status, r.version, r.results, r.limitations, r.causes, r.tasks,
	r.comment, r.submitted_at, r.submitted_by, r.decided_at, r.decided_by, r.created_at, r.updated_at`

func scanReport(sc interface{ Scan(...any) error }) (Report, error) {
	var r Report
	var period string
	var res, lim, cau, tas string
	var subAt, decAt sql.NullString
	var subBy, decBy sql.NullInt64
	var created, updated string
	if err := sc.Scan(&r.ID, &r.FormID, &r.UnitID, &period, &r.Status, &r.Version, &res, &lim, &cau, &tas,
		&r.Comment, &subAt, &subBy, &decAt, &decBy, &created, &updated); err != nil {
		return r, err
	}
	p, err := vntext.ParsePeriod(period)
	if err != nil {
		return r, fmt.Errorf("report: stored period %q: %w", period, err)
	}
	r.Period = p
	r.Narrative = map[string]string{"results": res, "limitations": lim, "causes": cau, "tasks": tas}
	r.SubmittedBy, r.DecidedBy = subBy.Int64, decBy.Int64
	if r.SubmittedAt, err = db.NullStamp(subAt); err != nil {
		return r, err
	}
	if r.DecidedAt, err = db.NullStamp(decAt); err != nil {
		return r, err
	}
	if r.CreatedAt, err = db.ParseStamp(created); err != nil {
		return r, err
	}
	if r.UpdatedAt, err = db.ParseStamp(updated); err != nil {
		return r, err
	}
	return r, nil
}

func loadValues(ctx context.Context, q db.Querier, reportID int64) (Values, error) {
	rows, err := q.QueryContext(ctx, `SELECT indicator_id, breakdown, value FROM report_values WHERE report_id = ?`, reportID)
	if err != nil {
		return nil, fmt.Errorf("report: values of %d: %w", reportID, err)
	}
	defer rows.Close()
	vs := Values{}
	for rows.Next() {
		var k Key
		var v float64
		if err := rows.Scan(&k.IndicatorID, &k.Part, &v); err != nil {
			return nil, err
		}
		vs[k] = v
	}
	return vs, rows.Err()
}

func getReport(ctx context.Context, q db.Querier, id int64) (Report, error) {
	r, err := scanReport(q.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports r WHERE r.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return r, apperr.NotFound("report.err.report_not_found")
	}
	if err != nil {
		return r, fmt.Errorf("report: get %d: %w", id, err)
	}
	if r.Values, err = loadValues(ctx, q, id); err != nil {
		return r, err
	}
	return r, nil
}

// Report returns one report with its values, when p may read its unit.
func (s *Store) Report(ctx context.Context, p *auth.Principal, id int64) (Report, error) {
	r, err := getReport(ctx, s.db, id)
	if err != nil {
		return Report{}, err
	}
	if err := s.require(ctx, p, auth.PermRead, r.UnitID); err != nil {
		return Report{}, err
	}
	return r, nil
}

// Target names a report: a unit's form for a period.
type Target struct {
	UnitID int64
	FormID int64
	Period vntext.Period
}

func findReport(ctx context.Context, q db.Querier, t Target) (Report, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM reports WHERE unit_id = ? AND form_id = ? AND period = ?`,
		t.UnitID, t.FormID, t.Period.String()).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Report{}, apperr.NotFound("report.err.report_not_found")
	}
	if err != nil {
		return Report{}, fmt.Errorf("report: find: %w", err)
	}
	return getReport(ctx, q, id)
}

// Find returns the report for t when p may read its unit, or an
// apperr.NotFound error when the unit has not started it.
func (s *Store) Find(ctx context.Context, p *auth.Principal, t Target) (Report, error) {
	if err := s.require(ctx, p, auth.PermRead, t.UnitID); err != nil {
		return Report{}, err
	}
	return findReport(ctx, s.db, t)
}

// Entry is what the entry and report pages need: the form's indicators
// for the unit, the report (ID 0 when not started), the previous
// period's values of the same unit, and what the reader may do with it.
type Entry struct {
	Unit       org.Unit
	Form       Form
	Indicators []Indicator
	Report     Report
	Previous   Values
	PrevStatus Status
	// ByID holds every indicator, for ratio parts.
	ByID map[int64]Indicator
	// CanWrite says whether the reader may enter the unit's figures;
	// CanDecide whether they may approve or return its report.
	CanWrite, CanDecide bool
}

// RequireWrite is the error for a reader who may not edit the entry:
// nil when they may.
func (e Entry) RequireWrite() error {
	if !e.CanWrite {
		return apperr.Forbidden("report.err.forbidden_write")
	}
	return nil
}

// Entry loads a report for entry or display, when p may read its unit.
func (s *Store) Entry(ctx context.Context, p *auth.Principal, t Target) (Entry, error) {
	if err := s.require(ctx, p, auth.PermRead, t.UnitID); err != nil {
		return Entry{}, err
	}
	e, err := s.entry(ctx, t)
	if err != nil {
		return e, err
	}
	if e.CanWrite, err = s.can(ctx, p, auth.PermWrite, t.UnitID); err != nil {
		return e, err
	}
	if e.CanDecide, err = s.canDecide(ctx, p, e.Unit); err != nil {
		return e, err
	}
	return e, nil
}

// entry loads an entry without checking who asks.
func (s *Store) entry(ctx context.Context, t Target) (Entry, error) {
	var e Entry
	var err error
	if e.Form, err = s.Form(ctx, t.FormID); err != nil {
		return e, err
	}
	if e.Unit, err = s.unitFor(ctx, t.UnitID, t.Period); err != nil {
		return e, err
	}
	e.Indicators = e.Form.For(string(e.Unit.Level), t.Period)
	all, err := s.Indicators(ctx)
	if err != nil {
		return e, err
	}
	e.ByID = byID(all)
	e.Report, err = findReport(ctx, s.db, t)
	switch {
	case err == nil:
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		e.Report = Report{UnitID: t.UnitID, FormID: t.FormID, Period: t.Period, Status: Draft,
			Narrative: map[string]string{}, Values: Values{}}
	default:
		return e, err
	}
	prev, err := findReport(ctx, s.db, Target{UnitID: t.UnitID, FormID: t.FormID, Period: Previous(t.Period)})
	switch {
	case err == nil:
		e.Previous, e.PrevStatus = prev.Values, prev.Status
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		e.Previous, e.PrevStatus = Values{}, Missing
	default:
		return e, err
	}
	return e, nil
}

// OverviewUnit is one of the reader's own units with the state of its
// report for a period.
type OverviewUnit struct {
	Unit     org.Unit
	Role     auth.Role
	Status   Status // Missing when not started (or no form applies)
	ReportID int64
	// NoForm says that no form applies to the unit's level for the
	// period's kind (a national board reports to nobody); CanEnter that a
	// form applies and p may enter the unit's report.
	NoForm   bool
	CanEnter bool
}

// Overview lists the units of p's grants (each once, today's living
// ones) with the state of their report for per, with the form for their
// level and per's kind.
func (s *Store) Overview(ctx context.Context, p *auth.Principal, per vntext.Period) ([]OverviewUnit, error) {
	if p == nil {
		return nil, apperr.Unauthorized("report.err.signin")
	}
	today := s.db.Now()
	seen := map[int64]bool{}
	var out []OverviewUnit
	for _, g := range p.Grants {
		if seen[g.UnitID] {
			continue
		}
		seen[g.UnitID] = true
		u, err := s.units.Get(ctx, g.UnitID, today)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // a grant on a unit closed since
		}
		if err != nil {
			return nil, err
		}
		ou := OverviewUnit{Unit: u, Role: g.Role, Status: Missing}
		f, err := s.FormFor(ctx, u.Level, per.Kind)
		switch {
		case err == nil:
			if ou.CanEnter, err = s.can(ctx, p, auth.PermWrite, u.ID); err != nil {
				return nil, err
			}
			r, err := s.Find(ctx, p, Target{UnitID: u.ID, FormID: f.ID, Period: per})
			switch {
			case err == nil:
				ou.Status, ou.ReportID = r.Status, r.ID
			case apperr.CodeOf(err) != apperr.CodeNotFound:
				return nil, err
			}
		case apperr.CodeOf(err) == apperr.CodeNotFound:
			ou.NoForm = true
		default:
			return nil, err
		}
		out = append(out, ou)
	}
	return out, nil
}

// auditReport is what the audit log keeps of a report.
type auditReport struct {
	UnitID  int64              `json:"unit_id"`
	FormID  int64              `json:"form_id"`
	Period  string             `json:"period"`
	Status  Status             `json:"status"`
	Version int64              `json:"version"`
	Comment string             `json:"comment,omitempty"`
	Values  map[string]float64 `json:"values,omitempty"`
}

func (r Report) audit(withValues bool) auditReport {
	a := auditReport{UnitID: r.UnitID, FormID: r.FormID, Period: r.Period.String(), Status: r.Status, Version: r.Version, Comment: r.Comment}
	if withValues && len(r.Values) > 0 {
		a.Values = make(map[string]float64, len(r.Values))
		for k, v := range r.Values {
			a.Values[FieldName(k)] = v
		}
	}
	return a
}
