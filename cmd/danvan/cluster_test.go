package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestTwoServersShareOnePostgres starts two identical servers on one
// PostgreSQL database: a session started on the first works on the
// second, and failed sign-ins on both count towards one throttle.
func TestTwoServersShareOnePostgres(t *testing.T) {
	dbURL := dbtest.URL(t, "postgres") // skips without DANVAN_TEST_POSTGRES
	ctx := context.Background()
	cfg := ServeConfig{Addr: "127.0.0.1:0", DB: dbURL, Demo: true, Auth: auth.Config{Password: auth.TestPasswordParams}}
	a, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		a.Shutdown(sctx)
		b.Shutdown(sctx)
	})
	admin := a.accounts[0]

	// signIn posts the sign-in form of srv with the client's cookies and
	// returns the status.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	csrfFor := func(srv *Main) string {
		res, err := client.Get(srv.URL() + "/dang-nhap")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		u, _ := url.Parse(srv.URL())
		for _, c := range jar.Cookies(u) {
			if c.Name == "danvan_csrf" {
				return c.Value
			}
		}
		t.Fatal("no csrf cookie")
		return ""
	}
	signIn := func(srv *Main, password string) (int, string) {
		res, err := client.PostForm(srv.URL()+"/dang-nhap", url.Values{"csrf": {csrfFor(srv)}, "login": {admin.Login}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}

	if code, _ := signIn(a, admin.Password); code != http.StatusSeeOther {
		t.Fatalf("sign-in on server A: %d", code)
	}
	// Both servers listen on 127.0.0.1, so the jar sends A's session
	// cookie to B as a browser behind a load balancer would.
	res, err := client.Get(b.URL() + "/tai-khoan/mat-khau")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("server B does not know server A's session: %d", res.StatusCode)
	}

	// Five failures spread over both servers; the sixth attempt, with
	// the right password, is refused by either.
	jar2, _ := cookiejar.New(nil)
	client.Jar = jar2
	jar = jar2
	for i, srv := range []*Main{a, b, a, b, a} {
		if code, _ := signIn(srv, "sai-mat-khau-so-"+string(rune('0'+i))); code != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, code)
		}
	}
	code, body := signIn(b, admin.Password)
	if code != http.StatusUnauthorized || !strings.Contains(body, "quá nhiều lần") {
		t.Fatalf("6th attempt on server B: %d, throttle message present: %v", code, strings.Contains(body, "quá nhiều lần"))
	}
}
