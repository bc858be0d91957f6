package accountui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// signIn posts the sign-in form straight to srv, with a double-submit
// CSRF token of its own, from peer, and returns the status and page.
func signIn(t testing.TB, srv http.Handler, login, password, peer string, hdr ...string) (int, string) {
	const tok = "0123456789abcdef0123456789abcdef"
	form := url.Values{"csrf": {tok}, "login": {login}, "password": {password}}
	req := httptest.NewRequest(http.MethodPost, "/dang-nhap", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "danvan_csrf", Value: tok})
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	req.RemoteAddr = peer
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// The outside tester's race: 40 simultaneous wrong passwords for one
// login were all checked (and the server grew to 1.35 GB). Here they go
// to two servers over two handles of one database, with production
// argon2id costs: five are checked, the rest refused before hashing.
func TestSignInThrottleConcurrent(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			u := dbtest.URL(t, kind)
			open := func() *db.DB {
				d, err := db.Open(ctx, u)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { d.Close() })
				if _, err := d.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return d
			}
			d1, d2 := open(), open()
			cfg := auth.Config{Password: auth.DefaultPasswordParams, HashConcurrency: 2}
			s := webtest.New(t, d1, webtest.Configure(func(c *web.Config) { c.Auth = cfg }))
			d2.SetClock(s.Now)
			srv2, err := web.New(web.Config{DB: d2, Auth: cfg, Now: s.Now, Files: s.Files})
			if err != nil {
				t.Fatal(err)
			}
			// The account's hash has the production cost.
			const good = "Hoa ban trắng Điện Biên 1954"
			if _, err := s.Srv.Auth.CreateUser(ctx, auth.System(), auth.NewUser{Login: "nan.nhan", Name: "Nạn Nhân", Password: good}); err != nil {
				t.Fatal(err)
			}

			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var peak uint64
			stop := make(chan struct{})
			sampled := make(chan struct{})
			go func() {
				defer close(sampled)
				var m runtime.MemStats
				for {
					runtime.ReadMemStats(&m)
					peak = max(peak, m.HeapAlloc)
					select {
					case <-stop:
						return
					case <-time.After(2 * time.Millisecond):
					}
				}
			}()
			start := time.Now()
			var wg sync.WaitGroup
			var mu sync.Mutex
			outcomes := map[string]int{}
			for i := range 40 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					srv := http.Handler(s.Srv)
					if i%2 == 1 {
						srv = srv2
					}
					code, body := signIn(t, srv, "nan.nhan", fmt.Sprintf("sai mật khẩu số %d", i), fmt.Sprintf("198.51.100.%d:4000", i+1))
					out := fmt.Sprint(code)
					switch {
					case strings.Contains(body, "không đúng"):
						out = "checked"
					case strings.Contains(body, "thử lại lúc"):
						out = "throttled"
					}
					mu.Lock()
					outcomes[out]++
					mu.Unlock()
				}()
			}
			wg.Wait()
			took := time.Since(start)
			close(stop)
			<-sampled
			if outcomes["checked"] != 5 || outcomes["throttled"] != 35 {
				t.Errorf("40 concurrent wrong passwords: %v, want 5 checked and 35 refused unchecked", outcomes)
			}
			extra := int64(peak) - int64(before.HeapAlloc)
			t.Logf("%s: 40 concurrent sign-ins on two servers in %v; heap peak %.1f MiB above the %.1f MiB before (argon2id 32 MiB, 2 at a time per server)",
				kind, took.Round(time.Millisecond), float64(extra)/(1<<20), float64(before.HeapAlloc)/(1<<20))
			if extra > 200<<20 {
				t.Errorf("heap grew %d MiB", extra>>20)
			}
			// Even the right password now waits for the window.
			if _, body := signIn(t, srv2, "nan.nhan", good, "203.0.113.50:4000"); !strings.Contains(body, "thử lại lúc") {
				t.Error("the right password is let in while the name is throttled")
			}
		})
	}
}

// The outside tester's forged X-Forwarded-For: 40 failed sign-ins over
// 8 accounts, each with another leftmost address, were never blocked and
// the audit log kept the forged addresses. Behind a trusted proxy the
// client is the rightmost untrusted address: after its ten free failures
// it is slowed down, and the audit log names it.
func TestSignInForgedForwardedFor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		proxies, err := web.ParseProxies("10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		s := webtest.New(t, d, webtest.Configure(func(c *web.Config) { c.TrustedProxies = proxies }))
		checked, slowed := 0, 0
		for i := range 40 {
			forged := fmt.Sprintf("100.64.%d.%d", i/8, i)
			_, body := signIn(t, s.Srv, fmt.Sprintf("tai.khoan%d", i%8), "sai mật khẩu rồi", "10.0.0.1:4000",
				"X-Forwarded-For", forged+", 203.0.113.7")
			switch {
			case strings.Contains(body, "không đúng"):
				checked++
			case strings.Contains(body, "chờ đến"):
				slowed++
			}
		}
		if checked != 10 || slowed != 30 {
			t.Errorf("checked %d, slowed down %d; want 10 and 30", checked, slowed)
		}
		rows, err := d.QueryContext(context.Background(), "SELECT addr FROM audit_log WHERE action = 'login_failed'")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var addr string
			if err := rows.Scan(&addr); err != nil {
				t.Fatal(err)
			}
			if addr != "203.0.113.7" {
				t.Errorf("audit row of a failed sign-in from %q, want 203.0.113.7", addr)
			}
			n++
		}
		if n != 10 {
			t.Errorf("%d failed sign-ins audited, want 10", n)
		}
		// A peer that is not a trusted proxy forges nothing either.
		if _, body := signIn(t, s.Srv, "tai.khoan0", "sai", "198.51.100.1:4000", "X-Forwarded-For", "203.0.113.99"); !strings.Contains(body, "không đúng") {
			t.Error("a direct client is throttled as the forged address")
		}
	})
}
