package db

import (
	"context"
	"fmt"

	"github.com/danvan/danvan/internal/vntext"
)

// MaxNamePage bounds the rows PageByName sorts.
const MaxNamePage = 50000

// PageByName runs query, which selects (id, name) rows, sorts them in
// Vietnamese name order (vntext.Compare; equal names by the query's
// order) and returns the ids of the rows from offset, at most limit of
// them (0 or less means 50; at most 500), and how many rows there are
// in all. It suits lists that must be
// paged in the Vietnamese order but keep no collation key: the names
// are read, the details only of the page. query must end in an ORDER BY
// that makes it deterministic; it is read to MaxNamePage rows at most.
func PageByName(ctx context.Context, q Querier, query string, args []any, offset, limit int) ([]int64, int, error) {
	type named struct {
		id   int64
		name string
	}
	rows, err := q.QueryContext(ctx, query+fmt.Sprintf(" LIMIT %d", MaxNamePage), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var all []named
	for rows.Next() {
		var n named
		if err := rows.Scan(&n.id, &n.name); err != nil {
			return nil, 0, err
		}
		all = append(all, n)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	vntext.SortBy(all, func(n named) string { return n.name })
	if limit <= 0 {
		limit = 50
	}
	from := min(max(offset, 0), len(all))
	page := all[from:min(from+min(limit, 500), len(all))]
	ids := make([]int64, len(page))
	for i, n := range page {
		ids[i] = n.id
	}
	return ids, len(all), nil
}
