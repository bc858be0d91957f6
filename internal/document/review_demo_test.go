package document_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// TestReviewFiguresEqualDashboard drafts, on the small demo, the review
// reports of the country, a province (by its own officer) and a
// district, for a first and a second half (the demo reports by halves), and holds every figure to the
// dashboard's path (report.Dashboard, what the dashboard page shows):
// each key figure in the narrative and in the appendix, the count of
// approved reports, and every row of the appendix against the unit's
// roll-up of each period (report.Rollup, another query).
func TestReviewFiguresEqualDashboard(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		units, a := fixture.Stores(d)
		files, err := blob.Open(ctx, "mem://")
		if err != nil {
			t.Fatal(err)
		}
		store := document.NewStore(d, units, a, files, document.DefaultSettings())
		reports := report.NewStore(d, units, a)
		meetings := meeting.NewStore(d, units, a)
		gen := document.NewGenerator(store, document.Sources{Reports: reports, Meetings: meetings,
			Practices: practice.NewStore(d, units, a, files), Pledges: emulation.NewStore(d, units, a, meetings)})

		var country, province, district int64
		if err := d.QueryRowContext(ctx, `SELECT id FROM units WHERE level = 'central' AND kind = 'board' ORDER BY id LIMIT 1`).Scan(&country); err != nil {
			t.Fatal(err)
		}
		// The province and district with the most units below them in 2023.
		pick := func(level string) int64 {
			var id int64
			err := d.QueryRowContext(ctx, `SELECT c.ancestor_id FROM unit_closure c JOIN units u ON u.id = c.ancestor_id
				WHERE u.level = ? AND u.kind = 'board' AND c.valid_from <= '2023-01-01' AND (c.valid_to IS NULL OR c.valid_to >= '2023-12-31')
				GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC, c.ancestor_id LIMIT 1`, level).Scan(&id)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		province, district = pick("province"), pick("district")
		officer := fixture.Person(t, a, "officer.review", auth.RoleOfficer, province)

		checked := 0
		for _, c := range []struct {
			name string
			p    *auth.Principal
			unit int64
		}{{"country", auth.System(), country}, {"province", officer, province}, {"district", auth.System(), district}} {
			for _, code := range []string{"2023S1", "2024S2"} {
				per, err := vntext.ParsePeriod(code)
				if err != nil {
					t.Fatal(err)
				}
				before := report.YearBefore(per)
				what := fmt.Sprintf("%s %s", c.name, code)
				g, err := gen.Draft(ctx, c.p, document.Request{Kind: document.KindReview, UnitID: c.unit, Period: per})
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				today := time.Now()
				dash, err := reports.Dashboard(ctx, c.p, report.DashboardQuery{UnitID: c.unit, Period: per, Today: today})
				if err != nil {
					t.Fatal(err)
				}
				var narrative string
				rows := map[string][]string{}
				for _, p := range g.Parts {
					if p.Name == "figures" {
						narrative = p.Text
					}
					for _, bl := range p.Blocks {
						if tb, ok := bl.(document.Table); ok && p.Name == "appendix" {
							for _, r := range tb.Rows {
								if len(r) == 6 {
									rows[r[1]] = r
								}
							}
						}
					}
				}
				if len(rows) == 0 {
					t.Fatalf("%s: no appendix", what)
				}
				cell := func(ind report.Indicator, f report.Figure) string {
					if !f.Has {
						return "–"
					}
					return ind.Format(f.Value)
				}
				keys := 0
				for _, k := range dash.Keys {
					if !k.Now.Has {
						if strings.Contains(narrative, "- "+k.Indicator.Name+":") {
							t.Errorf("%s: the narrative gives %s, which the dashboard lacks", what, k.Indicator.Name)
						}
						continue
					}
					keys++
					r, ok := rows[k.Indicator.Name]
					if !ok || r[3] != cell(k.Indicator, k.Now) || r[4] != cell(k.Indicator, k.Before) {
						t.Errorf("%s: %s in the appendix %q, on the dashboard %s and %s", what, k.Indicator.Name, r,
							cell(k.Indicator, k.Now), cell(k.Indicator, k.Before))
					}
					if !strings.Contains(narrative, "- "+k.Indicator.Name+": "+k.Indicator.Format(k.Now.Value)) {
						t.Errorf("%s: the narrative lacks %s = %s:\n%s", what, k.Indicator.Name, k.Indicator.Format(k.Now.Value), narrative)
					}
				}
				if keys == 0 {
					t.Errorf("%s: no key figure to compare", what)
				}
				if n := len(dash.Progress); n > 0 {
					want := fmt.Sprintf("báo cáo đã được phê duyệt của %s/%s đơn vị", vntext.FormatInt(int64(dash.Counts[report.Approved])), vntext.FormatInt(int64(n)))
					if !strings.Contains(narrative, want) {
						t.Errorf("%s: the narrative lacks %q:\n%s", what, want, narrative)
					}
				}
				// Every appendix row against each period's own roll-up.
				inds, err := reports.Indicators(ctx)
				if err != nil {
					t.Fatal(err)
				}
				now, err := reports.Rollup(ctx, c.p, report.Query{UnitID: c.unit, Period: per, Today: today})
				if err != nil {
					t.Fatal(err)
				}
				prev, err := reports.Rollup(ctx, c.p, report.Query{UnitID: c.unit, Period: before, Today: today})
				if err != nil {
					t.Fatal(err)
				}
				listed := 0
				for _, ind := range inds {
					if !ind.ValidIn(per) || (!now[ind.ID].Has && !prev[ind.ID].Has) {
						continue
					}
					listed++
					r, ok := rows[ind.Name]
					if !ok || r[2] != ind.Measure || r[3] != cell(ind, now[ind.ID]) || r[4] != cell(ind, prev[ind.ID]) {
						t.Errorf("%s: %s in the appendix %q, rolled up %s and %s", what, ind.Name, r, cell(ind, now[ind.ID]), cell(ind, prev[ind.ID]))
					}
				}
				if listed != len(rows) {
					t.Errorf("%s: the appendix has %d rows, the roll-ups %d indicators", what, len(rows), listed)
				}
				checked += keys
			}
		}
		t.Logf("%d key figures equal the dashboard's", checked)
	})
}
