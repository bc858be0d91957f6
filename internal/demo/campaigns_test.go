package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// TestGenerateCampaigns: every province board of the small demo runs a
// fund its communes gave to, and its register holds 114-KL/TW linked to
// the fund.
func TestGenerateCampaigns(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		if err := demo.GenerateCampaigns(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		var provinces, campaigns, contributors, directives, links int
		if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL),
			(SELECT COUNT(*) FROM campaigns), (SELECT COUNT(DISTINCT unit_id) FROM campaign_contributions),
			(SELECT COUNT(*) FROM directives WHERE number = '114-KL/TW'), (SELECT COUNT(*) FROM directive_links WHERE target_kind = 'campaign')`).
			Scan(&provinces, &campaigns, &contributors, &directives, &links); err != nil {
			t.Fatal(err)
		}
		if campaigns != provinces || contributors < provinces*2 || directives != provinces || links != provinces {
			t.Errorf("%d provinces: %d campaigns, %d units gave, %d directives, %d links", provinces, campaigns, contributors, directives, links)
		}
	})
}
