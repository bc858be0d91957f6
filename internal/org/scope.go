package org

import (
	"context"
	"fmt"

	"github.com/danvan/danvan/internal/db"
)

// ScopeUnits returns the ids of every unit that a grant on roots covers,
// at any time: each root and every unit that was ever below it, and,
// following successor links backwards, every unit that merged or split
// into one of those, with everything that was ever below it. Figures and
// records filed under the old tree thus stay visible to whoever holds
// today's units. The result has no duplicates, in no particular order.
func (s *Store) ScopeUnits(ctx context.Context, roots []int64) ([]int64, error) {
	seen := map[int64]bool{}
	var out []int64
	frontier := roots
	for len(frontier) > 0 {
		// Everything ever below the frontier (the closure table has each
		// unit with itself at depth 0).
		desc, err := s.idList(ctx, "SELECT DISTINCT descendant_id FROM unit_closure WHERE ancestor_id IN", frontier)
		if err != nil {
			return nil, err
		}
		var fresh []int64
		for _, id := range append(desc, frontier...) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
				fresh = append(fresh, id)
			}
		}
		// Predecessors of anything new, not yet covered.
		preds, err := s.idList(ctx, "SELECT DISTINCT predecessor_id FROM unit_links WHERE successor_id IN", fresh)
		if err != nil {
			return nil, err
		}
		frontier = frontier[:0:0]
		for _, id := range preds {
			if !seen[id] {
				frontier = append(frontier, id)
			}
		}
	}
	return out, nil
}

// idList runs "prefix (?, ?, …)" over ids in batches that stay within
// both engines' limits on bound parameters.
func (s *Store) idList(ctx context.Context, prefix string, ids []int64) ([]int64, error) {
	const batch = 5000
	var out []int64
	for start := 0; start < len(ids); start += batch {
		part := ids[start:min(start+batch, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, prefix+" ("+db.Placeholders(len(part))+")", args...)
		if err != nil {
			return nil, fmt.Errorf("org: scope units: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("org: scope units: %w", err)
			}
			out = append(out, id)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("org: scope units: %w", err)
		}
	}
	return out, nil
}
