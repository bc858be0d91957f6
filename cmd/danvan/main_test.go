package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
)

// runCmd runs the command line as main would and returns its output.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestCommandErrorsAreOneLine(t *testing.T) {
	tests := []struct {
		args []string
		want string
		code int
	}{
		{nil, "thiếu lệnh", 2},
		{[]string{"frobnicate"}, "lệnh không rõ", 2},
		{[]string{"demo", "--scale", "huge", "--db", "sqlite:" + filepath.Join(t.TempDir(), "x.db")}, "--scale phải là small hoặc national", 2},
		{[]string{"migrate", "--db", "mysql://nowhere"}, "unsupported database URL", 1},
		{[]string{"serve", "--bogus"}, "flag provided but not defined", 2},
	}
	for _, tt := range tests {
		_, _, err := runCmd(t, tt.args...)
		if err == nil {
			t.Errorf("%v: no error", tt.args)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error %q, want one line containing %q", tt.args, err, tt.want)
		}
		if c := exitCode(err); c != tt.code {
			t.Errorf("%v: exit code %d, want %d", tt.args, c, tt.code)
		}
	}
}

func TestErrorLine(t *testing.T) {
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "d.db")
	if _, _, err := runCmd(t, "demo", "--db", dbURL); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCmd(t, "demo", "--db", dbURL)
	if err == nil {
		t.Fatal("a second demo into the same database succeeded")
	}
	line := errorLine(err)
	if strings.HasPrefix(line, "conflict") || strings.Contains(line, "\n") || line == "" {
		t.Errorf("second demo: %q, want the Vietnamese message alone", line)
	}
	if got := errorLine(fmt.Errorf("open: %w", errors.New("no such file\nor folder"))); got != "open: no such file or folder" {
		t.Errorf("errorLine = %q", got)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, err := runCmd(t, "version")
	if err != nil || !strings.HasPrefix(out, "danvan ") {
		t.Errorf("version: %q %v", out, err)
	}
	out, _, err = runCmd(t, "help")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		if !strings.Contains(out, c.name) {
			t.Errorf("help does not list %s", c.name)
		}
	}
}

func TestMigrateStatus(t *testing.T) {
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	out, _, err := runCmd(t, "migrate", "--db", dbURL)
	if err != nil || !strings.Contains(out, "Đã áp dụng") {
		t.Fatalf("migrate: %q %v", out, err)
	}
	out, _, err = runCmd(t, "migrate", "--db", dbURL, "--status")
	if err != nil || !strings.Contains(out, "đã áp dụng") || strings.Contains(out, "chưa áp dụng") {
		t.Fatalf("migrate --status: %q %v", out, err)
	}
}

// TestServeWithDemo starts the whole server as `serve --demo` would, on a
// fresh SQLite file, and checks that it answers, then stops gracefully.
func TestServeWithDemo(t *testing.T) {
	ctx := context.Background()
	m, err := Start(ctx, ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(t.TempDir(), "s.db"), Demo: true,
		Auth: auth.Config{Password: auth.TestPasswordParams}, MetricsAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	var banner bytes.Buffer
	printAccounts(&banner, m.accounts)
	for _, role := range []string{"admin", "leader", "officer", "viewer"} {
		if !strings.Contains(banner.String(), role) {
			t.Errorf("demo accounts lack a %s: %s", role, banner.String())
		}
	}
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(m.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/readyz"); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/readyz = %d %q", code, body)
	}
	code, body := get("/don-vi?ngay=2020-01-01")
	if code != 200 || !strings.Contains(body, "Ban Dân vận Trung ương") {
		t.Errorf("/don-vi = %d, root board missing", code)
	}
	// /metrics is not on the public address, only on the metrics one.
	if code, _ := get("/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics on the public address = %d, want 404", code)
	}
	if res, err := http.Get(m.MetricsURL() + "/metrics"); err != nil || res.StatusCode != 200 {
		t.Errorf("/metrics on --metrics-addr = %v, %v", res, err)
	} else {
		res.Body.Close()
	}
	// A CPU profile of the running server, on the metrics address only.
	if code, _ := get("/debug/pprof/profile?seconds=1"); code != http.StatusNotFound {
		t.Errorf("/debug/pprof/profile on the public address = %d, want 404", code)
	}
	if res, err := http.Get(m.MetricsURL() + "/debug/pprof/profile?seconds=1"); err != nil {
		t.Errorf("/debug/pprof/profile on --metrics-addr: %v", err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		// A profile is gzip-compressed protocol buffers.
		if res.StatusCode != 200 || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("/debug/pprof/profile on --metrics-addr = %d, %d bytes, not a gzip profile", res.StatusCode, len(b))
		}
	}
	if res, err := http.Get(m.MetricsURL() + "/debug/pprof/goroutine?debug=1"); err != nil {
		t.Errorf("/debug/pprof/goroutine: %v", err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), "goroutine profile") {
			t.Errorf("/debug/pprof/goroutine = %d %.80q", res.StatusCode, b)
		}
	}

	// Sign in with a printed demo account through the real form.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	res, err := client.Get(m.URL() + "/dang-nhap")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var csrf string
	u, _ := url.Parse(m.URL())
	for _, c := range jar.Cookies(u) {
		if c.Name == "danvan_csrf" {
			csrf = c.Value
		}
	}
	admin := m.accounts[0]
	res, err = client.PostForm(m.URL()+"/dang-nhap", url.Values{"csrf": {csrf}, "login": {admin.Login}, "password": {admin.Password}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), admin.Name) {
		t.Errorf("sign-in as %s: status %d, name not on the page", admin.Login, res.StatusCode)
	}
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := m.Shutdown(sctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if _, err := http.Get(m.URL() + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

// TestServeMaintains checks that the maintenance loop runs: a session idle
// past its end is purged without any request touching it.
func TestServeMaintains(t *testing.T) {
	ctx := context.Background()
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	m, err := Start(ctx, ServeConfig{Addr: "127.0.0.1:0", DB: dbURL, Demo: true, MaintainEvery: 20 * time.Millisecond,
		Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		m.Shutdown(sctx)
	}()
	units := org.NewStore(m.db)
	as := auth.NewStore(m.db, units, auth.Config{Password: auth.TestPasswordParams})
	u, err := as.UserByLogin(ctx, auth.System(), m.accounts[0].Login)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := as.StartSession(ctx, u.ID, "127.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	// Idle for nine hours (the idle end is eight).
	old := time.Now().UTC().Add(-9 * time.Hour).Format("2006-01-02T15:04:05.000000Z")
	if _, err := m.db.ExecContext(ctx, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", old, sess.ID); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		var n int
		if err := m.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sessions WHERE id = ?", sess.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the idle session was not purged by the maintenance loop")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
