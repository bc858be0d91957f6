package org_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
)

// national is the national demo in a temporary SQLite file, generated
// once per test process for every benchmark.
var national struct {
	once      sync.Once
	err       error
	dir       string
	d         *db.DB
	provinces []int64 // old provinces' boards
	communes  []int64 // old communes
}

var (
	oldProvinceCode = regexp.MustCompile(`^T\d\d$`)
	oldCommuneCode  = regexp.MustCompile(`^T\d\d-H\d\d-X\d\d$`)
)

func nationalDemo(b *testing.B) (*db.DB, []int64, []int64) {
	b.Helper()
	national.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "danvan-bench-")
		if err != nil {
			national.err = err
			return
		}
		national.dir = dir
		path := filepath.Join(dir, "national.db")
		d, err := db.Open(ctx, "sqlite:"+path)
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
		took := time.Since(start)
		if _, err := d.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			national.err = err
			return
		}
		var size int64
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
		b.Logf("national demo generated in %s; database file %.1f MB", took.Round(time.Millisecond), float64(size)/1e6)
		ids, err := org.NewStore(d).IDsByCode(ctx)
		if err != nil {
			national.err = err
			return
		}
		for code, id := range ids {
			switch {
			case oldProvinceCode.MatchString(code):
				national.provinces = append(national.provinces, id)
			case oldCommuneCode.MatchString(code):
				national.communes = append(national.communes, id)
			}
		}
		sort.Slice(national.provinces, func(i, j int) bool { return national.provinces[i] < national.provinces[j] })
		sort.Slice(national.communes, func(i, j int) bool { return national.communes[i] < national.communes[j] })
		national.d = d
	})
	if national.err != nil {
		b.Skipf("national demo could not be generated: %v", national.err)
	}
	return national.d, national.provinces, national.communes
}

// TestMain removes the national demo database after the benchmarks.
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

// BenchmarkSubtreeProvince reads the whole subtree (districts,
// organizations, communes) of each old province in turn, on a date in 2020.
func BenchmarkSubtreeProvince(b *testing.B) {
	d, provinces, _ := nationalDemo(b)
	s, ctx, date := org.NewStore(d), context.Background(), org.Date(2020, 6, 15)
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		us, err := s.Subtree(ctx, provinces[i%len(provinces)], date)
		if err != nil {
			b.Fatal(err)
		}
		n += len(us)
	}
	b.ReportMetric(float64(n)/float64(b.N), "units/op")
}

// BenchmarkAncestorsCommune reads the ancestors of each old commune in
// turn, on a date in 2020.
func BenchmarkAncestorsCommune(b *testing.B) {
	d, _, communes := nationalDemo(b)
	s, ctx, date := org.NewStore(d), context.Background(), org.Date(2020, 6, 15)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		us, err := s.Ancestors(ctx, communes[(i*7919)%len(communes)], date)
		if err != nil {
			b.Fatal(err)
		}
		if len(us) != 3 {
			b.Fatalf("%d ancestors, want 3", len(us))
		}
	}
}

// BenchmarkMapToToday2020Commune maps each old commune in turn onto the
// communes of 2026.
func BenchmarkMapToToday2020Commune(b *testing.B) {
	d, _, communes := nationalDemo(b)
	s, ctx, date := org.NewStore(d), context.Background(), org.Date(2026, 1, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := s.MapToToday(ctx, communes[(i*7919)%len(communes)], date)
		if err != nil {
			b.Fatal(err)
		}
		if len(m) == 0 {
			b.Fatal("mapped to nothing")
		}
	}
}

// BenchmarkScopeUnitsProvince computes the scope of a grant on one of
// today's provinces: its subtree today, the old units merged or split into
// it and the old units closed under it (lists filter on this every time).
func BenchmarkScopeUnitsProvince(b *testing.B) {
	d, _, _ := nationalDemo(b)
	s, ctx := org.NewStore(d), context.Background()
	rows, err := d.QueryContext(ctx, `SELECT u.id FROM units u WHERE u.level = 'province' AND u.kind = 'board' AND u.valid_to IS NULL ORDER BY u.id`)
	if err != nil {
		b.Fatal(err)
	}
	var today []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		today = append(today, id)
	}
	rows.Close()
	if len(today) == 0 {
		b.Skip("no province today")
	}
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ids, err := s.ScopeUnits(ctx, []int64{today[i%len(today)]})
		if err != nil {
			b.Fatal(err)
		}
		n += len(ids)
	}
	b.ReportMetric(float64(n)/float64(b.N), "units/op")
}
