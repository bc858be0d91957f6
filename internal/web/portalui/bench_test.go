package portalui_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
)

// BenchmarkPublicPages measures the time a server spends on one request
// for an article and for a site's home (the whole handler chain as in
// loadWorld,
// one request at a time so the time per request is CPU time plus the
// database's waits): "kept" is the page served from the in-process
// cache, "made" is the page made again (a query string no one asked
// before makes a new cache key). Run it with -cpuprofile to see where the
// time of a made page goes.
// madeKey numbers the "made" requests across runs (-count), so that no
// key is asked twice.
var madeKey atomic.Int64

func BenchmarkPublicPages(b *testing.B) {
	w := loadWorld(b)
	for _, page := range []struct{ name, path string }{{"article", articlePath(w.first)}, {"home", "/trang/lang-son"}, {"front", "/trang"}} {
		for _, mode := range []string{"kept", "made"} {
			b.Run(page.name+"/"+mode, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					path := page.path
					if mode == "made" {
						path += "?b=" + strconv.FormatInt(madeKey.Add(1), 10)
					}
					req := httptest.NewRequest(http.MethodGet, path, nil)
					req.Header.Set("Accept-Encoding", "gzip")
					req.RemoteAddr = "192.0.2.1:5000"
					rec := httptest.NewRecorder()
					w.Srv.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: %d", path, rec.Code)
					}
				}
			})
		}
	}
}
