package practice

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// PeriodModels are the models of a unit's subtree in a period, as a
// review report counts them: those registered (started) in the period
// and those recognized in it, whatever their status since.
type PeriodModels struct {
	Registered int
	Recognized int
	// RecognizedByField counts the recognized models by field.
	RecognizedByField map[Field]int
	// Named are the first of the recognized models in the order of their
	// names, at most the limit asked for.
	Named []Practice
}

// InPeriod returns the models of unitID's subtree registered and
// recognized in per, with the first limit recognized ones named, when p
// may read the unit. A model counts under the units its unit sat under
// on the day it was registered (or recognized), through the closure as
// it stood that day: the tree as it was reported in, as report roll-ups
// place figures, not today's (a province merged in 2025 does not take
// its partner's 2023 models into its 2023 review). The subtree is a join
// on the closure, never a list of unit ids: three queries whatever its
// size.
func (s *Store) InPeriod(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period, limit int) (PeriodModels, error) {
	if p == nil {
		return PeriodModels{}, apperr.Unauthorized("practice.err.signin")
	}
	// Whoever may read the unit reads its subtree's models, as its
	// figures (a unit's reach covers its subtree).
	ok, err := s.auth.Can(ctx, p, auth.PermRead, unitID)
	if err != nil {
		return PeriodModels{}, err
	}
	if !ok {
		return PeriodModels{}, apperr.NotFound("practice.err.unit_not_found")
	}
	from, to := db.Day(per.Start()), db.Day(per.End())
	out := PeriodModels{RecognizedByField: map[Field]int{}}
	// The closure rows of the subtree that stood on some day of per; each
	// model then takes the row valid on its own day.
	subtree := `FROM unit_closure c JOIN practices p ON p.unit_id = c.descendant_id
		WHERE c.ancestor_id = ? AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)`
	validOn := func(col string) string {
		return " AND " + col + " >= ? AND " + col + " <= ? AND c.valid_from <= " + col + " AND (c.valid_to IS NULL OR c.valid_to >= " + col + ")"
	}
	// Registered: read from the filter index alone (it holds started_on).
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) `+subtree+validOn("p.started_on"),
		unitID, to, from, from, to).Scan(&out.Registered)
	if err != nil {
		return out, fmt.Errorf("practice: models registered in %s: %w", per, err)
	}
	// Recognized: only a model recognized once has a recognition day, and
	// it stays recognized, replicated or stopped; the status narrows the
	// rows read. Their ids, fields and sort keys are read in one pass,
	// counted, and the first by name kept.
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.field, p.sort_key `+subtree+`
		AND p.status IN ('recognized', 'replicated', 'stopped')`+validOn("p.recognized_on"),
		unitID, to, from, from, to)
	if err != nil {
		return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
	}
	type named struct {
		id  int64
		key []byte
	}
	var first []named
	for rows.Next() {
		var n named
		var f Field
		if err := rows.Scan(&n.id, &f, &n.key); err != nil {
			rows.Close()
			return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
		}
		out.Recognized++
		out.RecognizedByField[f]++
		if limit <= 0 {
			continue
		}
		// Insert in (sort key, id) order, keeping at most limit.
		i := sort.Search(len(first), func(i int) bool {
			if c := bytes.Compare(first[i].key, n.key); c != 0 {
				return c > 0
			}
			return first[i].id > n.id
		})
		if i < limit {
			first = slices.Insert(first, i, n)
			if len(first) > limit {
				first = first[:limit]
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
	}
	if len(first) == 0 {
		return out, nil
	}
	ids := make([]any, len(first))
	for i, n := range first {
		ids[i] = n.id
	}
	rows, err = s.db.QueryContext(ctx, "SELECT "+listCols+" FROM practices p WHERE p.id IN ("+db.Placeholders(len(ids))+")", ids...)
	if err != nil {
		return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
	}
	byID := make(map[int64]Practice, len(ids))
	for rows.Next() {
		m, err := scanPractice(rows)
		if err != nil {
			rows.Close()
			return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
		}
		byID[m.ID] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("practice: models recognized in %s: %w", per, err)
	}
	for _, n := range first {
		if m, ok := byID[n.id]; ok {
			out.Named = append(out.Named, m)
		}
	}
	ptrs := make([]*Practice, len(out.Named))
	for i := range out.Named {
		ptrs[i] = &out.Named[i]
	}
	return out, s.fillNames(ctx, ptrs)
}
