package db_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestReserveIDs: ids reserved are new, increasing and the ones rows
// inserted after them do not take; rows written with them keep them.
func TestReserveIDs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			first, err := tx.InsertID(ctx, `INSERT INTO units (code, level, kind, valid_from, created_at) VALUES ('R0', 'province', 'board', '2015-01-01', '2015-01-01T00:00:00Z')`)
			if err != nil {
				return err
			}
			ids, err := tx.ReserveIDs(ctx, "units", 3)
			if err != nil {
				return err
			}
			if len(ids) != 3 || !slices.IsSorted(ids) || ids[0] <= first || slices.Compact(slices.Clone(ids))[2] != ids[2] {
				t.Fatalf("reserved %v after %d", ids, first)
			}
			if none, err := tx.ReserveIDs(ctx, "units", 0); err != nil || len(none) != 0 {
				t.Fatalf("none reserved: %v, %v", none, err)
			}
			var rows [][]any
			for i, id := range ids {
				rows = append(rows, []any{id, "R" + string(rune('1'+i)), "province", "board", "2015-01-01", "2015-01-01T00:00:00Z"})
			}
			if _, err := tx.CopyFrom(ctx, "units", []string{"id", "code", "level", "kind", "valid_from", "created_at"}, rows); err != nil {
				return err
			}
			next, err := tx.InsertID(ctx, `INSERT INTO units (code, level, kind, valid_from, created_at) VALUES ('R9', 'province', 'board', '2015-01-01', '2015-01-01T00:00:00Z')`)
			if err != nil {
				return err
			}
			if next <= ids[2] {
				t.Errorf("a row inserted after took id %d, reserved %v", next, ids)
			}
			var got []int64
			r, err := tx.QueryContext(ctx, "SELECT id FROM units ORDER BY id")
			if err != nil {
				return err
			}
			defer r.Close()
			for r.Next() {
				var id int64
				if err := r.Scan(&id); err != nil {
					return err
				}
				got = append(got, id)
			}
			if want := append(append([]int64{first}, ids...), next); !slices.Equal(got, want) {
				t.Errorf("ids %v, want %v", got, want)
			}
			return r.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
