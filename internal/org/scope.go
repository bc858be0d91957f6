package org

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/danvan/danvan/internal/db"
)

// ScopeUnits returns the ids of every unit that a grant on roots covers,
// by the same rule as auth's permission checks: each root and every unit
// below it in today's tree; every closed unit that passed (by merge or
// split, through any number of steps) into one of those; and every unit
// closed without successors whose parent on its last day is covered. Figures and
// records filed under the old tree thus stay visible to whoever holds
// today's units, while a unit that still lives but has moved elsewhere
// does not. The result has no duplicates, in no particular order; the
// caller owns it.
//
// The answer depends on today's date and the hierarchy alone, so a Store
// keeps it for the same roots until either changes: a change committed
// by any server raises the version TopicTree (Store.Update), which every
// call compares against (one read of data_versions, shared by the request
// when its context comes from db.WithVersions). A Store over a DB inside
// a transaction keeps nothing, since that transaction may yet roll back.
func (s *Store) ScopeUnits(ctx context.Context, roots []int64) ([]int64, error) {
	if len(roots) == 0 {
		return nil, nil
	}
	today := db.Day(s.db.Now())
	if s.db.InTx() {
		return s.scopeUnits(ctx, today, roots)
	}
	// The version is read before the tree, so that a change committed in
	// between files the answer under the older version, never the newer.
	v, err := s.db.Versions(ctx)
	if err != nil {
		return nil, fmt.Errorf("org: scope units: %w", err)
	}
	version := v[TopicTree]
	key := scopeKey{day: today, roots: rootsKey(roots)}
	if ids, ok := s.scope.Get(key, version); ok {
		return slices.Clone(ids), nil
	}
	ids, err := s.scopeUnits(ctx, today, roots)
	if err != nil {
		return nil, err
	}
	s.scope.Put(key, version, ids)
	return slices.Clone(ids), nil
}

// maxScopes bounds the answers a Store keeps: one per distinct set of
// roots and day (in practice one per unit that holds grants).
const maxScopes = 4096

// scopeKey is what a kept ScopeUnits answer is for; it is kept with the
// version of the hierarchy it was computed from (db.Kept).
type scopeKey struct{ day, roots string }

// rootsKey names a set of roots: their ids sorted, without repeats.
func rootsKey(roots []int64) string {
	rs := slices.Clone(roots)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	b := make([]byte, 0, len(rs)*8)
	for i, id := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}

// scopeUnits computes ScopeUnits from the database for the day today.
func (s *Store) scopeUnits(ctx context.Context, today string, roots []int64) ([]int64, error) {
	args := []any{today, today}
	for _, id := range roots {
		args = append(args, id)
	}
	living, err := s.idList(ctx, `SELECT DISTINCT descendant_id FROM unit_closure
		WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) AND ancestor_id IN`, args, len(roots))
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(living))
	out := make([]int64, 0, len(living))
	for _, id := range living {
		seen[id] = true
		out = append(out, id)
	}
	// Walk to the closed units: those that passed by successor links into
	// covered units, and those closed without successors whose parent on
	// their last day is covered (a district abolished in 2025 stays with
	// its province).
	frontier := living
	for len(frontier) > 0 {
		args := []any{today}
		for _, id := range frontier {
			args = append(args, id)
		}
		preds, err := s.idList(ctx, `SELECT DISTINCT l.predecessor_id FROM unit_links l
			JOIN units u ON u.id = l.predecessor_id
			WHERE u.valid_to IS NOT NULL AND u.valid_to < ? AND l.successor_id IN`, args, len(frontier))
		if err != nil {
			return nil, err
		}
		// Driven from the versions under the frontier (the parent index),
		// not from every closed unit.
		orphans, err := s.idList(ctx, `SELECT DISTINCT v.unit_id FROM unit_versions v
			WHERE v.valid_to IS NOT NULL
			AND EXISTS (SELECT 1 FROM units u WHERE u.id = v.unit_id AND u.valid_to = v.valid_to AND u.valid_to < ?)
			AND NOT EXISTS (SELECT 1 FROM unit_links l WHERE l.predecessor_id = v.unit_id)
			AND v.parent_id IN`, args, len(frontier))
		if err != nil {
			return nil, err
		}
		frontier = frontier[:0:0]
		for _, id := range append(preds, orphans...) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
				frontier = append(frontier, id)
			}
		}
	}
	return out, nil
}

// idList runs "query (?, ?, …)" where the last n of args are ids, in
// batches that stay within both engines' limits on bound parameters;
// the args before them are repeated with every batch.
func (s *Store) idList(ctx context.Context, query string, args []any, n int) ([]int64, error) {
	const batch = 5000
	fixed, ids := args[:len(args)-n], args[len(args)-n:]
	var out []int64
	for start := 0; start < len(ids); start += batch {
		part := ids[start:min(start+batch, len(ids))]
		a := append(append([]any{}, fixed...), part...)
		rows, err := s.db.QueryContext(ctx, query+" ("+db.Placeholders(len(part))+")", a...)
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
