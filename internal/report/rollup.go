package report

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// View is how a past period's figures are placed in the hierarchy.
type View int

// The views.
const (
	// AsReported counts each report under the ancestors its unit had on
	// the last day of the report's period (the tree as it stood then).
	AsReported View = iota
	// Mapped counts each report under today's units: a unit closed by a
	// merge or split passes its figures, times the link's share, to its
	// successors, and on to their ancestors today.
	Mapped
)

// Query asks for a roll-up.
type Query struct {
	UnitID int64
	Period vntext.Period
	// Source is the kind of period whose reports are read, 0 for the
	// period's own kind. A year may be read from its two halves (Source
	// vntext.Half): sums add up, a "last" indicator takes the later half.
	Source vntext.PeriodKind
	// IncludeSubmitted counts submitted reports too; by default only
	// approved ones count (never drafts or returned reports).
	IncludeSubmitted bool
	View             View
	// Today is the day whose tree the Mapped view maps onto; zero means
	// the database clock's today.
	Today time.Time
	// Indicators limits the roll-up to these indicators (a ratio brings
	// its parts); nil means every indicator.
	Indicators []int64
}

// Figure is one indicator's rolled-up value.
type Figure struct {
	Value float64
	Has   bool
	Rows  int                // value rows counted (units x sub-periods x parts)
	Parts map[string]float64 // for an indicator with breakdown
}

// Totals are figures by indicator id.
type Totals map[int64]Figure

// grouping is what one roll-up query groups by, besides the indicator.
type grouping int

const (
	groupNone   grouping = iota // one total for the unit
	groupChild                  // one total per unit directly below
	groupPeriod                 // one total per period
)

// acc accumulates the aggregates of one (group, indicator, part).
type acc struct {
	sum, wsum, min, max, last float64
	n                         int
}

// rollup runs the one query and returns the raw aggregates by group key
// (a unit id or a period code) and indicator.
func (s *Store) rollup(ctx context.Context, q Query, g grouping, from, to vntext.Period) (map[string]map[Key]acc, error) {
	src := q.Source
	if src == 0 {
		src = q.Period.Kind
	}
	today := q.Today
	if today.IsZero() {
		n := s.db.Now()
		today = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	statuses := "'approved'"
	if q.IncludeSubmitted {
		statuses = "'approved', 'submitted'"
	}
	// A window for "last" only when a group spans several source periods.
	window := g != groupPeriod && src != q.Period.Kind
	// On PostgreSQL a prepared statement gets a generic plan after five
	// runs, planned for a unit of average size: a nested loop that took
	// the country's 2020 roll-up from 120 to 160-200 ms. A tree's root
	// (the country) is written into its statement as a literal, so that
	// statement is planned for the whole tree (parallel hash joins, 115-
	// 130 ms), while every other unit keeps the shared generic plan,
	// which is right for them (a province 3 ms either way). Mapped onto
	// today the same holds since the view joins unit_successions (2020:
	// 226-263 -> 163-183 ms); over the recursive walk it read before, the
	// literal made the plan worse (184 -> 690 ms).
	literal := s.db.Dialect() == db.Postgres && s.isRoot(ctx, q.UnitID, today)
	with, fromSQL, weight, args := placement(q, g, today, "reports", literal, true)
	fromSQL = strings.Replace(fromSQL, whereMark, ` JOIN report_values v ON v.report_id = r.id WHERE `, 1)
	var grp string
	switch {
	case g == groupChild && q.View == Mapped:
		grp = "w.grp"
	case g == groupChild:
		grp = "ch.descendant_id"
	case g == groupPeriod:
		grp = "r.period"
	default:
		grp = "0"
	}
	args = append(args, src.String(), db.Day(from.Start()), db.Day(to.End()))
	if len(q.Indicators) > 0 {
		statuses += ") AND v.indicator_id IN (" + db.Placeholders(len(q.Indicators))
		for _, id := range q.Indicators {
			args = append(args, id)
		}
	}
	inner := `SELECT ` + grp + ` AS grp, v.indicator_id AS indicator_id, v.breakdown AS breakdown, v.value AS val,
			` + weight + ` AS wt, r.period_end AS pend
			FROM ` + fromSQL + `
			AND r.period_kind = ? AND r.period_start >= ? AND r.period_end <= ? AND r.status IN (` + statuses + `)`
	if s.db.Dialect() == db.SQLite {
		// SQLite can only group by sorting, which costs more than the
		// joins themselves; the rows are summed here instead, in one pass,
		// reading only the columns that vary.
		cols := "v.indicator_id, v.breakdown, v.value"
		if g != groupNone {
			cols += ", " + grp
		}
		if window {
			cols += ", r.period_end"
		}
		lean := with + `SELECT ` + cols + weightMark + ` FROM ` + fromSQL + `
			AND r.period_kind = ? AND r.period_start >= ? AND r.period_end <= ? AND r.status IN (` + statuses + `)`
		if q.View != Mapped {
			return s.aggregate(ctx, []leanQuery{{strings.Replace(lean, weightMark, "", 1), args, false}}, g != groupNone, window)
		}
		// Mapped, almost every unit passes whole (merges): their rows
		// are read without a weight, a column less to scan for each of
		// them (a seventh of the country's 2020 roll-up), and the few a
		// split divides with theirs.
		return s.aggregate(ctx, []leanQuery{
			{strings.Replace(lean, weightMark, "", 1) + " AND w.share = 1", args, false},
			{strings.Replace(lean, weightMark, ", w.share", 1) + " AND w.share <> 1", args, true},
		}, g != groupNone, window)
	}
	latest := "pend"
	if window {
		latest = "MAX(pend) OVER (PARTITION BY grp, indicator_id, breakdown)"
	}
	query := with + `SELECT grp, indicator_id, breakdown, SUM(val * wt), SUM(wt), MIN(val), MAX(val), COUNT(*),
		SUM(CASE WHEN pend = latest THEN val * wt ELSE 0 END)
		FROM (SELECT y.*, ` + latest + ` AS latest FROM (` + inner + `) y) x
		GROUP BY grp, indicator_id, breakdown`
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: roll-up: %w", err)
	}
	defer rows.Close()
	out := map[string]map[Key]acc{}
	for rows.Next() {
		var gk sql.NullString
		var k Key
		var a acc
		if err := rows.Scan(&gk, &k.IndicatorID, &k.Part, &a.sum, &a.wsum, &a.min, &a.max, &a.n, &a.last); err != nil {
			return nil, fmt.Errorf("report: roll-up: %w", err)
		}
		m := out[gk.String]
		if m == nil {
			m = map[Key]acc{}
			out[gk.String] = m
		}
		m[k] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: roll-up: %w", err)
	}
	return out, nil
}

// isRoot says whether unitID is a root of the tree on day (the country);
// a unit that does not exist that day is not, nor one that cannot be
// read (its roll-up is then planned as any unit's).
func (s *Store) isRoot(ctx context.Context, unitID int64, day time.Time) bool {
	u, err := s.units.Get(ctx, unitID, day)
	return err == nil && u.ParentID == 0
}

// weightMark stands where a lean roll-up query may read the weight.
const weightMark = " /*weight*/"

// whereMark stands, in placement's FROM clause, where the rows' table
// may be joined to more tables and the WHERE clause begins.
const whereMark = " /*where*/ "

// placement returns the SQL that places the rows of a unit-keyed table
// (aliased r, with columns unit_id and period_end) under q.UnitID, the
// one mechanism every roll-up shares: as reported, through the closure
// as it stood on each row's period_end; mapped, through today's subtree
// and unit_successions (every unit whose figures pass, by merges and
// splits, into a unit of that subtree, with the product of the links'
// shares; package org keeps it with every unit change). It returns a
// WITH clause (empty when not needed), the FROM clause with whereMark
// where the WHERE clause begins (its conditions follow and further ones
// are added with AND), the weight of a row and the arguments, in order.
// Mapped, the weight is w.share, so that a caller may read the rows of
// weight 1 apart (AND w.share = 1) from the few a split divides. Grouped
// by child (g is groupChild), a row's group is ch.descendant_id as
// reported, and mapped too unless exact. With exact, the mapped units
// are first summed into one row each (w, its group w.grp), so that a
// unit split into two parts under q.UnitID has its rows counted once,
// with the parts' shares added; else such a unit's rows come once per
// part, which only sums may take. With literal, q.UnitID is written into
// the SQL instead of passed as an argument (see rollup).
func placement(q Query, g grouping, today time.Time, table string, literal, exact bool) (with, from, weight string, args []any) {
	// unit is the unit's place in the SQL; unitArgs its arguments there.
	unit, unitArgs := "?", []any{q.UnitID}
	if literal {
		unit, unitArgs = strconv.FormatInt(q.UnitID, 10), nil
	}
	const validAtEnd = `%[1]s.valid_from <= r.period_end AND (%[1]s.valid_to IS NULL OR %[1]s.valid_to >= r.period_end)`
	const validToday = `%[1]s.valid_from <= ? AND (%[1]s.valid_to IS NULL OR %[1]s.valid_to >= ?)`
	td := db.Day(today)
	switch q.View {
	case Mapped:
		weight = "w.share"
		// Today's subtree (c), by child (ch) when grouped so, and every
		// unit whose figures reach it (w, the successions in force today).
		subtree := `unit_closure c JOIN unit_successions w ON w.successor_id = c.descendant_id`
		where := `c.ancestor_id = ` + unit + ` AND ` + fmt.Sprintf(validToday, "c") + ` AND w.valid_from <= ?`
		args = append(unitArgs, td, td, td)
		grp := "0"
		if g == groupChild {
			subtree = `unit_closure ch JOIN unit_closure c ON c.ancestor_id = ch.descendant_id
				JOIN unit_successions w ON w.successor_id = c.descendant_id`
			where = `ch.ancestor_id = ` + unit + ` AND ch.depth = 1 AND ` + fmt.Sprintf(validToday, "ch") +
				` AND ` + fmt.Sprintf(validToday, "c") + ` AND w.valid_from <= ?`
			args = append(unitArgs, td, td, td, td, td)
			grp = "ch.descendant_id"
		}
		if !exact {
			from = subtree + ` JOIN ` + table + ` r ON r.unit_id = w.predecessor_id` + whereMark + where
			return with, from, weight, args
		}
		groupBy := "w.predecessor_id"
		if g == groupChild {
			groupBy = grp + ", " + groupBy
		}
		with = `WITH w (grp, unit_id, share) AS (SELECT ` + grp + `, w.predecessor_id, SUM(w.share) FROM ` + subtree + `
			WHERE ` + where + ` GROUP BY ` + groupBy + `) `
		from = `w JOIN ` + table + ` r ON r.unit_id = w.unit_id` + whereMark + `1 = 1`
	default:
		weight = "CAST(1 AS DOUBLE PRECISION)"
		if g == groupChild {
			from = `unit_closure ch
				JOIN unit_closure c ON c.ancestor_id = ch.descendant_id
				JOIN ` + table + ` r ON r.unit_id = c.descendant_id AND ` + fmt.Sprintf(validAtEnd, "c") + ` AND ` + fmt.Sprintf(validAtEnd, "ch") +
				whereMark + `ch.ancestor_id = ` + unit + ` AND ch.depth = 1`
		} else {
			from = `unit_closure c
				JOIN ` + table + ` r ON r.unit_id = c.descendant_id AND ` + fmt.Sprintf(validAtEnd, "c") +
				whereMark + `c.ancestor_id = ` + unit
		}
		args = unitArgs
	}
	return with, from, weight, args
}

// leanQuery is one query of the rows of a roll-up, unaggregated: the
// columns indicator, breakdown, value, then the group when grouped, the
// period's end when windowed, and the weight when weighted (else 1).
type leanQuery struct {
	query    string
	args     []any
	weighted bool
}

// cell is the aggregates of one (group, key) while rows are read.
type cell struct {
	acc
	latest string
}

// aggregate runs queries (the rows of one roll-up, unaggregated, in
// parts) and aggregates them per group and key in one pass over each.
func (s *Store) aggregate(ctx context.Context, queries []leanQuery, grouped, window bool) (map[string]map[Key]acc, error) {
	cells := map[string]map[Key]*cell{}
	for _, q := range queries {
		if err := s.aggregateInto(ctx, cells, q, grouped, window); err != nil {
			return nil, err
		}
	}
	out := make(map[string]map[Key]acc, len(cells))
	for g, m := range cells {
		o := make(map[Key]acc, len(m))
		for k, c := range m {
			o[k] = c.acc
		}
		out[g] = o
	}
	return out, nil
}

func (s *Store) aggregateInto(ctx context.Context, cells map[string]map[Key]*cell, q leanQuery, grouped, window bool) error {
	rows, err := s.db.QueryContext(ctx, q.query, q.args...)
	if err != nil {
		return fmt.Errorf("report: roll-up: %w", err)
	}
	defer rows.Close()
	var (
		gk    sql.RawBytes
		part  sql.RawBytes
		pend  sql.RawBytes
		ind   int64
		val   float64
		wt    = 1.0
		lastG string
		lastM map[Key]*cell
	)
	dest := []any{&ind, &part, &val}
	if grouped {
		dest = append(dest, &gk)
	} else {
		gk = sql.RawBytes("0")
	}
	if window {
		dest = append(dest, &pend)
	}
	if q.weighted {
		dest = append(dest, &wt)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("report: roll-up: %w", err)
		}
		if lastM == nil || string(gk) != lastG {
			lastG = string(gk)
			lastM = cells[lastG]
			if lastM == nil {
				lastM = map[Key]*cell{}
				cells[lastG] = lastM
			}
		}
		k := Key{IndicatorID: ind}
		if len(part) > 0 {
			k.Part = string(part)
		}
		c := lastM[k]
		if c == nil {
			c = &cell{acc: acc{min: val, max: val}}
			lastM[k] = c
		}
		c.sum += val * wt
		c.wsum += wt
		c.n++
		c.min = min(c.min, val)
		c.max = max(c.max, val)
		if !window {
			c.last += val * wt
			continue
		}
		switch p := string(pend); {
		case p > c.latest:
			c.latest, c.last = p, val*wt
		case p == c.latest:
			c.last += val * wt
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("report: roll-up: %w", err)
	}
	return nil
}

// totals turns raw aggregates into figures with each indicator's own
// aggregation, ratios computed from their parts' totals.
func totals(inds []Indicator, raw map[Key]acc) Totals {
	t := Totals{}
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		var f Figure
		keys := []string{""}
		if parts := ind.Parts(); parts != nil {
			keys = parts
			f.Parts = map[string]float64{}
		}
		for _, part := range keys {
			a, ok := raw[Key{ind.ID, part}]
			if !ok {
				continue
			}
			var v float64
			switch ind.Aggregation {
			case Sum:
				v = a.sum
			case Average:
				if a.wsum > 0 {
					v = a.sum / a.wsum
				}
			case Min:
				v = a.min
			case Max:
				v = a.max
			case Last:
				v = a.last
			}
			if f.Parts != nil {
				f.Parts[part] = v
			}
			if f.Has && ind.Aggregation != Sum && ind.Aggregation != Last {
				continue
			}
			f.Value += v
			f.Has = true
			f.Rows += a.n
		}
		if f.Has {
			t[ind.ID] = f
		}
	}
	for _, ind := range inds {
		if !ind.Derived() {
			continue
		}
		num, den := t[ind.NumeratorID], t[ind.DenominatorID]
		if !num.Has || !den.Has {
			continue
		}
		if v, ok := RatioValue(ind, num.Value, den.Value); ok {
			t[ind.ID] = Figure{Value: v, Has: true, Rows: num.Rows + den.Rows}
		}
	}
	return t
}

// Rollup returns the totals of q.UnitID's subtree for q.Period, for every
// indicator, by one query over the value rows, when p may read the unit.
// Answers are kept like dashboards (see cache.go): computed again only
// when a write has changed a report of q.Period under the unit, the tree,
// the catalogue, or every report at once (a bulk load). A year read from
// its halves (q.Source) is computed every time. The Parts of the figures
// may be shared with other callers: read them, never change them.
func (s *Store) Rollup(ctx context.Context, p *auth.Principal, q Query) (Totals, error) {
	return s.rollupTotals(ctx, p, q, true)
}

// rollupTotals is Rollup, its answer kept or, when keep is false (the
// benchmarks of the roll-up itself), computed afresh.
func (s *Store) rollupTotals(ctx context.Context, p *auth.Principal, q Query, keep bool) (Totals, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return nil, err
	}
	inds, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	q.Indicators = withParts(inds, q.Indicators)
	if !keep || q.Source != 0 && q.Source != q.Period.Kind {
		// A year read from its halves: the versions are raised per
		// report's own period, which is not the period a stamp reads.
		raw, err := s.rollup(ctx, q, groupNone, q.Period, q.Period)
		if err != nil {
			return nil, err
		}
		return totals(inds, raw["0"]), nil
	}
	if q.Today.IsZero() {
		q.Today = dayOf(s.db.Now())
	}
	st, err := s.stampOf(ctx, q.UnitID, q.Period)
	if err != nil {
		return nil, err
	}
	key := rollKey{unit: q.UnitID, period: q.Period, view: q.View, includeSubmitted: q.IncludeSubmitted,
		today: q.Today.Format(time.DateOnly)}
	if len(q.Indicators) > 0 {
		ids := make([]string, len(q.Indicators))
		for i, id := range q.Indicators {
			ids[i] = strconv.FormatInt(id, 10)
		}
		key.indicators = strings.Join(ids, ",")
	}
	t, ok := s.rolls.Get(key, st)
	if !ok {
		raw, err := s.rollup(ctx, q, groupNone, q.Period, q.Period)
		if err != nil {
			return nil, err
		}
		t = totals(inds, raw["0"])
		s.rolls.Put(key, st, t)
	}
	return maps.Clone(t), nil
}

// RollupByChild returns the totals of each unit directly below q.UnitID
// (as reported: below it when each report's period ended; mapped: below
// it today), by unit id, in one query, when p may read q.UnitID.
func (s *Store) RollupByChild(ctx context.Context, p *auth.Principal, q Query) (map[int64]Totals, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return nil, err
	}
	return s.rollupByChild(ctx, q)
}

func (s *Store) rollupByChild(ctx context.Context, q Query) (map[int64]Totals, error) {
	inds, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	q.Indicators = withParts(inds, q.Indicators)
	raw, err := s.rollup(ctx, q, groupChild, q.Period, q.Period)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Totals, len(raw))
	for k, r := range raw {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("report: roll-up group %q: %w", k, err)
		}
		out[id] = totals(inds, r)
	}
	return out, nil
}

// Series returns q.UnitID's totals for every period of q.Period's kind
// from first to last (inclusive), by period code, in one query. Periods
// without figures are absent. p must be able to read q.UnitID.
func (s *Store) Series(ctx context.Context, p *auth.Principal, q Query, first, last vntext.Period) (map[string]Totals, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return nil, err
	}
	return s.series(ctx, q, first, last)
}

func (s *Store) series(ctx context.Context, q Query, first, last vntext.Period) (map[string]Totals, error) {
	inds, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	q.Indicators = withParts(inds, q.Indicators)
	q.Source = q.Period.Kind
	raw, err := s.rollup(ctx, q, groupPeriod, first, last)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Totals, len(raw))
	for k, r := range raw {
		out[k] = totals(inds, r)
	}
	return out, nil
}

// withParts adds the parts of the ratios among ids (nil stays nil).
func withParts(inds []Indicator, ids []int64) []int64 {
	if len(ids) == 0 {
		return nil
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	out := append([]int64(nil), ids...)
	for _, i := range inds {
		if want[i.ID] && i.Derived() {
			for _, p := range []int64{i.NumeratorID, i.DenominatorID} {
				if !want[p] {
					want[p] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// Facts are figures kept outside reports that roll up the hierarchy the
// way report values do, through the same placement (a campaign's
// contributions, for one): the rows of Table, each of a unit (column
// unit_id) for a period (columns period_start and period_end, as db.Day),
// holding the Columns that are summed.
type Facts struct {
	Table   string   // aliased r in the query
	Where   string   // more conditions on r, with ? placeholders; "" for none
	Args    []any    // Where's arguments
	Columns []string // summed, each times the row's weight
}

// SumFacts returns the sums of f's columns (in f.Columns' order) over
// the rows under q.UnitID whose period lies within q.Period (every row
// for a zero Period), placed by q.View as report figures are; with
// byChild, one set of sums per unit directly below q.UnitID, by its id,
// else one under key 0. Only q.UnitID, q.Period, q.View and q.Today are
// read. It checks no permission: the caller's domain package does.
func SumFacts(ctx context.Context, d *db.DB, f Facts, q Query, byChild bool) (map[int64][]float64, error) {
	if len(f.Columns) == 0 {
		return nil, fmt.Errorf("report: sum of %s: no column", f.Table)
	}
	today := q.Today
	if today.IsZero() {
		n := d.Now()
		today = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	g, grp := groupNone, "0"
	if byChild {
		g, grp = groupChild, "ch.descendant_id"
	}
	with, from, weight, args := placement(q, g, today, f.Table, false, false)
	from = strings.Replace(from, whereMark, " WHERE ", 1)
	if q.Period.Valid() {
		from += " AND r.period_start >= ? AND r.period_end <= ?"
		args = append(args, db.Day(q.Period.Start()), db.Day(q.Period.End()))
	}
	if f.Where != "" {
		from += " AND (" + f.Where + ")"
		args = append(args, f.Args...)
	}
	// Every row weighing 1 (as reported, and mapped for the units that
	// passed whole), its columns are summed as they are, which spares a
	// multiplication per row and column (a tenth of a country's roll-up
	// on SQLite); mapped, the rows a split divides are summed apart, each
	// times its share, and both sums added here.
	sums := make([]string, len(f.Columns))
	weighed := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		sums[i] = "SUM(r." + c + ")"
		weighed[i] = "SUM(r." + c + " * " + weight + ")"
	}
	groupBy := ""
	if byChild {
		groupBy = ` GROUP BY ` + grp
	}
	query := with + `SELECT ` + grp + `, ` + strings.Join(sums, ", ") + ` FROM ` + from
	if q.View == Mapped {
		query += ` AND w.share = 1` + groupBy + `
			UNION ALL SELECT ` + grp + `, ` + strings.Join(weighed, ", ") + ` FROM ` + from + ` AND w.share <> 1` + groupBy
		args = append(args, args...)
	} else {
		query += groupBy
	}
	rows, err := d.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: sum of %s: %w", f.Table, err)
	}
	defer rows.Close()
	out := map[int64][]float64{}
	for rows.Next() {
		var key int64
		vals := make([]sql.NullFloat64, len(f.Columns))
		dest := []any{&key}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("report: sum of %s: %w", f.Table, err)
		}
		if !byChild && !vals[0].Valid {
			continue // no row: the sum of nothing
		}
		v := out[key]
		if v == nil {
			v = make([]float64, len(vals))
			out[key] = v
		}
		for i, x := range vals {
			v[i] += x.Float64
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: sum of %s: %w", f.Table, err)
	}
	return out, nil
}
