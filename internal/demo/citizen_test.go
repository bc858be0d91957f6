package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// TestGenerateCitizen: the small demo's province boards (at most three)
// hold a year of citizen cases — 50 petitions each, some resolved in time
// and some late, a few still open; 26 mediation cases; 8 dialogues held
// with their issues; 6 reception days; 4 sentiment notes — and the rules
// raised exactly the three warnings each province was given: many
// signatories, a petition far past its deadline, a dispute failed twice.
func TestGenerateCitizen(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var provinces int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(DISTINCT province_id) FROM citizen_petitions`).Scan(&provinces); err != nil {
			t.Fatal(err)
		}
		if provinces < 1 || provinces > 3 {
			t.Fatalf("citizen cases in %d provinces, want 1 to 3", provinces)
		}
		count := func(what, query string, want int) {
			t.Helper()
			var n int
			if err := d.QueryRowContext(ctx, query).Scan(&n); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if n != want {
				t.Errorf("%s: %d, want %d", what, n, want)
			}
		}
		atLeast := func(what, query string, least int) {
			t.Helper()
			var n int
			if err := d.QueryRowContext(ctx, query).Scan(&n); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if n < least {
				t.Errorf("%s: %d, want at least %d", what, n, least)
			}
		}
		count("petitions by mail, portal or phone", `SELECT COUNT(*) FROM citizen_petitions WHERE source <> 'reception'`, 50*provinces)
		atLeast("kinds of petition", `SELECT COUNT(DISTINCT kind) FROM citizen_petitions`, 4)
		atLeast("resolved within the deadline", `SELECT COUNT(*) FROM citizen_petitions WHERE resolved_on <> '' AND resolved_on <= resolve_due`, 10*provinces)
		atLeast("resolved after the deadline", `SELECT COUNT(*) FROM citizen_petitions WHERE resolved_on <> '' AND resolved_on > resolve_due`, 1)
		atLeast("still open", `SELECT COUNT(*) FROM citizen_petitions WHERE status IN ('received', 'accepted')`, provinces)
		count("mediation cases", `SELECT COUNT(*) FROM citizen_mediation_cases`, 26*provinces)
		count("dialogues held", `SELECT COUNT(*) FROM citizen_dialogues WHERE status = 'held'`, 8*provinces)
		count("dialogue issues", `SELECT COUNT(*) FROM citizen_dialogue_issues`, 24*provinces)
		count("reception days", `SELECT COUNT(*) FROM citizen_receptions`, 6*provinces)
		count("visitors", `SELECT COUNT(*) FROM citizen_reception_visits`, 12*provinces)
		count("sentiment notes", `SELECT COUNT(*) FROM citizen_sentiment_notes`, 4*provinces)
		count("open warnings", `SELECT COUNT(*) FROM citizen_hotspots WHERE status = 'open'`, 3*provinces)
		for _, rule := range []string{"crowd", "late", "mediation"} {
			count("warnings of rule "+rule, `SELECT COUNT(*) FROM citizen_hotspots WHERE rule = '`+rule+`'`, provinces)
		}
	})
}
