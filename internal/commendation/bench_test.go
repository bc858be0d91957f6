package commendation_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// BenchmarkRegisterProvinceNational lists a page of a merged province's
// commendation register (its subtree, old units included, as the page
// does) on the national demo with six decisions a year for 2016–2025 for
// every unit that ever was (about 17,000 units: over 100,000 decisions
// and 300,000 recipients). Target: under 50 ms per page on SQLite.
func BenchmarkRegisterProvinceNational(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	d, err := db.Open(ctx, "sqlite:"+filepath.Join(dir, "national.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var ids []int64
	rows, err := d.QueryContext(ctx, `SELECT DISTINCT unit_id FROM unit_versions ORDER BY unit_id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	start := time.Now()
	decisions := 0
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		var ds, rs [][]any
		n := 0
		for _, id := range ids {
			for y := 2016; y <= 2025; y++ {
				for k := range 6 {
					n++
					number := fmt.Sprintf("%d-QĐ/KT", n)
					search := number
					for j := range 3 {
						search += fmt.Sprintf("\nTổ hòa giải thôn %d\nHòa giải thành công %d vụ việc năm %d", j+1, 5+j, y)
					}
					ds = append(ds, []any{n, id, number, vntext.Fold(search), fmt.Sprintf("%04d-%02d-15", y, 1+k*2), "Nguyễn Văn A", "Trưởng ban", "giay_khen", "", fmt.Sprint(y), 1, "2026-01-01T00:00:00.000000000Z"})
					for j := range 3 {
						name := fmt.Sprintf("Tổ hòa giải thôn %d", j+1)
						ach := fmt.Sprintf("Hòa giải thành công %d vụ việc năm %d", 5+j, y)
						rs = append(rs, []any{n*3 + j, n, j, "collective", name, vntext.Fold(name), ach, vntext.Fold(ach)})
					}
				}
			}
		}
		decisions = n
		if _, err := tx.CopyFrom(ctx, "commendation_decisions", []string{"id", "unit_id", "number", "search_fold", "signed_on", "signer", "signer_title", "form", "title", "period", "version", "created_at"}, ds); err != nil {
			return err
		}
		_, err := tx.CopyFrom(ctx, "commendation_recipients", []string{"id", "decision_id", "position", "kind", "name", "name_fold", "achievement", "achievement_fold"}, rs)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d units, %d decisions loaded in %v", len(ids), decisions, time.Since(start))
	units := org.NewStore(d)
	s := commendation.NewStore(d, units, auth.NewStore(d, units, auth.Config{}))
	prov, err := units.GetByCode(ctx, "T19", time.Now())
	if err != nil {
		b.Fatal(err)
	}
	p := &auth.Principal{User: auth.User{ID: 1, Login: "bench", Active: true},
		Grants: []auth.Grant{{UserID: 1, UnitID: prov.ID, Role: auth.RoleLeader}}}
	for _, c := range []struct {
		name string
		f    commendation.Filter
	}{
		{"first-page", commendation.Filter{Limit: 25}},
		{"page-20", commendation.Filter{Limit: 25, Offset: 475}},
		{"year+form", commendation.Filter{Limit: 25, Year: 2023, Form: commendation.Certificate}},
		{"search", commendation.Filter{Limit: 25, Query: "hoa giai"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			total := 0
			cpu0 := cputime.Used()
			for b.Loop() {
				rows, n, err := s.List(ctx, p, c.f)
				if err != nil {
					b.Fatal(err)
				}
				if n > c.f.Offset && len(rows) == 0 {
					b.Fatalf("%d in all, no row", n)
				}
				total = n
			}
			cputime.Report(b, cpu0)
			b.ReportMetric(float64(total), "matches")
			b.Logf("load average %s", cputime.Load())
		})
	}
}
