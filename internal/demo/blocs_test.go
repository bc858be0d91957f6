package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// TestGenerateBlocs: the small demo holds a cluster per province board
// (up to two) with last year approved and its flag given, and as many
// steering committees, each with its head retired and its deputy
// promoted (two ended terms).
func TestGenerateBlocs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var blocs, approved, committees, ended int
		if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM emulation_blocs),
			(SELECT COUNT(*) FROM emulation_bloc_years WHERE status = 'approved' AND flag_unit_id IS NOT NULL),
			(SELECT COUNT(*) FROM committees), (SELECT COUNT(*) FROM committee_members WHERE until_on IS NOT NULL)`).Scan(&blocs, &approved, &committees, &ended); err != nil {
			t.Fatal(err)
		}
		if blocs == 0 || approved != blocs || committees != blocs || ended != 2*committees {
			t.Errorf("blocs %d, approved %d, committees %d, ended terms %d", blocs, approved, committees, ended)
		}
	})
}
