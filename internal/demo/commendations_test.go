package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// TestGenerateCommendations: every province board of the small demo has
// a register with people of its directory, communes, a mediation team and
// a household among the recipients; one decision is revoked and two
// proposals were sent, one waiting and one rejected.
func TestGenerateCommendations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var issuers, revoked, people, households, waiting, rejected int
		if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(DISTINCT unit_id) FROM commendation_decisions),
			(SELECT COUNT(*) FROM commendation_decisions WHERE revoked_on IS NOT NULL),
			(SELECT COUNT(*) FROM commendation_recipients WHERE kind = 'person'),
			(SELECT COUNT(*) FROM commendation_recipients WHERE kind = 'household'),
			(SELECT COUNT(*) FROM commendation_proposals WHERE status = 'submitted'),
			(SELECT COUNT(*) FROM commendation_proposals WHERE status = 'rejected')`).Scan(&issuers, &revoked, &people, &households, &waiting, &rejected); err != nil {
			t.Fatal(err)
		}
		var provinces int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL`).Scan(&provinces); err != nil {
			t.Fatal(err)
		}
		if issuers != provinces || revoked != 1 || people == 0 || households != provinces || waiting != 1 || rejected != 1 {
			t.Errorf("issuers %d of %d provinces, revoked %d, people %d, households %d, proposals waiting %d, rejected %d",
				issuers, provinces, revoked, people, households, waiting, rejected)
		}
	})
}
