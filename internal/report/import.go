package report

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The value table of a unit — one line per unit below it, indicator and
// breakdown part — as exported, as a blank template, and uploaded back.

// TableRow is one line of a value table.
type TableRow struct {
	UnitCode, UnitName                    string
	IndicatorCode, IndicatorName, Measure string
	Part                                  string // breakdown key, "" without
	Value                                 float64
	HasValue                              bool
	Status                                Status // "" when the unit has no report
}

// Cells are the row's spreadsheet cells in ColumnKeys order; status
// names a status in the reader's language.
func (r TableRow) Cells(status func(Status) string) []any {
	var val any
	if r.HasValue {
		val = r.Value
	}
	st := ""
	if r.Status != "" {
		st = status(r.Status)
	}
	return []any{r.UnitCode, r.UnitName, r.IndicatorCode, r.IndicatorName, r.Measure, r.Part, val, st}
}

// Table is the value table of a unit for a form and a period.
type Table struct {
	Unit   org.Unit // today's, or as it stood in the period when closed since
	Form   Form
	Period vntext.Period
	Rows   []TableRow
}

// Table returns the value table of form f for unitID and the units below
// it that report with the form, for period per, with the values and
// report statuses there are, when p may read unitID.
func (s *Store) Table(ctx context.Context, p *auth.Principal, unitID int64, f Form, per vntext.Period) (Table, error) {
	if err := s.require(ctx, p, auth.PermRead, unitID); err != nil {
		return Table{}, err
	}
	return s.table(ctx, unitID, f, per, false)
}

// Template returns the empty value table to fill in and upload, when p
// may enter unitID's figures.
func (s *Store) Template(ctx context.Context, p *auth.Principal, unitID int64, f Form, per vntext.Period) (Table, error) {
	if err := s.require(ctx, p, auth.PermWrite, unitID); err != nil {
		return Table{}, err
	}
	return s.table(ctx, unitID, f, per, true)
}

func (s *Store) table(ctx context.Context, unitID int64, f Form, per vntext.Period, blank bool) (Table, error) {
	t := Table{Form: f, Period: per}
	var err error
	if t.Unit, err = s.units.Get(ctx, unitID, s.db.Now()); apperr.CodeOf(err) == apperr.CodeNotFound {
		t.Unit, err = s.unitFor(ctx, unitID, per)
	}
	if err != nil {
		return t, err
	}
	units, err := s.scopeUnits(ctx, unitID, f, per)
	if err != nil {
		return t, err
	}
	type rep struct {
		status Status
		values Values
	}
	got := map[int64]rep{}
	if !blank {
		rows, err := s.db.QueryContext(ctx, `SELECT r.unit_id, r.status, v.indicator_id, v.breakdown, v.value
			FROM unit_closure c JOIN reports r ON r.unit_id = c.descendant_id
			JOIN report_values v ON v.report_id = r.id
			WHERE c.ancestor_id = ? AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)
			AND r.form_id = ? AND r.period = ?`, unitID, db.Day(per.End()), db.Day(per.End()), f.ID, per.String())
		if err != nil {
			return t, fmt.Errorf("report: table: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var uid int64
			var st Status
			var k Key
			var v float64
			if err := rows.Scan(&uid, &st, &k.IndicatorID, &k.Part, &v); err != nil {
				return t, fmt.Errorf("report: table: %w", err)
			}
			r := got[uid]
			if r.values == nil {
				r.values = Values{}
			}
			r.status = st
			r.values[k] = v
			got[uid] = r
		}
		if err := rows.Err(); err != nil {
			return t, fmt.Errorf("report: table: %w", err)
		}
	}
	for _, u := range units {
		r := got[u.ID]
		for _, ind := range f.For(string(u.Level), per) {
			if ind.Derived() {
				continue
			}
			for _, k := range ind.Keys() {
				row := TableRow{UnitCode: u.Code, UnitName: u.Name, IndicatorCode: ind.Code, IndicatorName: ind.Name,
					Measure: ind.Measure, Part: k.Part}
				row.Value, row.HasValue = r.values[k]
				if r.values != nil {
					row.Status = r.status
				}
				t.Rows = append(t.Rows, row)
			}
		}
	}
	return t, nil
}

// scopeUnits returns the units that report with form f for period p
// below (and including) unitID, as the tree stood on the period's last
// day, in tree order.
func (s *Store) scopeUnits(ctx context.Context, unitID int64, f Form, p vntext.Period) ([]org.Unit, error) {
	units, err := s.units.Subtree(ctx, unitID, p.End())
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range units {
		if reports(u) && slices.Contains(f.Levels, string(u.Level)) {
			out = append(out, u)
		}
	}
	return out, nil
}

// ImportChoices is what the upload page offers: the unit and the forms.
type ImportChoices struct {
	Unit  org.Unit
	Forms []Form
}

// ImportChoices returns what an upload for unitID may choose from, when
// p may enter unitID's figures.
func (s *Store) ImportChoices(ctx context.Context, p *auth.Principal, unitID int64) (ImportChoices, error) {
	if err := s.require(ctx, p, auth.PermWrite, unitID); err != nil {
		return ImportChoices{}, err
	}
	var c ImportChoices
	var err error
	if c.Unit, err = s.units.Get(ctx, unitID, s.db.Now()); err != nil {
		return c, err
	}
	if c.Forms, err = s.Forms(ctx); err != nil {
		return c, err
	}
	return c, nil
}

// Problem is one thing wrong in an uploaded table, located by sheet,
// row and column as a spreadsheet shows them.
type Problem struct {
	Sheet   string
	Row     int
	Column  string // "A", "G"; "" for the whole row
	Message i18n.Message
}

// Text is the problem with its place: "Trang Số liệu, dòng 12, cột G: …".
func (p Problem) Text() i18n.Message {
	if p.Column == "" {
		return i18n.M("report.problem.row", p.Sheet, p.Row, p.Message)
	}
	return i18n.M("report.problem.cell", p.Sheet, p.Row, p.Column, p.Message)
}

// Problems is every problem of a refused upload. It is an error with
// apperr.CodeInvalid.
type Problems []Problem

// Error implements error (for logs: keys untranslated).
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 20 {
			fmt.Fprintf(&b, "… %d more", len(ps)-20)
			break
		}
		fmt.Fprintf(&b, "%s:%d:%s: %s%v", p.Sheet, p.Row, p.Column, p.Message.Key, p.Message.Args)
	}
	return b.String()
}

// As lets apperr.CodeOf and apperr.KeyOf see an invalid-input error
// with a summary message naming the first problem.
func (ps Problems) As(target any) bool {
	if t, ok := target.(**apperr.Error); ok && len(ps) > 0 {
		*t = apperr.Invalid("file", "report.err.file_problems", len(ps), ps[0].Text())
		return true
	}
	return false
}

// Import saves an uploaded table of values for form f and period per as
// drafts of the units it names, all of it or nothing: every problem —
// unknown unit or indicator, a unit outside p's write scope or not below
// unitID, a report already submitted or approved, a bad number, a ratio
// whose parts disagree, a duplicate line — is collected and returned as
// Problems, and then nothing is saved. Values not in the table are kept.
// It returns how many reports it saved.
func (s *Store) Import(ctx context.Context, p *auth.Principal, unitID int64, f Form, per vntext.Period, rows []Row) (int, error) {
	if err := s.require(ctx, p, auth.PermWrite, unitID); err != nil {
		return 0, err
	}
	if f.PeriodKind != per.Kind {
		return 0, apperr.Invalid("period", "report.err.form_period", KindMessage(f.PeriodKind), per.Message())
	}
	if err := s.checkStarted(per); err != nil {
		return 0, err
	}
	if len(rows) == 0 {
		return 0, apperr.Invalid("file", "report.err.file_empty")
	}
	sc, err := s.importScope(ctx, unitID, f, per)
	if err != nil {
		return 0, err
	}
	plan, err := sc.check(ctx, s, p, rows)
	if err != nil {
		return 0, err
	}
	if err := s.writeImport(ctx, f, per, plan); err != nil {
		return 0, err
	}
	return len(plan.order), nil
}

// importScope is what checking an upload needs to know: the units it may
// name, the form's indicators and the units' current reports.
type importScope struct {
	form    Form
	period  vntext.Period
	units   []org.Unit
	byCode  map[string]org.Unit  // unit code (upper case) -> unit
	byID    map[int64]Indicator  // every indicator
	inForm  map[string]Indicator // indicator code (upper case) -> indicator of the form
	current map[int64]Report     // unit id -> its report, when started
}

func (s *Store) importScope(ctx context.Context, unitID int64, f Form, per vntext.Period) (*importScope, error) {
	sc := &importScope{form: f, period: per, byCode: map[string]org.Unit{}, inForm: map[string]Indicator{}, current: map[int64]Report{}}
	var err error
	if sc.units, err = s.scopeUnits(ctx, unitID, f, per); err != nil {
		return nil, err
	}
	for _, u := range sc.units {
		sc.byCode[strings.ToUpper(u.Code)] = u
	}
	all, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	sc.byID = byID(all)
	for _, i := range f.Indicators {
		sc.inForm[strings.ToUpper(i.Code)] = i
	}
	for _, u := range sc.units {
		r, err := findReport(ctx, s.db, Target{UnitID: u.ID, FormID: f.ID, Period: per})
		switch {
		case err == nil:
			sc.current[u.ID] = r
		case apperr.CodeOf(err) != apperr.CodeNotFound:
			return nil, err
		}
	}
	return sc, nil
}

// importPlan is a checked upload: the values each unit will have (its
// current ones with the table's over them), in unit id order.
type importPlan struct {
	current map[int64]Report
	values  map[int64]Values
	order   []int64
}

// check reads every row against the scope and p's write permission on
// each unit; it returns the plan, or Problems naming every bad cell.
func (sc *importScope) check(ctx context.Context, s *Store, p *auth.Principal, rows []Row) (importPlan, error) {
	var ps Problems
	add := func(r Row, col int, key string, args ...any) {
		c := ""
		if col >= 0 {
			c = ColumnName(col)
		}
		ps = append(ps, Problem{Sheet: r.Sheet, Row: r.Line, Column: c, Message: i18n.M(key, args...)})
	}
	type seenKey struct {
		unit int64
		key  Key
	}
	newValues := map[int64]Values{}
	seen := map[seenKey]Row{}
	allowed := map[int64]bool{}
	for _, r := range rows {
		code := strings.ToUpper(r.Cell(colUnit))
		u, ok := sc.byCode[code]
		if !ok {
			if code == "" {
				add(r, colUnit, "report.problem.unit_missing")
			} else {
				add(r, colUnit, "report.problem.unit_outside", r.Cell(colUnit))
			}
			continue
		}
		ok, known := allowed[u.ID]
		if !known {
			can, err := s.can(ctx, p, auth.PermWrite, u.ID)
			if err != nil {
				return importPlan{}, err
			}
			allowed[u.ID], ok = can, can
		}
		if !ok {
			add(r, colUnit, "report.problem.unit_forbidden", u.Name)
			continue
		}
		if cur, has := sc.current[u.ID]; has && !cur.Status.Editable() {
			add(r, colUnit, "report.problem.locked", u.Name, cur.Status.Message())
			continue
		}
		ind, ok := sc.inForm[strings.ToUpper(r.Cell(colIndicator))]
		if !ok || !ind.ReportedBy(string(u.Level)) || !ind.ValidIn(sc.period) {
			add(r, colIndicator, "report.problem.indicator", r.Cell(colIndicator))
			continue
		}
		if ind.Derived() {
			add(r, colIndicator, "report.problem.derived", ind.Label())
			continue
		}
		part := strings.TrimSpace(r.Cell(colPart))
		if parts := ind.Parts(); parts != nil {
			if !slices.Contains(parts, part) {
				add(r, colPart, "report.problem.part", part, ind.Code)
				continue
			}
		} else if part != "" {
			add(r, colPart, "report.problem.no_parts", ind.Code)
			continue
		}
		k := Key{ind.ID, part}
		if prev, dup := seen[seenKey{u.ID, k}]; dup {
			add(r, -1, "report.problem.duplicate", prev.Line)
			continue
		}
		seen[seenKey{u.ID, k}] = r
		v, has, err := ParseValue(ind, r.Cell(colValue), ind.Label())
		if err != nil {
			key, args := apperr.KeyOf(err)
			add(r, colValue, key, args...)
			continue
		}
		if !has {
			continue
		}
		if newValues[u.ID] == nil {
			newValues[u.ID] = Values{}
		}
		newValues[u.ID][k] = v
	}
	// Ratio parts, on the values the units would end up with.
	plan := importPlan{current: sc.current, values: map[int64]Values{}}
	for _, u := range sc.units {
		nv, ok := newValues[u.ID]
		if !ok {
			continue
		}
		vs := Values{}
		for k, v := range sc.current[u.ID].Values {
			vs[k] = v
		}
		for k, v := range nv {
			vs[k] = v
		}
		plan.values[u.ID] = vs
		plan.order = append(plan.order, u.ID)
		var es apperr.Errors
		checkRatios(sc.form.For(string(u.Level), sc.period), sc.byID, vs, &es)
		for _, e := range es {
			// The line of the numerator's value (the field names it).
			line := 0
			for sk, r := range seen {
				if sk.unit == u.ID && FieldName(Key{sk.key.IndicatorID, firstPart(sc.byID[sk.key.IndicatorID])}) == e.Field {
					line = r.Line
				}
			}
			ps = append(ps, Problem{Sheet: rows[0].Sheet, Row: line, Column: ColumnName(colValue),
				Message: i18n.M("report.problem.unit", u.Name, i18n.M(e.Key, e.Args...))})
		}
	}
	if len(ps) > 0 {
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].Row < ps[b].Row })
		return importPlan{}, ps
	}
	sort.Slice(plan.order, func(a, b int) bool { return plan.order[a] < plan.order[b] })
	return plan, nil
}

// writeImport saves a checked upload in one transaction: each unit's
// report created as a draft or updated at the version read, its values
// replaced, and an audit row.
func (s *Store) writeImport(ctx context.Context, f Form, per vntext.Period, plan importPlan) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := bumpReports(ctx, tx, per, plan.order...); err != nil {
			return err
		}
		now := db.Stamp(tx.Now())
		for _, uid := range plan.order {
			cur, has := plan.current[uid]
			var id int64
			if has {
				res, err := tx.ExecContext(ctx, `UPDATE reports SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
					now, cur.ID, cur.Version)
				if err != nil {
					return fmt.Errorf("report: import: %w", err)
				}
				if err := oneRow(res, "report: import"); err != nil {
					return err
				}
				id = cur.ID
			} else {
				var err error
				id, err = tx.InsertID(ctx, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end,
					status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?)`,
					f.ID, uid, per.String(), per.Kind.String(), db.Day(per.Start()), db.Day(per.End()), now, now)
				if err != nil {
					return fmt.Errorf("report: import: %w", err)
				}
			}
			if err := writeValues(ctx, tx, id, plan.values[uid]); err != nil {
				return err
			}
			after, err := getReport(ctx, tx, id)
			if err != nil {
				return err
			}
			var before any
			if has {
				before = cur.audit(true)
			}
			if err := recordAudit(ctx, tx, "import", after, before, after.audit(true)); err != nil {
				return err
			}
		}
		return nil
	})
}
