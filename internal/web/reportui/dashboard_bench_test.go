package reportui_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/web"
)

// The dashboard handler alone: the whole router over the national demo
// (DANVAN_LOAD_SQLITE, a file that danvan demo --scale national wrote,
// as for internal/web's load benchmarks), called in process through
// httptest without the network or compression, as a signed-in national
// administrator. It reports the CPU time per page (cpu-ms/op) beside the
// wall time, and the allocations.

// nationalDashboard opens the national demo and signs in a national
// administrator; it skips without one.
func nationalDashboard(b *testing.B) (http.Handler, *http.Cookie, []int64) {
	b.Helper()
	path := os.Getenv("DANVAN_LOAD_SQLITE")
	if path == "" {
		b.Skip("DANVAN_LOAD_SQLITE does not name a national demo (danvan demo --scale national)")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("national demo: %v", err)
	}
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var root int64
	if err := d.QueryRowContext(ctx, "SELECT id FROM units WHERE code = ?", demo.RootCode).Scan(&root); err != nil {
		b.Skipf("no national demo in %s: %v", path, err)
	}
	var provinces []int64
	rows, err := d.QueryContext(ctx, `SELECT id FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		provinces = append(provinces, id)
	}
	rows.Close()
	if len(provinces) == 0 {
		b.Skip("the national demo has no province")
	}
	h, err := web.New(web.Config{DB: d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Auth: auth.Config{Password: auth.TestPasswordParams, AdminsWithoutTwoFactor: true}})
	if err != nil {
		b.Fatal(err)
	}
	_, a := fixture.Stores(d)
	u, err := a.CreateUser(ctx, auth.System(), auth.NewUser{Login: fmt.Sprintf("bench.dash.%d", time.Now().UnixNano()),
		Name: "Quản trị thử", Password: "mật khẩu thử nghiệm 2026"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.GrantRole(ctx, auth.System(), u.ID, root, auth.RoleAdmin); err != nil {
		b.Fatal(err)
	}
	sess, err := a.StartSession(ctx, u.ID, "192.0.2.1", "bench")
	if err != nil {
		b.Fatal(err)
	}
	return h, &http.Cookie{Name: "danvan_session", Value: sess.Token}, append([]int64{root}, provinces...)
}

// getPage serves path to the cookie's holder and returns the body.
func getPage(b *testing.B, h http.Handler, c *http.Cookie, path string) []byte {
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(c)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s = %d", path, rec.Code)
	}
	return rec.Body.Bytes()
}

// BenchmarkDashboardHandler: the provinces' dashboards in turn (kept
// dashboards: every one is served once before the timing), for the
// period in progress (most reports not approved yet: a long list of
// those behind) and for the last half ended (the figures of every unit
// below).
func BenchmarkDashboardHandler(b *testing.B) {
	h, c, units := nationalDashboard(b)
	for _, per := range []string{"2026S2", "2026S1"} {
		b.Run(per, func(b *testing.B) {
			var paths []string
			for _, u := range units[1:] {
				paths = append(paths, fmt.Sprintf("/bao-cao/tong-hop?don-vi=%d&ky=%s", u, per))
			}
			size := 0
			for _, p := range paths {
				size += len(getPage(b, h, c, p))
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0, i := cputime.Used(), 0
			for b.Loop() {
				getPage(b, h, c, paths[i%len(paths)])
				i++
			}
			cputime.Report(b, cpu0)
			b.ReportMetric(float64(size/len(paths)), "bytes/page")
			b.Logf("load average %s", cputime.Load())
		})
	}
}

// BenchmarkDashboardDump is not a measure: with DANVAN_DASHBOARD_DUMP
// naming a folder it writes there the dashboards of the nation and the
// first provinces in several periods, sorts, views and both languages,
// to compare the pages byte for byte before and after a change to how
// they are drawn.
func BenchmarkDashboardDump(b *testing.B) {
	dir := os.Getenv("DANVAN_DASHBOARD_DUMP")
	if dir == "" {
		b.Skip("DANVAN_DASHBOARD_DUMP names no folder")
	}
	h, c, units := nationalDashboard(b)
	var n int
	for b.Loop() {
		n = 0
		for _, u := range units[:min(len(units), 4)] {
			for _, q := range []string{"ky=2026S2", "ky=2026S1", "ky=2025S1&xem=nay", "ky=2026S1&gom=cho-duyet",
				"ky=2026S1&sap-xep=ten", "ky=2026S1&sap-xep=ten&chieu=tang", "ky=2026S1&sap-xep=AN03", "ky=2026S1&sap-xep=DV02&chieu=tang", "ky=2024S2&chi-tieu=DV01", "ky=2026S1&lang=en", "ky=2026S2&lang=en"} {
				body := getPage(b, h, c, fmt.Sprintf("/bao-cao/tong-hop?don-vi=%d&%s", u, q))
				n++
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%02d.html", u, n)), body, 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Logf("%d pages written to %s", n, dir)
}
