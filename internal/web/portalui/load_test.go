package portalui_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestLoad measures the public pages under concurrency: the whole server
// (every middleware, logging at info level as in production) on SQLite,
// over real TCP connections kept alive, 200 at once, for the time
// DANVAN_PORTAL_LOAD gives (e.g. 30s), against an article page and then
// the site's home page, with a site of 300 published articles. It prints
// requests per second, latency percentiles and errors. The load
// generator runs on the same machine and takes its share of the CPUs.
func TestLoad(t *testing.T) {
	dur, err := time.ParseDuration(os.Getenv("DANVAN_PORTAL_LOAD"))
	if err != nil {
		t.Skip("DANVAN_PORTAL_LOAD is not a duration (e.g. 30s): skipping the load measurement")
	}
	w := loadWorld(t)
	base := w.Serve()
	for _, page := range []string{articlePath(w.first), "/trang/lang-son", "/trang"} {
		r := run(t, base+page, 200, dur)
		up, _ := exec.Command("uptime").Output()
		t.Logf("%s: %d requests in %s: %.0f requests/s; latency p50 %s, p90 %s, p99 %s, max %s; %d errors %v; %d bytes a response; uptime: %s",
			page, r.n, dur, float64(r.n)/dur.Seconds(), r.p(50), r.p(90), r.p(99), r.p(100), r.errors, r.why, r.size, strings.TrimSpace(string(up)))
	}
}

// loadWorld is a server as in production (every middleware, JSON logs at
// info level into a file) on SQLite, with a site of 300 published
// articles.
func loadWorld(t testing.TB) *world {
	logFile, err := os.Create(t.TempDir() + "/server.log")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	w := newWorld(t, dbtest.Open(t, "sqlite"), webtest.Configure(func(c *web.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(logFile, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}))
	for i := range 300 {
		w.publish(portal.ArticleInput{Category: portal.Categories[i%3], Headline: fmt.Sprintf("Tin số %d về công tác dân vận ở cơ sở", i),
			Lead: "Sáng nay, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận.", Body: strings.Repeat("<p>Hội nghị đánh giá kết quả thực hiện nhiệm vụ, thống nhất các giải pháp trọng tâm trong thời gian tới.</p>", 30),
			Tags: fmt.Sprintf("Hội nghị, Thẻ %d", i%20)})
	}
	return w
}

type result struct {
	why       map[string]int // errors by kind
	n, errors int
	size      int64
	lat       []time.Duration
}

func (r *result) fail(why string) {
	if r.why == nil {
		r.why = map[string]int{}
	}
	r.errors++
	r.why[why]++
}

func (r result) p(q int) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := min(len(r.lat)-1, len(r.lat)*q/100)
	return r.lat[i].Round(100 * time.Microsecond)
}

// run keeps conns connections busy with GET url for d, as browsers that
// take gzip would.
func run(t *testing.T, url string, conns int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var mu sync.Mutex
	var all result
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine result
			for ctx.Err() == nil {
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36")
				start := time.Now()
				res, err := client.Do(req)
				if err != nil {
					mine.fail(err.Error())
					continue
				}
				n, err := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK {
					mine.fail(fmt.Sprint(res.StatusCode, err))
					continue
				}
				if time.Now().After(start) && ctx.Err() == nil {
					mine.lat = append(mine.lat, time.Since(start))
					mine.n++
					mine.size = n
				}
			}
			mu.Lock()
			all.n += mine.n
			all.errors += mine.errors
			for k, v := range mine.why {
				if all.why == nil {
					all.why = map[string]int{}
				}
				all.why[k] += v
			}
			all.lat = append(all.lat, mine.lat...)
			if mine.size > 0 {
				all.size = mine.size
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(all.lat)
	return all
}
