package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/cputime"
)

// runBench runs the drills an administrator uses to show the server
// holds: "load" (many clients walking the pages of one account, or,
// without --login, the public portal's pages as anonymous readers).
func runBench(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "load" {
		return usageError{"cách dùng (usage): danvan bench load --url URL [--login L [--password P]] [--pages P1,P2] [--c 200] [--d 30s]"}
	}
	return runBenchLoad(ctx, args[1:], stdout, stderr)
}

// The pages every signed-in role reads most: home, the tree, reports,
// models, conferences, tasks, reminders.
var benchPages = []string{"/", "/don-vi", "/bao-cao", "/mo-hinh", "/hoi-nghi", "/nhiem-vu", "/nhac-viec"}

// benchPublicPages are read by anonymous readers when no --login is
// given and no --pages: the national front page of the portal.
var benchPublicPages = []string{"/trang"}

// benchUserAgent is what the drill's clients say they are: a phone's
// browser, so that the portal counts their readings as a reader's (a
// bot's are skipped, which would make the drill lighter than real use).
const benchUserAgent = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36 danvan-bench"

func runBenchLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench load", stderr)
	base := fs.String("url", "", "địa chỉ máy chủ, ví dụ https://danvan.example.vn (the server)")
	login := fs.String("login", "", "tài khoản đăng nhập; bỏ trống là đọc trang công khai không đăng nhập (the account to sign in as; none: anonymous readers of public pages)")
	password := fs.String("password", os.Getenv("DANVAN_BENCH_PASSWORD"), "mật khẩu (its password; env DANVAN_BENCH_PASSWORD)")
	conc := fs.Int("c", 200, "số kết nối đồng thời (concurrent clients)")
	dur := fs.Duration("d", 30*time.Second, "thời gian chạy (how long)")
	rate := fs.Float64("rate", 0, "số yêu cầu mỗi giây gửi đi đều đặn; 0 là nhanh hết mức (requests a second sent at a steady pace, latency counted from each one's due moment; 0: as fast as the server answers)")
	sessions := fs.Int("sessions", 4, "số phiên đăng nhập chia cho các kết nối (sign-ins shared by the clients)")
	pages := fs.String("pages", "", "các trang lần lượt đọc, cách nhau bởi dấu phẩy (pages walked in turn; default: the signed-in pages, or /trang without --login)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *base == "" || *conc < 1 || *dur <= 0 || *sessions < 1 || *rate < 0 {
		return usageError{"cần --url, --c >= 1, --d > 0, --sessions >= 1 và --rate >= 0 (needed)"}
	}
	root := strings.TrimSuffix(*base, "/")
	paths := benchPages
	if *login == "" {
		paths = benchPublicPages
	}
	if *pages != "" {
		paths = nil
		for p := range strings.SplitSeq(*pages, ",") {
			if p = strings.TrimSpace(p); p != "" {
				if !strings.HasPrefix(p, "/") {
					return usageError{fmt.Sprintf("--pages: %q phải bắt đầu bằng / (a path on the server)", p)}
				}
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			return usageError{"--pages không có trang nào (no page given)"}
		}
	}
	// Connections are kept alive and bodies are read as sent: the drill
	// asks for gzip, as browsers do, and does not unpack it (that would
	// take CPU from the server it shares the machine with).
	transport := &http.Transport{MaxIdleConns: *conc, MaxIdleConnsPerHost: *conc, IdleConnTimeout: 30 * time.Second, DisableCompression: true}
	defer transport.CloseIdleConnections()
	var clients []*http.Client
	who := *login
	if *login == "" {
		who = "không đăng nhập (anonymous)"
		clients = []*http.Client{{Transport: transport, Timeout: 60 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	} else {
		clients = make([]*http.Client, min(*sessions, *conc))
		for i := range clients {
			c, err := benchSignIn(ctx, transport, root, *login, *password)
			if err != nil {
				return err
			}
			clients[i] = c
		}
	}
	pace := "nhanh hết mức (as fast as answered)"
	if *rate > 0 {
		pace = fmt.Sprintf("%.0f yêu cầu/giây (requests/s)", *rate)
	}
	fmt.Fprintf(stdout, "Tải thử (load drill) %s: %d kết nối (clients), %s, %s, tài khoản (account) %s, %d trang (pages); tải máy (load average) %s\n",
		root, *conc, *dur, pace, who, len(paths), cputime.Load())

	type result struct {
		page  int
		took  time.Duration
		err   bool
		bytes int64
	}
	per := make([][]result, *conc)
	runCtx, cancel := context.WithTimeout(ctx, *dur)
	defer cancel()
	start, cpu0 := time.Now(), cputime.Used()
	var wg sync.WaitGroup
	// With --rate, a pacer hands out each request's due moment; a client
	// takes the next one when it is free, and the latency runs from that
	// moment, so time spent waiting for a free connection is counted (a
	// slow server does not lower the rate it is measured at).
	var due chan time.Time
	if *rate > 0 {
		due = make(chan time.Time, *conc)
		wg.Go(func() { benchPace(runCtx, start, *rate, due) })
	}
	for w := 0; w < *conc; w++ {
		wg.Go(func() {
			c := clients[w%len(clients)]
			for i := w; runCtx.Err() == nil; i++ {
				page := i % len(paths)
				t0 := time.Now()
				if due != nil {
					select {
					case t0 = <-due:
					case <-runCtx.Done():
						return
					}
				}
				n, failed := benchGet(runCtx, c, root+paths[page])
				if runCtx.Err() != nil {
					return // cut off by the end of the drill: not counted
				}
				per[w] = append(per[w], result{page, time.Since(t0), failed, n})
			}
		})
	}
	wg.Wait()
	elapsed, cpu := time.Since(start), cputime.Used()-cpu0
	var all []time.Duration
	sizes := make([]int64, len(paths))
	byPage := make([][]time.Duration, len(paths))
	errs := make([]int, len(paths))
	total := 0
	for _, rs := range per {
		for _, r := range rs {
			total++
			all = append(all, r.took)
			byPage[r.page] = append(byPage[r.page], r.took)
			sizes[r.page] += r.bytes
			if r.err {
				errs[r.page]++
			}
		}
	}
	nerr := 0
	for _, e := range errs {
		nerr += e
	}
	fmt.Fprintf(stdout, "yêu cầu (requests): %d trong (in) %.1fs = %.1f/s; lỗi (errors): %d\n", total, elapsed.Seconds(), float64(total)/elapsed.Seconds(), nerr)
	fmt.Fprintf(stdout, "thời gian trả lời (latency): %s\n", quantiles(all))
	fmt.Fprintf(stdout, "CPU của tiến trình tạo tải (this process's CPU): %s (%.0f%% of one core); tải máy (load average) %s\n",
		cpu.Round(time.Millisecond), 100*cpu.Seconds()/elapsed.Seconds(), cputime.Load())
	for i, p := range paths {
		avg := int64(0)
		if len(byPage[i]) > 0 {
			avg = sizes[i] / int64(len(byPage[i]))
		}
		fmt.Fprintf(stdout, "  %-12s %6d yêu cầu, %d lỗi, %d byte, %s\n", p, len(byPage[i]), errs[i], avg, quantiles(byPage[i]))
	}
	if total == 0 {
		return errors.New("bench load: no request finished")
	}
	if nerr > 0 {
		return fmt.Errorf("bench load: %d of %d requests failed", nerr, total)
	}
	return nil
}

// benchPace sends on due the moments requests fall due, rate a second
// from start, until ctx ends (and closes nothing: clients stop on ctx).
// A moment is sent late when every client is busy; it keeps its time.
func benchPace(ctx context.Context, start time.Time, rate float64, due chan<- time.Time) {
	every := time.Duration(float64(time.Second) / rate)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	next := start
	for {
		for now := time.Now(); !next.After(now); next = next.Add(every) {
			select {
			case due <- next:
			case <-ctx.Done():
				return
			}
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	}
}

// quantiles writes p50, p95, p99 and the maximum of ds.
func quantiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	q := func(p float64) time.Duration {
		return s[min(len(s)-1, int(p*float64(len(s))))].Round(100 * time.Microsecond)
	}
	return fmt.Sprintf("p50 %s, p95 %s, p99 %s, max %s", q(0.50), q(0.95), q(0.99), s[len(s)-1].Round(100*time.Microsecond))
}

// benchGet reads one page and reports the bytes it received and whether
// it failed: anything but a 200 (a redirect to the sign-in page means the
// session was lost, or the public page asked for needs one).
func benchGet(ctx context.Context, c *http.Client, u string) (int64, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, true
	}
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("User-Agent", benchUserAgent)
	res, err := c.Do(req)
	if err != nil {
		return 0, true
	}
	n, err := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return n, err != nil || res.StatusCode != http.StatusOK
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// benchSignIn signs in through the sign-in form, as a browser does, and
// returns a client holding the session (redirects are not followed).
func benchSignIn(ctx context.Context, t http.RoundTripper, root, login, password string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Transport: t, Jar: jar, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, root+"/dang-nhap", nil)
	res, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: sign-in page: %w", err)
	}
	body, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	res.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		return nil, fmt.Errorf("bench: the sign-in page (%d) has no form token", res.StatusCode)
	}
	form := url.Values{"csrf": {string(m[1])}, "login": {login}, "password": {password}, "tiep": {"/"}}
	req, _ = http.NewRequestWithContext(ctx, http.MethodPost, root+"/dang-nhap", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", root)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err = c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: sign in: %w", err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("bench: sign in as %s: HTTP %d (wrong password?)", login, res.StatusCode)
	}
	return c, nil
}
