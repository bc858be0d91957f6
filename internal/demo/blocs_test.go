package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// TestGenerateBlocs: the small demo holds a cluster per province board
// (up to two) with last year approved, its flag given and proposed to
// the province as a commendation proposal for the flag, and as many
// steering committees, each with its head retired and its deputy
// promoted (two ended terms).
func TestGenerateBlocs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var blocs, approved, proposed, committees, ended int
		if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM emulation_blocs),
			(SELECT COUNT(*) FROM emulation_bloc_years WHERE status = 'approved' AND flag_unit_id IS NOT NULL),
			(SELECT COUNT(*) FROM emulation_bloc_years y JOIN emulation_blocs b ON b.id = y.bloc_id
				JOIN commendation_proposals p ON p.id = y.flag_proposal_id
				WHERE p.form = 'co_thi_dua' AND p.unit_id = y.flag_unit_id AND p.to_unit_id = b.unit_id),
			(SELECT COUNT(*) FROM committees), (SELECT COUNT(*) FROM committee_members WHERE until_on IS NOT NULL)`).Scan(&blocs, &approved, &proposed, &committees, &ended); err != nil {
			t.Fatal(err)
		}
		if blocs == 0 || approved != blocs || proposed != blocs || committees != blocs || ended != 2*committees {
			t.Errorf("blocs %d, approved %d, flag proposals %d, committees %d, ended terms %d", blocs, approved, proposed, committees, ended)
		}
	})
}
