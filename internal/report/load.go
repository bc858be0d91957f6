package report

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Bulk loading of history, for the demo generator and for tests.

// LoadReport is a report written as is by Load.
type LoadReport struct {
	UnitID  int64
	FormID  int64
	Period  vntext.Period
	Status  Status
	Comment string
	Values  Values
}

// Load writes many reports with their values in one transaction, with
// batched multi-row inserts and without workflow checks, audit rows or
// notifications: it is for the demo generator and for tests that need
// history, never for what users enter. It raises TopicReports, so every
// kept dashboard is computed again.
func (s *Store) Load(ctx context.Context, reports []LoadReport) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tx.Bump(ctx, TopicReports); err != nil {
			return err
		}
		now := db.Stamp(tx.Now())
		ids := make([]int64, len(reports))
		const batch = 200
		for start := 0; start < len(reports); start += batch {
			part := reports[start:min(start+batch, len(reports))]
			var b strings.Builder
			b.WriteString(`INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end, status, version,
				comment, submitted_at, decided_at, created_at, updated_at) VALUES `)
			args := make([]any, 0, len(part)*12)
			for i, r := range part {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")
				var sub, dec any
				if r.Status != Draft {
					sub = now
				}
				if r.Status == Approved || r.Status == Returned {
					dec = now
				}
				args = append(args, r.FormID, r.UnitID, r.Period.String(), r.Period.Kind.String(), db.Day(r.Period.Start()),
					db.Day(r.Period.End()), string(r.Status), r.Comment, sub, dec, now, now)
			}
			// The ids come back with each row's key (in no promised
			// order): a read of the batch by unit and period afterwards
			// was planned, on PostgreSQL, from the statistics of the
			// table when it was empty, and scanned the whole table for
			// each batch (a third of the national demo's reports step).
			b.WriteString(" RETURNING id, unit_id, form_id, period")
			if err := loadIDs(ctx, tx, b.String(), args, part, ids[start:]); err != nil {
				return err
			}
		}
		// The values in key order (reports in id order, each one's
		// indicators and parts sorted), copied in chunks: COPY on
		// PostgreSQL, prepared multi-row INSERTs on SQLite.
		cols := []string{"report_id", "indicator_id", "breakdown", "value"}
		rows := make([][]any, 0, loadChunk)
		flush := func() error {
			if _, err := tx.CopyFrom(ctx, "report_values", cols, rows); err != nil {
				return fmt.Errorf("report: load values: %w", err)
			}
			rows = rows[:0]
			return nil
		}
		order := make([]int, len(reports))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return ids[order[a]] < ids[order[b]] })
		var keys []Key
		for _, i := range order {
			keys = keys[:0]
			for k := range reports[i].Values {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(a, b int) bool {
				if keys[a].IndicatorID != keys[b].IndicatorID {
					return keys[a].IndicatorID < keys[b].IndicatorID
				}
				return keys[a].Part < keys[b].Part
			})
			for _, k := range keys {
				rows = append(rows, []any{ids[i], k.IndicatorID, k.Part, reports[i].Values[k]})
				if len(rows) == loadChunk {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		return flush()
	})
}

// loadChunk is how many values Load copies at a time.
const loadChunk = 20000

// loadIDs runs insert, which inserts the reports of part and returns
// each one's id, unit, form and period, and sets ids in part's order.
func loadIDs(ctx context.Context, tx *db.Tx, insert string, args []any, part []LoadReport, ids []int64) error {
	type key struct {
		unit, form int64
		period     string
	}
	rows, err := tx.QueryContext(ctx, insert, args...)
	if err != nil {
		return fmt.Errorf("report: load reports: %w", err)
	}
	defer rows.Close()
	got := make(map[key]int64, len(part))
	for rows.Next() {
		var id int64
		var k key
		if err := rows.Scan(&id, &k.unit, &k.form, &k.period); err != nil {
			return fmt.Errorf("report: load reports: %w", err)
		}
		got[k] = id
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("report: load reports: %w", err)
	}
	for i, r := range part {
		if ids[i] = got[key{r.UnitID, r.FormID, r.Period.String()}]; ids[i] == 0 {
			return fmt.Errorf("report: load reports: no id came back for unit %d, %s", r.UnitID, r.Period)
		}
	}
	return nil
}
