package practice_test

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
)

// TestDemoPracticesSmall generates the small demo's models on both
// databases and checks their spread and the consistency of the
// replication counts with the families.
func TestDemoPracticesSmall(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		d.SetClock(func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) })
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		if err := demo.GeneratePractices(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, rand.New(rand.NewSource(1))); err != nil {
			t.Fatal(err)
		}
		units := org.NewStore(d)
		s := practice.NewStore(d, units, auth.NewStore(d, units, auth.Config{}), nil)
		roots, err := units.Tree(ctx, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
		if err != nil || len(roots) == 0 {
			t.Fatalf("demo tree: %v", err)
		}
		c, err := s.Counts(ctx, reader(roots[0].ID), practice.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, st := range practice.Statuses {
			total += c.ByStatus[st]
			if c.ByStatus[st] == 0 {
				t.Errorf("no demo model is %s", st)
			}
		}
		for _, f := range practice.Fields {
			if c.ByField[f] == 0 {
				t.Errorf("no demo model in field %s", f)
			}
		}
		if total < demo.SmallPractices {
			t.Errorf("%d demo models, want at least %d", total, demo.SmallPractices)
		}
		// Every replication count equals the live family members below.
		var bad int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM practices p WHERE p.replications <>
			(SELECT COUNT(*) FROM practices c WHERE c.root_id = p.root_id AND c.id <> p.id AND c.status <> 'stopped'
			 AND c.lineage LIKE p.lineage || '%')`).Scan(&bad); err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Errorf("%d models have a wrong replication count", bad)
		}
		// New rows after the demo get fresh ids (the sequence moved on).
		if _, err := d.ExecContext(ctx, `INSERT INTO practices (unit_id, name, name_fold, search_fold, sort_key, field, owner_type,
			owner_name, started_on, status, root_id, lineage, created_at, updated_at)
			SELECT unit_id, 'x', 'x', 'x', sort_key, field, owner_type, owner_name, started_on, 'registered', 0, '', created_at, updated_at
			FROM practices WHERE id = (SELECT MIN(id) FROM practices)`); err != nil {
			t.Errorf("insert after the demo: %v", err)
		}
	})
}

// national is the national demo with its 300,000 models in a temporary
// SQLite file, generated once per test process.
var national struct {
	once sync.Once
	err  error
	dir  string
	d    *db.DB
}

func nationalDemo(b *testing.B) *db.DB {
	b.Helper()
	national.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "danvan-practice-bench-")
		if err != nil {
			national.err = err
			return
		}
		national.dir = dir
		d, err := db.Open(ctx, "sqlite:"+filepath.Join(dir, "national.db"))
		if err != nil {
			national.err = err
			return
		}
		if _, err := d.Migrate(ctx); err != nil {
			national.err = err
			return
		}
		start := time.Now()
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
			national.err = err
			return
		}
		units := time.Since(start)
		start = time.Now()
		if err := demo.GeneratePractices(ctx, d, demo.Options{Scale: demo.National, Seed: 1}, rand.New(rand.NewSource(1))); err != nil {
			national.err = err
			return
		}
		if _, err := d.ExecContext(ctx, "ANALYZE"); err != nil {
			national.err = err
			return
		}
		b.Logf("national demo: units in %s, %d models in %s", units.Round(time.Millisecond), demo.NationalPractices, time.Since(start).Round(time.Millisecond))
		national.d = d
	})
	if national.err != nil {
		b.Skipf("national demo could not be generated: %v", national.err)
	}
	return national.d
}

// reader is an active account with a leader's grant on unit, as the
// store's scope checks need one.
func reader(unit int64) *auth.Principal {
	return &auth.Principal{User: auth.User{ID: 1, Login: "bench", Active: true},
		Grants: []auth.Grant{{UserID: 1, UnitID: unit, Role: auth.RoleLeader}}}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if national.d != nil {
		national.d.Close()
	}
	if national.dir != "" {
		os.RemoveAll(national.dir)
	}
	os.Exit(code)
}

// BenchmarkListProvinceNational lists and counts one page of a merged
// province's models (its subtree, old units included) at national scale
// with a field filter and a search term, as the list page does: List then
// Counts. Target: under 50 ms per op on SQLite.
func BenchmarkListProvinceNational(b *testing.B) {
	d := nationalDemo(b)
	ctx := context.Background()
	units := org.NewStore(d)
	s := practice.NewStore(d, units, auth.NewStore(d, units, auth.Config{}), nil)
	prov, err := units.GetByCode(ctx, "T19", time.Now()) // Thái Nguyên, with Bắc Kạn merged in
	if err != nil {
		b.Fatal(err)
	}
	ids, err := units.ScopeUnits(ctx, []int64{prov.ID})
	if err != nil {
		b.Fatal(err)
	}
	// A leader of the province: the list covers its subtree, past units
	// included, as the list page's does.
	p := reader(prov.ID)
	for _, c := range []struct {
		name string
		f    practice.Filter
	}{
		{"field+search", practice.Filter{Field: practice.DefenceSecurity, Search: "an ninh"}},
		{"search-only", practice.Filter{Search: "dan van"}},
		{"status+page10", practice.Filter{Statuses: []practice.Status{practice.Recognized, practice.Replicated}, Offset: 225}},
	} {
		b.Run(c.name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				rows, n, err := s.List(ctx, p, c.f)
				if err != nil {
					b.Fatal(err)
				}
				cs, err := s.Counts(ctx, p, c.f)
				if err != nil {
					b.Fatal(err)
				}
				if cs.Total != n || (n > c.f.Offset && len(rows) == 0) {
					b.Fatalf("counts %d, list %d (%d rows)", cs.Total, n, len(rows))
				}
				total = n
			}
			b.ReportMetric(float64(total), "matches")
			b.ReportMetric(float64(len(ids)), "units")
		})
	}
}
