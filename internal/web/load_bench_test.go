package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/web"
)

// Load benchmarks: the whole server on 127.0.0.1 under 50 concurrent
// clients for a bounded time (DANVAN_LOAD_SECONDS, 20 by default), over
// the national demo. They print requests per second, the latency
// percentiles and the CPU time the process spent per request (server and
// clients together: on a shared machine the figure that depends least on
// the other processes; on PostgreSQL also the CPU time of the database
// server's processes serving the benchmark's connections, read from
// /proc when the server runs on this machine). Run each once:
//
//	go test ./internal/web/ -run '^$' -bench 'Load' -benchtime 1x
//
// with DANVAN_LOAD_SQLITE (a file) and DANVAN_LOAD_POSTGRES (a URL, e.g.
// postgres://postgres@127.0.0.1:5432/danvan_load?sslmode=disable)
// naming a national demo (danvan demo --scale national) to reuse; without
// them the demo is generated first (minutes): into a temporary file,
// removed at the end, and into the schema load_bench of
// DANVAN_TEST_POSTGRES, kept for the next run.

// loadClients is how many clients run at once.
const loadClients = 50

// loadResult is what one load run measured.
type loadResult struct {
	requests  int
	errors    int
	took      time.Duration
	lat       []time.Duration // sorted
	cpu       time.Duration   // user + system time of the process
	dbCPU     time.Duration   // of the PostgreSQL server's backends; -1 when unknown
	loadAvg   string
	firstFail string
	reopened  int64 // connections the pool closed while idle, to open again
}

func (r loadResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(float64(len(r.lat))*p))]
}

// runLoad sends GET requests for paths (each client takes them in turn,
// starting at its own) with cookie to srv from loadClients clients for
// the duration.
func runLoad(b *testing.B, n *nationalDB, srv *httptest.Server, paths []string, cookie *http.Cookie) loadResult {
	b.Helper()
	secs := 20
	if s, err := strconv.Atoi(os.Getenv("DANVAN_LOAD_SECONDS")); err == nil && s > 0 {
		secs = min(s, 300)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients, MaxConnsPerHost: loadClients}, Timeout: 30 * time.Second}
	get := func(path string) (int, error) {
		req, err := http.NewRequest("GET", srv.URL+path, nil)
		if err != nil {
			return 0, err
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		_, err = io.Copy(io.Discard, res.Body)
		return res.StatusCode, err
	}
	// Warm up: every path once (a server's first reads fill its caches).
	for _, p := range paths {
		if code, err := get(p); err != nil || code != 200 {
			b.Fatalf("GET %s = %d, %v", p, code, err)
		}
	}
	var (
		mu  sync.Mutex
		res loadResult
		wg  sync.WaitGroup
	)
	start, cpu0, db0, closed0 := time.Now(), cputime.Used(), n.serverCPU(), n.closedConns()
	deadline := start.Add(time.Duration(secs) * time.Second)
	for c := range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			errs, fail := 0, ""
			for i := c; time.Now().Before(deadline); i++ {
				t0 := time.Now()
				code, err := get(paths[i%len(paths)])
				if err != nil || code != 200 {
					errs++
					if fail == "" {
						fail = fmt.Sprintf("GET %s = %d, %v", paths[i%len(paths)], code, err)
					}
					continue
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			res.errors += errs
			if res.firstFail == "" {
				res.firstFail = fail
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.took, res.cpu, res.loadAvg = time.Since(start), cputime.Used()-cpu0, cputime.Load()
	res.reopened = n.closedConns() - closed0
	res.dbCPU = -1
	if db1 := n.serverCPU(); db0 >= 0 && db1 >= 0 {
		res.dbCPU = db1 - db0
	}
	res.requests = len(res.lat)
	slices.Sort(res.lat)
	client.CloseIdleConnections()
	return res
}

func reportLoad(b *testing.B, name string, r loadResult) {
	b.Helper()
	if r.errors > 0 {
		b.Errorf("%d failed requests; the first: %s", r.errors, r.firstFail)
	}
	if r.requests == 0 {
		b.Fatal("no request succeeded")
	}
	rps := float64(r.requests) / r.took.Seconds()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	cpu := ms(r.cpu) / float64(r.requests)
	b.ReportMetric(rps, "req/s")
	b.ReportMetric(ms(r.pct(0.50)), "p50-ms")
	b.ReportMetric(ms(r.pct(0.95)), "p95-ms")
	b.ReportMetric(ms(r.pct(0.99)), "p99-ms")
	b.ReportMetric(cpu, "cpu-ms/req")
	b.ReportMetric(0, "ns/op")
	dbCPU := ""
	if r.dbCPU >= 0 {
		b.ReportMetric(ms(r.dbCPU)/float64(r.requests), "db-cpu-ms/req")
		dbCPU = fmt.Sprintf(" + %.2f ms in PostgreSQL", ms(r.dbCPU)/float64(r.requests))
	}
	fmt.Printf("%s: %d clients, %d requests in %s: %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.2f ms CPU per request%s, %d connections closed while idle; load average %s\n",
		name, loadClients, r.requests, r.took.Round(time.Millisecond), rps, ms(r.pct(0.50)), ms(r.pct(0.95)), ms(r.pct(0.99)), cpu, dbCPU, r.reopened, r.loadAvg)
}

// loadServer starts the whole server over n's database on 127.0.0.1.
func loadServer(b *testing.B, n *nationalDB) *httptest.Server {
	b.Helper()
	h, err := web.New(web.Config{DB: n.d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Auth: auth.Config{Password: auth.TestPasswordParams, AdminsWithoutTwoFactor: true}}) // the benchmark signs a national admin in directly
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkLoadDashboard: the dashboards of today's provinces for the
// period in progress, taken in turn by 50 signed-in national
// administrators at once (goal: 500 requests/s, p95 under 100 ms).
func BenchmarkLoadDashboard(b *testing.B) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		srv := loadServer(b, n)
		_, a := fixture.Stores(n.d)
		login := fmt.Sprintf("load.%d", time.Now().UnixNano())
		u, err := a.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: "Quản trị thử", Password: "mật khẩu thử nghiệm 2026"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.GrantRole(ctx, auth.System(), u.ID, n.root, auth.RoleAdmin); err != nil {
			b.Fatal(err)
		}
		sess, err := a.StartSession(ctx, u.ID, "127.0.0.1", "load")
		if err != nil {
			b.Fatal(err)
		}
		var paths []string
		for _, p := range n.provinces {
			paths = append(paths, fmt.Sprintf("/bao-cao/tong-hop?don-vi=%d&ky=2026S2", p))
		}
		for b.Loop() {
			reportLoad(b, "dashboard "+b.Name(), runLoad(b, n, srv, paths, &http.Cookie{Name: "danvan_session", Value: sess.Token}))
		}
	})
}

// BenchmarkLoadUnitTree: the public tree of today's units, /don-vi, by
// 50 anonymous readers at once (goal: 1,000 requests/s, p95 under
// 50 ms).
func BenchmarkLoadUnitTree(b *testing.B) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		srv := loadServer(b, n)
		for b.Loop() {
			reportLoad(b, "unit tree "+b.Name(), runLoad(b, n, srv, []string{"/don-vi"}, nil))
		}
	})
}

// BenchmarkDashboardPage: the dashboard of one province end to end
// through the router, as a signed-in national admin (target: under
// 100 ms).
func BenchmarkDashboardPage(b *testing.B) {
	eachKind(b, func(b *testing.B, n *nationalDB) {
		ctx := context.Background()
		srv, err := web.New(web.Config{DB: n.d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
			Auth: auth.Config{Password: auth.TestPasswordParams, AdminsWithoutTwoFactor: true}}) // the benchmark signs a national admin in directly
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
		path := fmt.Sprintf("/bao-cao/tong-hop?don-vi=%d&ky=2026S1", n.provinces[0])
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

// nationalDB is the national demo the load benchmarks read.
type nationalDB struct {
	once      sync.Once
	err       error
	dir       string // a temporary folder to remove
	d         *db.DB
	root      int64
	provinces []int64 // today's province boards
}

var nationals = map[string]*nationalDB{"sqlite": {}, "postgres": {}}

func national(b testing.TB, kind string) *nationalDB {
	b.Helper()
	n := nationals[kind]
	n.once.Do(func() { n.err = n.open(b, kind) })
	if n.err != nil {
		b.Skipf("national demo on %s: %v", kind, n.err)
	}
	return n
}

func (n *nationalDB) open(b testing.TB, kind string) error {
	ctx := context.Background()
	var url string
	switch kind {
	case "sqlite":
		if path := os.Getenv("DANVAN_LOAD_SQLITE"); path != "" {
			url = "sqlite:" + path
		} else {
			dir, err := os.MkdirTemp("", "danvan-load-")
			if err != nil {
				return err
			}
			n.dir = dir
			url = "sqlite:" + filepath.Join(dir, "national.db")
		}
	default:
		url = os.Getenv("DANVAN_LOAD_POSTGRES")
		if url == "" {
			base := os.Getenv(dbtest.EnvPostgres)
			if base == "" {
				return fmt.Errorf("neither DANVAN_LOAD_POSTGRES nor %s is set", dbtest.EnvPostgres)
			}
			d, err := db.Open(ctx, base)
			if err != nil {
				return err
			}
			_, err = d.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS load_bench")
			d.Close()
			if err != nil {
				return err
			}
			url = base + "&search_path=load_bench"
		}
	}
	d, err := db.Open(ctx, url)
	if err != nil {
		return err
	}
	n.d = d
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	var units int
	if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM units").Scan(&units); err != nil {
		return err
	}
	if units == 0 {
		start := time.Now()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.National, Seed: 1}, nil); err != nil {
			return err
		}
		b.Logf("%s: national demo generated in %s", kind, time.Since(start).Round(time.Second))
	}
	if err := d.QueryRowContext(ctx, "SELECT id FROM units WHERE code = ?", demo.RootCode).Scan(&n.root); err != nil {
		return err
	}
	rows, err := d.QueryContext(ctx, `SELECT id FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		n.provinces = append(n.provinces, id)
	}
	return rows.Err()
}

func eachKind(b *testing.B, fn func(b *testing.B, n *nationalDB)) {
	for _, kind := range dbtest.Kinds() {
		b.Run(kind, func(b *testing.B) { fn(b, national(b, kind)) })
	}
}

// serverCPU is the user and system time the PostgreSQL server's processes
// serving n's database have used so far, read from /proc (the server
// runs on this machine in the benchmark); -1 on SQLite or when it cannot
// be read. A connection closed during a run takes its time with it, so
// the figure is a lower bound. Unlike dbtest.ServerCPU it leaves out the
// connection asking: after a run of 50 clients the pool may close that
// one before /proc is read, and the whole reading then fails (seen with
// dbtest.ServerCPU on this benchmark).
func (n *nationalDB) serverCPU() time.Duration {
	if n.d.Dialect() != db.Postgres {
		return -1
	}
	rows, err := n.d.QueryContext(context.Background(),
		"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
	if err != nil {
		return -1
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			return -1
		}
		pids = append(pids, pid)
	}
	if rows.Err() != nil {
		return -1
	}
	return cputime.Processes(pids)
}

// closedConns is how many connections n's pools have closed so far
// because they were idle (more idle than the pool keeps, or idle too
// long): each one a request that waited for a new connection.
func (n *nationalDB) closedConns() int64 {
	w, r := n.d.Stats()
	c := w.MaxIdleClosed + w.MaxIdleTimeClosed + w.MaxLifetimeClosed
	if n.d.Dialect() == db.SQLite {
		c += r.MaxIdleClosed + r.MaxIdleTimeClosed + r.MaxLifetimeClosed
	}
	return c
}

// closeNationals closes the national demos and removes a temporary one.
func closeNationals() {
	for _, n := range nationals {
		if n.d != nil {
			n.d.Close()
		}
		if n.dir != "" {
			os.RemoveAll(n.dir)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	closeNationals()
	os.Exit(code)
}
