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
// proposals were sent, one waiting and one rejected. The proposals an
// approved emulation bloc sends for its flag are counted apart: one per
// approved bloc year, each still waiting.
func TestGenerateCommendations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var issuers, revoked, people, households, waiting, rejected, flags, flagsWaiting int
		if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(DISTINCT unit_id) FROM commendation_decisions),
			(SELECT COUNT(*) FROM commendation_decisions WHERE revoked_on IS NOT NULL),
			(SELECT COUNT(*) FROM commendation_recipients WHERE kind = 'person'),
			(SELECT COUNT(*) FROM commendation_recipients WHERE kind = 'household'),
			(SELECT COUNT(*) FROM commendation_proposals WHERE status = 'submitted'
				AND id NOT IN (SELECT flag_proposal_id FROM emulation_bloc_years WHERE flag_proposal_id IS NOT NULL)),
			(SELECT COUNT(*) FROM commendation_proposals WHERE status = 'rejected'),
			(SELECT COUNT(*) FROM emulation_bloc_years WHERE flag_proposal_id IS NOT NULL),
			(SELECT COUNT(*) FROM commendation_proposals p JOIN emulation_bloc_years y ON y.flag_proposal_id = p.id
				WHERE p.status = 'submitted' AND p.form = 'co_thi_dua')`).Scan(&issuers, &revoked, &people, &households, &waiting, &rejected, &flags, &flagsWaiting); err != nil {
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
		if flags == 0 || flagsWaiting != flags {
			t.Errorf("bloc flag proposals %d, of them waiting as Cờ thi đua %d", flags, flagsWaiting)
		}
	})
}
