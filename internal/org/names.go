package org

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/db"
)

// The one way every package finds what a unit was called on a day: in Go
// for a handful of units (Names), or inside a query (NameSQL). A day
// outside the unit's life takes the nearest name: the last one before the
// day, else the first one.

// UnitAt is a unit on a day.
type UnitAt struct {
	ID  int64
	Day time.Time
}

// Names returns the name of each unit on its day, keyed by the unit and
// the day as given (with the day truncated to its date). Unknown units
// are left out.
func (s *Store) Names(ctx context.Context, refs []UnitAt) (map[UnitAt]string, error) {
	out := make(map[UnitAt]string, len(refs))
	if len(refs) == 0 {
		return out, nil
	}
	type version struct {
		from string
		name string
	}
	versions := map[int64][]version{}
	var ids []int64
	for _, r := range refs {
		if _, ok := versions[r.ID]; !ok && r.ID != 0 {
			versions[r.ID] = nil
			ids = append(ids, r.ID)
		}
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT unit_id, valid_from, name FROM unit_versions
			WHERE unit_id IN (`+db.Placeholders(len(chunk))+`) ORDER BY unit_id, valid_from`, args...)
		if err != nil {
			return nil, fmt.Errorf("org: names: %w", err)
		}
		for rows.Next() {
			var id int64
			var v version
			if err := rows.Scan(&id, &v.from, &v.name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("org: names: %w", err)
			}
			versions[id] = append(versions[id], v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("org: names: %w", err)
		}
	}
	for _, r := range refs {
		vs := versions[r.ID]
		if len(vs) == 0 {
			continue
		}
		d := db.Day(r.Day)
		name := vs[0].name
		for _, v := range vs {
			if v.from <= d {
				name = v.name
			}
		}
		out[UnitAt{ID: r.ID, Day: db.DayOf(r.Day)}] = name
	}
	return out, nil
}

// NamesOn returns the names of units on one day, by unit id.
func (s *Store) NamesOn(ctx context.Context, ids []int64, day time.Time) (map[int64]string, error) {
	refs := make([]UnitAt, len(ids))
	for i, id := range ids {
		refs[i] = UnitAt{ID: id, Day: day}
	}
	named, err := s.Names(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(named))
	for r, n := range named {
		out[r.ID] = n
	}
	return out, nil
}

// NameSQL is an SQL expression for the name of the unit whose id is in
// column unitCol on the day in the expression dayExpr (a stored
// 'YYYY-MM-DD' column or a placeholder), for list queries that show or
// sort by the name; "" for an unknown unit.
func NameSQL(unitCol, dayExpr string) string {
	return `COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = ` + unitCol + ` AND v.valid_from <= ` + dayExpr +
		` ORDER BY v.valid_from DESC LIMIT 1), (SELECT v.name FROM unit_versions v WHERE v.unit_id = ` + unitCol +
		` ORDER BY v.valid_from LIMIT 1), '')`
}
