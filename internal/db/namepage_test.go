package db_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestPageByName: pages in Vietnamese order (not the bytes' order, which
// puts Đ and accented letters last), equal names in the query's order,
// the total whatever the page, and an offset past the end empty.
func TestPageByName(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		for _, c := range []string{"Đồng Đăng", "Ấp 10", "Dân vận", "Ấp 2", "An Bình", "Bắc Sơn", "ấp 2x"} {
			if _, err := d.ExecContext(ctx, "INSERT INTO parent (code) VALUES (?)", c); err != nil {
				t.Fatal(err)
			}
		}
		q := "SELECT id, code FROM parent WHERE code <> ? ORDER BY id"
		var got []int64
		for off := 0; off < 8; off += 3 {
			ids, total, err := db.PageByName(ctx, d, q, []any{"Bắc Sơn"}, off, 3)
			if err != nil || total != 6 {
				t.Fatalf("offset %d: %d %v", off, total, err)
			}
			got = append(got, ids...)
		}
		// An Bình (5), Ấp 2 (4), ấp 2x (7), Ấp 10 (2), Dân vận (3), Đồng Đăng (1)
		if want := []int64{5, 4, 7, 2, 3, 1}; !slices.Equal(got, want) {
			t.Errorf("pages: %v, want %v", got, want)
		}
		if ids, total, err := db.PageByName(ctx, d, q, []any{""}, 100, 3); err != nil || total != 7 || len(ids) != 0 {
			t.Errorf("past the end: %v %d %v", ids, total, err)
		}
	})
}
