package org

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Former is a unit found by a name it no longer bears on the day asked:
// a commune merged in 2025, a district closed, a board renamed. Unit is
// the unit as it stood on the last day of that name; Now holds what it
// became on the day asked (itself under its new name when it was only
// renamed), largest share first, and is empty when it ended without a
// successor.
type Former struct {
	Unit Unit
	Now  []Mapped
}

// maxFormer bounds the former names one search returns: each costs a walk
// of successor links.
const maxFormer = 20

// SearchFormer finds units by an earlier name: versions whose folded name
// or short name contains query and that ended before date, for units that
// do not bear a matching name on date (SearchByName finds those). A
// citizen who types "Phùng Chí Kiên" after the 2025 merge learns which
// commune took the ward over. limit <= 0 or above 20 means 20.
func (s *Store) SearchFormer(ctx context.Context, query string, date time.Time, limit int) ([]Former, error) {
	q := vntext.Fold(query)
	if q == "" {
		return nil, apperr.Invalid("q", "org.err.search_empty")
	}
	if limit <= 0 || limit > maxFormer {
		limit = maxFormer
	}
	d := db.Day(date)
	like := "%" + db.EscapeLike(q) + "%"
	// The latest matching version of each unit, ended before d, of a unit
	// that has no matching version holding on d; newest first.
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE v.valid_to IS NOT NULL AND v.valid_to < ? AND u.valid_from <= ?
		  AND (v.name_fold LIKE ? ESCAPE '\' OR v.short_fold LIKE ? ESCAPE '\')
		  AND NOT EXISTS (SELECT 1 FROM unit_versions w WHERE w.unit_id = v.unit_id
		      AND w.valid_from > v.valid_from AND w.valid_to IS NOT NULL AND w.valid_to < ?
		      AND (w.name_fold LIKE ? ESCAPE '\' OR w.short_fold LIKE ? ESCAPE '\'))
		  AND NOT EXISTS (SELECT 1 FROM unit_versions w WHERE w.unit_id = v.unit_id
		      AND w.valid_from <= ? AND (w.valid_to IS NULL OR w.valid_to >= ?)
		      AND (w.name_fold LIKE ? ESCAPE '\' OR w.short_fold LIKE ? ESCAPE '\'))
		ORDER BY v.valid_to DESC, v.sort_key, u.id
		LIMIT ?`, d, d, like, like, d, like, like, d, d, like, like, limit)
	if err != nil {
		return nil, fmt.Errorf("org: search former names: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: search former names: %w", err)
	}
	out := make([]Former, 0, len(us))
	for _, u := range us {
		now, err := s.MapToToday(ctx, u.ID, date)
		if err != nil {
			return nil, fmt.Errorf("org: search former names: %w", err)
		}
		out = append(out, Former{Unit: u, Now: now})
	}
	return out, nil
}
