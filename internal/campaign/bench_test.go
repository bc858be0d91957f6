package campaign_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
)

// nationalDB opens the national demo (its units only) in a folder of
// the benchmark's own: generated there, or copied from the file named by
// DANVAN_CAMPAIGN_BENCH_UNITS (a database that `demo.Generate` at national
// scale wrote, kept between runs since it takes a while to build).
func nationalDB(b *testing.B) *db.DB {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "national.db")
	generate := true
	if src := os.Getenv("DANVAN_CAMPAIGN_BENCH_UNITS"); src != "" {
		in, err := os.Open(src)
		if err != nil {
			b.Fatal(err)
		}
		out, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			b.Fatal(err)
		}
		in.Close()
		if err := out.Close(); err != nil {
			b.Fatal(err)
		}
		generate = false
	}
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if generate {
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	return d
}

// BenchmarkRollupCountry rolls the "Vì người nghèo" fund up to the whole
// country on the national demo, where every unit that ever was (about
// 18.000) gave in every year it stood through 2016–2025, and today's
// units in the second half of 2025 and in 2026 (about 110.000
// contributions): as reported, mapped onto today's units across the
// 2025 merges and splits, and one year. Target: under 50 ms on SQLite.
func BenchmarkRollupCountry(b *testing.B) {
	ctx := context.Background()
	d := nationalDB(b)
	units := org.NewStore(d)
	root, err := units.GetByCode(ctx, demo.RootCode, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	s := campaign.NewStore(d, units, auth.NewStore(d, units, auth.Config{}))
	sys := auth.System()
	c, err := s.Create(ctx, sys, campaign.Campaign{UnitID: root.ID, Kind: campaign.Poor, Name: "Quỹ “Vì người nghèo”",
		StartsOn: org.Date(2016, 1, 1), CountsHouseholds: true})
	if err != nil {
		b.Fatal(err)
	}
	type span struct {
		id       int64
		from, to string
	}
	var spans []span
	rows, err := d.QueryContext(ctx, `SELECT unit_id, MIN(valid_from), MAX(COALESCE(valid_to, '9999-12-31')) FROM unit_versions GROUP BY unit_id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var s span
		if err := rows.Scan(&s.id, &s.from, &s.to); err != nil {
			b.Fatal(err)
		}
		spans = append(spans, s)
	}
	rows.Close()
	var ks [][]any
	// Ids after the demo's own contributions (a full national demo has
	// some).
	var base int64
	if err := d.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM campaign_contributions`).Scan(&base); err != nil {
		b.Fatal(err)
	}
	n := 0
	add := func(unit int64, code, start, end string, money int64) {
		n++
		ks = append(ks, []any{base + int64(n), c.ID, unit, code, start, end, money, money / 5, int64(n % 7), 1, "2026-01-01T00:00:00.000000000Z"})
	}
	for _, sp := range spans {
		for y := 2016; y <= 2025; y++ {
			start, end := fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)
			if y == 2025 {
				end = "2025-06-30"
			}
			if sp.from <= end && sp.to >= end {
				code := fmt.Sprint(y)
				if y == 2025 {
					code = "2025S1"
				}
				add(sp.id, code, start, end, int64(1_000_000*(1+n%50)))
			}
		}
		if sp.to == "9999-12-31" {
			add(sp.id, "2025S2", "2025-07-01", "2025-12-31", 3_000_000)
			add(sp.id, "2026", "2026-01-01", "2026-12-31", 5_000_000)
		}
	}
	var want float64
	for _, k := range ks {
		want += float64(k[6].(int64))
	}
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.CopyFrom(ctx, "campaign_contributions", []string{"id", "campaign_id", "unit_id", "period", "period_start", "period_end", "money", "in_kind", "households", "version", "created_at"}, ks)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d units, %d contributions", len(spans), len(ks))
	authz := auth.NewStore(d, units, auth.Config{})
	for _, q := range []struct {
		name string
		q    campaign.Query
	}{
		{"as-reported", campaign.Query{CampaignID: c.ID, UnitID: root.ID}},
		{"mapped", campaign.Query{CampaignID: c.ID, UnitID: root.ID, Mapped: true}},
		{"year-2020", campaign.Query{CampaignID: c.ID, UnitID: root.ID, Period: period(b, "2020")}},
	} {
		// cold: computed from the rows each time (a store of its own
		// per operation keeps nothing); kept: the store's roll-up, after
		// checking the versions it was computed from.
		for _, kept := range []bool{false, true} {
			name := q.name + "/cold"
			if kept {
				name = q.name + "/kept"
			}
			b.Run(name, func(b *testing.B) {
				var t campaign.Totals
				cpu0 := cputime.Used()
				for b.Loop() {
					st := s
					if !kept {
						st = campaign.NewStore(d, units, authz)
					}
					if t, err = st.Total(ctx, sys, q.q); err != nil {
						b.Fatal(err)
					}
				}
				if t.Money <= 0 {
					b.Fatalf("nothing rolled up: %+v", t)
				}
				if q.name == "as-reported" {
					b.Logf("as reported %.0f đồng, the contributions' sum %.0f", t.Money, want)
				}
				cputime.Report(b, cpu0)
				b.ReportMetric(t.Money/1e9, "tỉ-đồng")
			})
		}
	}
}
