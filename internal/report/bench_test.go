package report_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web"
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
	store    *report.Store
	admin    *auth.Principal // the system, which reads everything
}

var nationals = map[string]*nationalDB{"sqlite": {}, "postgres": {}}

func national(b *testing.B, kind string) *nationalDB {
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
		} else if url == "" {
			n.err = fmt.Errorf("%s is not set", dbtest.EnvPostgres)
			return
		}
		d, err := db.Open(ctx, url)
		if err != nil {
			n.err = err
			return
		}
		n.d = d
		if kind == "postgres" {
			// A schema of its own, dropped at the end.
			if _, err := d.ExecContext(ctx, "DROP SCHEMA IF EXISTS report_bench CASCADE"); err == nil {
				_, err = d.ExecContext(ctx, "CREATE SCHEMA report_bench")
				if err != nil {
					n.err = err
					return
				}
			}
			d.Close()
			if d, err = db.Open(ctx, url+"&search_path=report_bench"); err != nil {
				n.err = err
				return
			}
			n.d = d
		}
		if _, err := d.Migrate(ctx); err != nil {
			n.err = err
			return
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
	for kind, n := range nationals {
		if n.d == nil {
			continue
		}
		if kind == "postgres" {
			_, _ = n.d.ExecContext(context.Background(), "DROP SCHEMA IF EXISTS report_bench CASCADE")
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

func benchRollup(b *testing.B, q func(n *nationalDB) report.Query) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		query := q(n)
		var figures int
		for b.Loop() {
			t, err := n.store.Rollup(ctx, n.admin, query)
			if err != nil {
				b.Fatal(err)
			}
			figures = len(t)
		}
		if figures < 30 {
			b.Fatalf("only %d figures", figures)
		}
		b.ReportMetric(float64(figures), "indicators")
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

// BenchmarkRollupProvince2020Mapped: a 2020 period mapped onto one of
// today's provinces (its old provinces, districts and communes through
// the 2025 merges and splits).
func BenchmarkRollupProvince2020Mapped(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.province, Period: p2020S1, View: report.Mapped}
	})
}

// BenchmarkRollupCountry2020Mapped: 2020 mapped onto today's whole tree.
func BenchmarkRollupCountry2020Mapped(b *testing.B) {
	benchRollup(b, func(n *nationalDB) report.Query {
		return report.Query{UnitID: n.root, Period: p2020S1, View: report.Mapped}
	})
}

// BenchmarkDashboardPage: the dashboard of one province end to end
// through the router, as a signed-in national admin (target: under
// 100 ms).
func BenchmarkDashboardPage(b *testing.B) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		srv, err := web.New(web.Config{DB: n.d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
			Auth: auth.Config{Password: auth.TestPasswordParams}})
		if err != nil {
			b.Fatal(err)
		}
		_, a := fixture.Stores(n.d)
		login := fmt.Sprintf("bench.%d", time.Now().UnixNano())
		u, err := a.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: "Quản trị thử", Password: "mật khẩu thử nghiệm 2026"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.GrantRole(ctx, auth.System(), u.ID, n.root, auth.RoleAdmin); err != nil {
			b.Fatal(err)
		}
		sess, err := a.StartSession(ctx, u.ID, "127.0.0.1", "bench")
		if err != nil {
			b.Fatal(err)
		}
		path := fmt.Sprintf("/bao-cao/tong-hop?don-vi=%d&ky=%s", n.province, p2026S1)
		for b.Loop() {
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(&http.Cookie{Name: "danvan_session", Value: sess.Token})
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("dashboard = %d", rec.Code)
			}
		}
	})
}

func generateNational(ctx context.Context, b *testing.B, d *db.DB, kind, url string) error {
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
