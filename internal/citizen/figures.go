package citizen

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// Figure is one indicator of the report counted from the cases.
type Figure struct {
	Code  string // the indicator's code in the reporting catalogue
	Value float64
	// How says how the cases were counted.
	How i18n.Message
	// Cases are the first cases counted (at most figureSample), for the
	// officer to see where the number came from.
	Cases []CaseRef
	// Filled is the last fill of this figure into the report, if any.
	Filled *Fill
}

// Fill is a figure as it went into a report draft: what the cases
// counted, what the officer entered, and why they differ.
type Fill struct {
	Counted, Entered float64
	Note             string
	Author           string
	At               time.Time
	ReportID         int64
}

// Differs reports whether the officer corrected the count.
func (f Fill) Differs() bool { return f.Counted != f.Entered }

// figureSample is how many cases a figure names.
const figureSample = 50

// FigureCodes are the indicators counted from the cases, in the order of
// the reporting catalogue.
var FigureCodes = []string{"DV09", "DV10", "DV11", "CQ01", "CQ02", "CQ05", "CQ06", "CQ07", "AN01", "AN02", "AN04"}

// scopeUnits are the units whose cases count for unit in per: its
// subtree on the period's first and last day (before and after a reform).
func (s *Store) scopeUnits(ctx context.Context, unit int64, start, end time.Time) ([]int64, error) {
	var ids []int64
	for _, d := range []time.Time{start, end} {
		sub, err := s.units.Subtree(ctx, unit, d)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, u := range sub {
			if !slices.Contains(ids, u.ID) {
				ids = append(ids, u.ID)
			}
		}
	}
	return ids, nil
}

// Figures counts the cases of unit (which p must read) and the units
// below it in period per into the indicators of the period's report,
// with the cases each number came from and the last fill.
func (s *Store) Figures(ctx context.Context, p *auth.Principal, unit int64, per vntext.Period) ([]Figure, error) {
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", unit); err != nil {
		return nil, err
	}
	start, end := per.Start(), per.End()
	if t := s.Today(); end.After(t) {
		end = t
	}
	if end.Before(start) {
		return nil, apperr.Invalid("period", "citizen.err.period_future")
	}
	ids, err := s.scopeUnits(ctx, unit, start, end)
	if err != nil {
		return nil, wrap(err, "figures")
	}
	if len(ids) == 0 {
		ids = []int64{unit}
	}
	in := idList(ids)
	from, to := db.Day(start), db.Day(end)
	var out []Figure
	count := func(code string, how i18n.Message, kind, query string, args ...any) error {
		refs, err := s.caseRefs(ctx, kind, query, args...)
		if err != nil {
			return err
		}
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM ("+query+") x", args...).Scan(&n); err != nil {
			return err
		}
		out = append(out, Figure{Code: code, Value: float64(n), How: how, Cases: refs})
		return nil
	}
	held := `SELECT d.id, d.topic FROM citizen_dialogues d WHERE d.unit_id IN (` + in + `) AND d.status = 'held' AND d.held_on >= ? AND d.held_on <= ?`
	if err := count("DV09", i18n.M("citizen.how.DV09"), "dialogue", held, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	var attendance int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(d.attendance), 0) FROM citizen_dialogues d WHERE d.unit_id IN (`+in+`)
		AND d.status = 'held' AND d.held_on >= ? AND d.held_on <= ?`, from, to).Scan(&attendance); err != nil {
		return nil, wrap(err, "figures")
	}
	out = append(out, Figure{Code: "DV10", Value: float64(attendance), How: i18n.M("citizen.how.DV10"), Cases: out[0].Cases})
	if err := count("DV11", i18n.M("citizen.how.DV11"), "issue", `SELECT i.id, i.content FROM citizen_dialogue_issues i
		JOIN citizen_dialogues d ON d.id = i.dialogue_id WHERE d.unit_id IN (`+in+`) AND d.status = 'held' AND d.held_on >= ? AND d.held_on <= ?`, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	received := `SELECT p.id, p.subject FROM citizen_petitions p WHERE p.received_unit_id IN (` + in + `) AND p.received_on >= ? AND p.received_on <= ?`
	if err := count("CQ01", i18n.M("citizen.how.CQ01"), "petition", received, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	if err := count("CQ02", i18n.M("citizen.how.CQ02"), "petition", received+` AND p.status IN ('resolved', 'closed') AND p.resolved_on <> '' AND p.resolved_on <= ?
		AND EXISTS (SELECT 1 FROM citizen_petition_events e WHERE e.petition_id = p.id AND e.kind = 'resolved')`, from, to, to); err != nil {
		return nil, wrap(err, "figures")
	}
	if err := count("CQ05", i18n.M("citizen.how.CQ05"), "hotspot", `SELECT h.id, h.summary FROM citizen_hotspots h WHERE h.unit_id IN (`+in+`)
		AND h.opened_on >= ? AND h.opened_on <= ?`, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	if err := count("CQ06", i18n.M("citizen.how.CQ06"), "hotspot", `SELECT h.id, h.summary FROM citizen_hotspots h WHERE h.unit_id IN (`+in+`)
		AND h.status = 'closed' AND h.closed_on >= ? AND h.closed_on <= ?`, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	// The longest time to settle: calendar days from receipt to decision.
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.subject, p.received_on, p.resolved_on FROM citizen_petitions p
		WHERE p.unit_id IN (`+in+`) AND p.status IN ('resolved', 'closed') AND p.resolved_on >= ? AND p.resolved_on <= ?
		AND EXISTS (SELECT 1 FROM citizen_petition_events e WHERE e.petition_id = p.id AND e.kind = 'resolved')`, from, to)
	if err != nil {
		return nil, wrap(err, "figures")
	}
	longest := Figure{Code: "CQ07", How: i18n.M("citizen.how.CQ07")}
	for rows.Next() {
		var id int64
		var subject, recv, res string
		if err := rows.Scan(&id, &subject, &recv, &res); err != nil {
			rows.Close()
			return nil, wrap(err, "figures")
		}
		var r0, r1 time.Time
		if err := parseDays(&r0, recv, &r1, res); err != nil {
			rows.Close()
			return nil, wrap(err, "figures")
		}
		if d := math.Round(r1.Sub(r0).Hours() / 24); d > longest.Value || len(longest.Cases) == 0 {
			longest.Value, longest.Cases = d, []CaseRef{{Kind: "petition", ID: id, Title: subject}}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "figures")
	}
	out = append(out, longest)
	cases := `SELECT c.id, c.matter FROM citizen_mediation_cases c WHERE c.unit_id IN (` + in + `) AND c.received_on >= ? AND c.received_on <= ?`
	if err := count("AN01", i18n.M("citizen.how.AN01"), "mediation", cases, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	if err := count("AN02", i18n.M("citizen.how.AN02"), "mediation", cases+` AND c.result = 'success'`, from, to); err != nil {
		return nil, wrap(err, "figures")
	}
	if err := count("AN04", i18n.M("citizen.how.AN04"), "team", `SELECT t.id, t.name FROM citizen_mediation_teams t WHERE t.unit_id IN (`+in+`)
		AND t.founded_on <= ? AND (t.dissolved_on = '' OR t.dissolved_on > ?)`, to, to); err != nil {
		return nil, wrap(err, "figures")
	}
	fills, err := s.lastFills(ctx, unit, per)
	if err != nil {
		return nil, wrap(err, "figures")
	}
	for i := range out {
		if f, ok := fills[out[i].Code]; ok {
			out[i].Filled = &f
		}
	}
	return out, nil
}

// caseRefs reads the first cases of a counting query (id, title).
func (s *Store) caseRefs(ctx context.Context, kind, query string, args ...any) ([]CaseRef, error) {
	rows, err := s.db.QueryContext(ctx, query+fmt.Sprintf(" ORDER BY 1 LIMIT %d", figureSample), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CaseRef
	for rows.Next() {
		c := CaseRef{Kind: kind}
		if err := rows.Scan(&c.ID, &c.Title); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s *Store) lastFills(ctx context.Context, unit int64, per vntext.Period) (map[string]Fill, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT indicator_code, counted, entered, note, author, filled_at, report_id FROM citizen_figure_fills
		WHERE unit_id = ? AND period = ? ORDER BY id`, unit, per.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Fill{}
	for rows.Next() {
		var code, at string
		var f Fill
		if err := rows.Scan(&code, &f.Counted, &f.Entered, &f.Note, &f.Author, &at, &f.ReportID); err != nil {
			return nil, err
		}
		if f.At, err = db.ParseStamp(at); err != nil {
			return nil, err
		}
		out[code] = f
	}
	return out, rows.Err()
}

// FillEntry is what the officer puts into the report for one figure: the
// value (the count, or a correction) and, for a correction, why.
type FillEntry struct {
	Value string
	Note  string
}

// FillReport puts the figures counted from the cases into the draft of
// the unit's report for per (through package report, which checks the
// officer's right to write and the report's state), with the officer's
// corrections: a value that differs from the count needs a note, and
// both the count and the value entered are kept. The report's other
// values and narrative stay as they are.
func (s *Store) FillReport(ctx context.Context, p *auth.Principal, unit int64, per vntext.Period, entries map[string]FillEntry) (report.Report, error) {
	figs, err := s.Figures(ctx, p, unit, per)
	if err != nil {
		return report.Report{}, err
	}
	rs := report.NewStore(s.db, s.units, s.authz)
	u, err := s.units.Get(ctx, unit, per.End())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		u, err = s.units.Get(ctx, unit, s.Today())
	}
	if err != nil {
		return report.Report{}, wrap(err, "fill report")
	}
	form, err := rs.FormFor(ctx, u.Level, per.Kind)
	if err != nil {
		return report.Report{}, err
	}
	t := report.Target{UnitID: unit, FormID: form.ID, Period: per}
	e, err := rs.Entry(ctx, p, t)
	if err != nil {
		return report.Report{}, err
	}
	if err := e.RequireWrite(); err != nil {
		return report.Report{}, err
	}
	entered := map[string]report.Indicator{}
	in := report.Input{Version: e.Report.Version, Values: map[report.Key]string{}, Narrative: e.Report.Narrative}
	for _, ind := range e.Indicators {
		if ind.Derived() {
			continue
		}
		for _, k := range ind.Keys() {
			if v, ok := e.Report.Values[k]; ok {
				in.Values[k] = ind.Format(v)
			}
		}
		if ind.Parts() == nil {
			entered[ind.Code] = ind
		}
	}
	var es apperr.Errors
	type fill struct {
		code             string
		counted, entered float64
		note             string
	}
	var fills []fill
	for _, f := range figs {
		ind, ok := entered[f.Code]
		if !ok {
			continue // the form of this level does not ask for it
		}
		en, ok := entries[f.Code]
		if !ok {
			en = FillEntry{Value: ind.Format(f.Value)}
		}
		en.Note = cleanText(en.Note)
		v, has, err := report.ParseValue(ind, en.Value, ind.Label())
		if err != nil {
			key, args := apperr.KeyOf(err)
			es.Add("v."+f.Code, key, args...)
			continue
		}
		if !has {
			v = f.Value
		}
		if v != f.Value && en.Note == "" {
			es.Add("note."+f.Code, "citizen.err.fill_note", ind.Label())
		}
		limit(&es, "note."+f.Code, en.Note, 2000)
		in.Values[report.Key{IndicatorID: ind.ID}] = ind.Format(v)
		fills = append(fills, fill{f.Code, f.Value, v, en.Note})
	}
	if len(fills) == 0 {
		es.Add("", "citizen.err.fill_none")
	}
	if err := es.Err(); err != nil {
		return report.Report{}, err
	}
	r, err := rs.SaveDraft(ctx, p, t, in)
	if err != nil {
		return report.Report{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, f := range fills {
			if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_figure_fills (unit_id, period, indicator_code, counted, entered, note, report_id, author, filled_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, unit, per.String(), f.code, f.counted, f.entered, f.note, r.ID, author(p), db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		kept := map[string][2]float64{}
		for _, f := range fills {
			kept[f.code] = [2]float64{f.counted, f.entered}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "fill", Entity: "report", EntityID: r.ID, UnitID: unit, After: kept})
	})
	return r, wrap(err, "fill report")
}
