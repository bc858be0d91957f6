package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// nationalDB is the national demo with its reports, generated once per
// test process and database kind for every benchmark.
type nationalDB struct {
	once     sync.Once
	err      error
	dir      string
	d        *db.DB
	root     int64
	province int64 // the largest province of today
	// unmerged is the largest of today's provinces that took in no other
	// province in the 2025 reform (its 2020 units are all its own).
	unmerged int64
	// provinces are today's provinces (boards).
	provinces []int64
	store     *report.Store
	admin     *auth.Principal // the system, which reads everything
}

var nationals = map[string]*nationalDB{"sqlite": {}, "postgres": {}}

func national(b testing.TB, kind string) *nationalDB {
	b.Helper()
	n := nationals[kind]
	n.once.Do(func() {
		ctx := context.Background()
		url := os.Getenv(dbtest.EnvPostgres)
		reuse := false
		if kind == "sqlite" {
			// DANVAN_REPORT_BENCH_DIR keeps the generated database between
			// runs (a folder of your choice; it is reused when present).
			dir := os.Getenv("DANVAN_REPORT_BENCH_DIR")
			if dir == "" {
				tmp, err := os.MkdirTemp("", "danvan-report-bench-")
				if err != nil {
					n.err = err
					return
				}
				n.dir, dir = tmp, tmp
			}
			path := filepath.Join(dir, "national.db")
			_, err := os.Stat(path)
			reuse = err == nil
			url = "sqlite:" + path
		} else if own := os.Getenv("DANVAN_REPORT_BENCH_POSTGRES"); own != "" {
			// A database of your choice, reused when it holds reports.
			url = own
		} else if url == "" {
			n.err = fmt.Errorf("%s is not set", dbtest.EnvPostgres)
			return
		} else {
			// A schema of its own, kept for the next run (the national
			// demo takes minutes to generate): drop report_bench to
			// generate it again.
			d, err := db.Open(ctx, url)
			if err != nil {
				n.err = err
				return
			}
			_, err = d.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS report_bench")
			d.Close()
			if err != nil {
				n.err = err
				return
			}
			url += "&search_path=report_bench"
		}
		d, err := db.Open(ctx, url)
		if err != nil {
			n.err = err
			return
		}
		n.d = d
		if _, err := d.Migrate(ctx); err != nil {
			n.err = err
			return
		}
		if kind == "postgres" {
			var reports int
			if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM reports").Scan(&reports); err != nil {
				n.err = err
				return
			}
			reuse = reports > 0
		}
		if !reuse {
			if n.err = generateNational(ctx, b, d, kind, url); n.err != nil {
				return
			}
		}
		units, a := fixture.Stores(d)
		root, err := units.GetByCode(ctx, demo.RootCode, time.Now())
		if err != nil {
			n.err = err
			return
		}
		n.root = root.ID
		// The province with the most communes today.
		err = d.QueryRowContext(ctx, `SELECT c.ancestor_id FROM unit_closure c JOIN units u ON u.id = c.ancestor_id
			WHERE u.level = 'province' AND u.kind = 'board' AND u.valid_to IS NULL AND c.valid_to IS NULL
			GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&n.province)
		if err != nil {
			n.err = err
			return
		}
		err = d.QueryRowContext(ctx, `SELECT c.ancestor_id FROM unit_closure c JOIN units u ON u.id = c.ancestor_id
			WHERE u.level = 'province' AND u.kind = 'board' AND u.valid_to IS NULL AND c.valid_to IS NULL
			AND NOT EXISTS (SELECT 1 FROM unit_links l JOIN units p ON p.id = l.predecessor_id
				WHERE l.successor_id = u.id AND p.level = 'province')
			GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&n.unmerged)
		if err != nil {
			n.err = err
			return
		}
		rows, err := d.QueryContext(ctx, `SELECT id FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL ORDER BY id`)
		if err != nil {
			n.err = err
			return
		}
		for rows.Next() {
			var id int64
			if n.err = rows.Scan(&id); n.err != nil {
				rows.Close()
				return
			}
			n.provinces = append(n.provinces, id)
		}
		rows.Close()
		n.store = report.NewStore(d, units, a)
		n.admin = auth.System()
	})
	if n.err != nil {
		b.Skipf("national demo on %s: %v", kind, n.err)
	}
	return n
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, n := range nationals {
		if n.d == nil {
			continue
		}
		n.d.Close()
		if n.dir != "" {
			os.RemoveAll(n.dir)
		}
	}
	os.Exit(code)
}

func eachKind(b *testing.B, fn func(b *testing.B, n *nationalDB)) {
	for _, kind := range dbtest.Kinds() {
		b.Run(kind, func(b *testing.B) { fn(b, national(b, kind)) })
	}
}

// benchRollup measures the roll-up q asks for, computed afresh each time.
func benchRollup(b *testing.B, q func(n *nationalDB) report.Query) {
	runRollup(b, q, (*report.Store).RollupUnkept)
}

// benchKept measures the roll-up q asks for as Rollup answers it: kept
// after the first time until a write changes what it depends on.
func benchKept(b *testing.B, q func(n *nationalDB) report.Query) {
	runRollup(b, q, (*report.Store).Rollup)
}

func runRollup(b *testing.B, q func(n *nationalDB) report.Query,
	rollup func(*report.Store, context.Context, *auth.Principal, report.Query) (report.Totals, error)) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		query := q(n)
		var figures int
		cpu0, pg0 := cputime.Used(), dbtest.ServerCPU(ctx, n.d)
		for b.Loop() {
			t, err := rollup(n.store, ctx, n.admin, query)
			if err != nil {
				b.Fatal(err)
			}
			figures = len(t)
		}
		cputime.Report(b, cpu0)
		if pg1 := dbtest.ServerCPU(ctx, n.d); pg0 >= 0 && pg1 >= 0 {
			b.ReportMetric(float64((pg1-pg0).Microseconds())/1000/float64(b.N), "pg-cpu-ms/op")
		}
		if figures < 30 {
			b.Fatalf("only %d figures", figures)
		}
		b.ReportMetric(float64(figures), "indicators")
		b.Logf("load %s", cputime.Load())
	})
}

var (
	p2026S1 = vntext.Period{Kind: vntext.Half, Year: 2026, Part: 1}
	p2020S1 = vntext.Period{Kind: vntext.Half, Year: 2020, Part: 1}
)

// BenchmarkRollupProvince: one province of today, one period, every
// indicator (target: under 20 ms).
func BenchmarkRollupProvince(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.province, Period: p2026S1} })
}

// BenchmarkRollupCountry: the whole country, one period, every indicator
// (target: under 300 ms).
func BenchmarkRollupCountry(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.root, Period: p2026S1} })
}

// BenchmarkRollupCountry2020: the whole country in 2020, as reported
// (the old tree, three times as many communes).
func BenchmarkRollupCountry2020(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.root, Period: p2020S1} })
}

// BenchmarkRollupProvince2020: one of today's provinces in 2020, as
// reported (its own units then: the old provinces merged into it have
// no figures under it, so the twin of the mapped benchmark below reads
// fewer rows).
func BenchmarkRollupProvince2020(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.province, Period: p2020S1} })
}

// BenchmarkRollupProvince2020Mapped: a 2020 period mapped onto one of
// today's provinces (its old provinces, districts and communes through
// the 2025 merges and splits).
func BenchmarkRollupProvince2020Mapped(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.province, Period: p2020S1, View: report.Mapped}
	})
}

// BenchmarkRollupProvince2020Unmerged and its Mapped twin: a province
// that took in no other in the 2025 reform, 2020 as reported and mapped
// onto today. Both read the same old units' rows, so their ratio is the
// mapping's own cost where the data does not grow with the merge.
func BenchmarkRollupProvince2020Unmerged(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.unmerged, Period: p2020S1} })
}

func BenchmarkRollupProvince2020UnmergedMapped(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.unmerged, Period: p2020S1, View: report.Mapped}
	})
}

// BenchmarkRollupProvince2020Kept and its Mapped twin: one of today's
// provinces in 2020, as reported and mapped onto today, as every reader
// after the first gets them (the answer kept until a write changes it):
// what is left is reading the versions it depends on.
func BenchmarkRollupProvince2020Kept(b *testing.B) {
	benchKept(b, func(n *nationalDB) report.Query { return report.Query{UnitID: n.province, Period: p2020S1} })
}

func BenchmarkRollupProvince2020MappedKept(b *testing.B) {
	benchKept(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.province, Period: p2020S1, View: report.Mapped}
	})
}

// BenchmarkRollupProvince2020Predecessors: the as-reported twin that
// reads the same value rows as BenchmarkRollupProvince2020Mapped: the
// 2020 roll-ups of today's province and of the old provinces merged into
// it, one after the other. Mapped onto today that province covers three
// old ones, so the mapped view reads about three times the rows of the
// province's own as-reported roll-up; against this twin the ratio is the
// cost of the mapping alone.
func BenchmarkRollupProvince2020Predecessors(b *testing.B) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		ids := []int64{n.province}
		rows, err := n.d.QueryContext(ctx, `SELECT l.predecessor_id FROM unit_links l JOIN units u ON u.id = l.predecessor_id
			WHERE l.successor_id = ? AND u.level = 'province' ORDER BY l.predecessor_id`, n.province)
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
		var figures int
		cpu0, pg0 := cputime.Used(), dbtest.ServerCPU(ctx, n.d)
		for b.Loop() {
			figures = 0
			for _, id := range ids {
				t, err := n.store.RollupUnkept(ctx, n.admin, report.Query{UnitID: id, Period: p2020S1})
				if err != nil {
					b.Fatal(err)
				}
				figures = max(figures, len(t))
			}
		}
		cputime.Report(b, cpu0)
		if pg1 := dbtest.ServerCPU(ctx, n.d); pg0 >= 0 && pg1 >= 0 {
			b.ReportMetric(float64((pg1-pg0).Microseconds())/1000/float64(b.N), "pg-cpu-ms/op")
		}
		if figures < 30 {
			b.Fatalf("only %d figures", figures)
		}
		b.ReportMetric(float64(len(ids)), "provinces")
		b.Logf("load %s", cputime.Load())
	})
}

// BenchmarkRollupCountry2020Mapped: 2020 mapped onto today's whole tree.
func BenchmarkRollupCountry2020Mapped(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.root, Period: p2020S1, View: report.Mapped}
	})
}

func generateNational(ctx context.Context, b testing.TB, d *db.DB, kind, url string) error {
	t0 := time.Now()
	if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
		return err
	}
	t1 := time.Now()
	if err := demo.GenerateReports(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
		return err
	}
	t2 := time.Now()
	var reports, values int
	_ = d.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM report_values)").Scan(&reports, &values)
	size := "?"
	if kind == "sqlite" {
		_, _ = d.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		if fi, err := os.Stat(strings.TrimPrefix(url, "sqlite:")); err == nil {
			size = fmt.Sprintf("%.0f MB", float64(fi.Size())/1e6)
		}
	} else {
		var bytes int64
		_ = d.QueryRowContext(ctx, `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
			JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'report_bench' AND c.relkind = 'r'`).Scan(&bytes)
		size = fmt.Sprintf("%.0f MB", float64(bytes)/1e6)
	}
	b.Logf("%s national demo: units in %s, %d reports with %d values in %s; database %s",
		kind, t1.Sub(t0).Round(time.Second), reports, values, t2.Sub(t1).Round(time.Second), size)
	return nil
}

// TestNationalMappedEqualsReported checks the views' rule on the national
// demo: for every additive indicator and period, the country's total as
// reported equals the one mapped onto today. Generating the demo takes
// minutes, so it runs only when DANVAN_REPORT_NATIONAL is set (on SQLite,
// and on PostgreSQL when DANVAN_TEST_POSTGRES is set).
func TestNationalMappedEqualsReported(t *testing.T) {
	if os.Getenv("DANVAN_REPORT_NATIONAL") == "" {
		t.Skip("DANVAN_REPORT_NATIONAL is not set: the national demo takes minutes to generate")
	}
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			n := national(t, kind)
			inds, err := n.store.Indicators(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			checkMappedEqualsReported(t, n.store, n.root, inds)
		})
	}
}
