package unitui_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/web"
)

// BenchmarkTreeHandler: the public tree /don-vi through the whole router
// over the national demo (DANVAN_LOAD_SQLITE, a file that danvan demo
// --scale national wrote, as for internal/web's load benchmarks), called
// in process without the network, as an anonymous reader. It reports
// the CPU time per page beside the wall time, and the allocations.
func BenchmarkTreeHandler(b *testing.B) {
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
	h, err := web.New(web.Config{DB: d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		b.Fatal(err)
	}
	for _, page := range []string{"/don-vi", "/don-vi?lang=en"} {
		b.Run(page, func(b *testing.B) {
			get := func() int {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", page, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", page, rec.Code)
				}
				return rec.Body.Len()
			}
			size := get()
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cputime.Used()
			for b.Loop() {
				get()
			}
			cputime.Report(b, cpu0)
			b.ReportMetric(float64(size), "bytes/page")
			b.Logf("load average %s", cputime.Load())
		})
	}
}
