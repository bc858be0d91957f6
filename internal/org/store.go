package org

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and changes the unit hierarchy. It is safe for concurrent
// use.
type Store struct {
	db    *db.DB
	cache cache                             // today's tree
	scope db.Kept[scopeKey, int64, []int64] // ScopeUnits answers
}

// NewStore returns a Store over d (migrated).
func NewStore(d *db.DB) *Store {
	return &Store{db: d, scope: db.Kept[scopeKey, int64, []int64]{Max: maxScopes}}
}

// Writer makes changes inside one transaction; get one from Store.Update.
// Each change is checked and audited as by the Store method of the same
// name.
type Writer struct {
	tx *db.Tx
}

// Tx is the transaction the writer works in, so that other packages can
// add their own writes to it.
func (w *Writer) Tx() *db.Tx { return w.tx }

// Update runs fn in one transaction: every change fn makes through w is
// committed together when fn returns nil, and none is when fn returns an
// error (or a change is refused). Bulk loaders such as the demo generator
// use it to make thousands of changes in one transaction. It raises the
// version TopicTree in the same transaction, so that every server's kept
// tree (and whatever else was computed from the hierarchy) is read again.
func (s *Store) Update(ctx context.Context, fn func(w *Writer) error) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := lockTree(ctx, tx); err != nil {
			return err
		}
		if err := tx.Bump(ctx, TopicTree); err != nil {
			return err
		}
		return fn(&Writer{tx: tx})
	})
}

// lockTree serializes writers to the hierarchy, so that two concurrent
// moves cannot build a cycle that neither would alone.
func lockTree(ctx context.Context, tx *db.Tx) error {
	if err := tx.Lock(ctx, "org.tree"); err != nil {
		return fmt.Errorf("org: lock hierarchy: %w", err)
	}
	return nil
}

// Create adds a unit, valid from nu.ValidFrom, under nu.ParentID.
func (s *Store) Create(ctx context.Context, nu NewUnit) (u Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		u, err = w.Create(ctx, nu)
		return err
	})
	return u, err
}

// Rename gives a unit a new name (and short name) from date on; the old
// name stays in its history.
func (s *Store) Rename(ctx context.Context, id int64, date time.Time, name, shortName string) (u Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		u, err = w.Rename(ctx, id, date, name, shortName)
		return err
	})
	return u, err
}

// Move places a unit, with its whole subtree, under newParentID from date
// on.
func (s *Store) Move(ctx context.Context, id, newParentID int64, date time.Time) (u Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		u, err = w.Move(ctx, id, newParentID, date)
		return err
	})
	return u, err
}

// Merge merges the units ids into one target on date: the merged units end
// the day before, their children move under the target, and each is linked
// to the target with share 1. All must be of one level. It returns the
// target.
func (s *Store) Merge(ctx context.Context, ids []int64, into MergeTarget, date time.Time) (u Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		u, err = w.Merge(ctx, ids, into, date)
		return err
	})
	return u, err
}

// Split splits unit id into parts on date: the unit ends the day before
// and is linked to each part with its share; the shares sum to 1. The unit
// must have no children left (move them first). It returns the parts.
func (s *Store) Split(ctx context.Context, id int64, parts []SplitPart, date time.Time) (us []Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		us, err = w.Split(ctx, id, parts, date)
		return err
	})
	return us, err
}

// Close ends a unit: date is the first day it no longer exists. It must
// have no children left.
func (s *Store) Close(ctx context.Context, id int64, date time.Time) (u Unit, err error) {
	err = s.Update(ctx, func(w *Writer) error {
		u, err = w.Close(ctx, id, date)
		return err
	})
	return u, err
}

// RebuildSortKeys recomputes every stored collation key; run it after the
// collation in vntext changes. It returns how many versions it rewrote.
func (s *Store) RebuildSortKeys(ctx context.Context) (int, error) {
	n := 0
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tx.Bump(ctx, TopicTree); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT id, name, short_name FROM unit_versions")
		if err != nil {
			return err
		}
		type rec struct {
			id          int64
			name, short string
		}
		var rs []rec
		for rows.Next() {
			var r rec
			if err := rows.Scan(&r.id, &r.name, &r.short); err != nil {
				rows.Close()
				return err
			}
			rs = append(rs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range rs {
			if _, err := tx.ExecContext(ctx, "UPDATE unit_versions SET sort_key = ?, name_fold = ?, short_fold = ? WHERE id = ?",
				db.SortKey(r.name), vntext.Fold(r.name), vntext.Fold(r.short), r.id); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("org: rebuild sort keys: %w", err)
	}
	return n, nil
}

func normalize(s string) string { return vntext.Normalize(s) }
