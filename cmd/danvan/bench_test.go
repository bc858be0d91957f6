package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
)

// TestLoadDrill runs danvan bench load for a few seconds against a
// server on the small demo, as each demo role (a commune officer and a
// province leader), and prints its figures: every request must succeed.
func TestLoadDrill(t *testing.T) {
	dir := t.TempDir()
	m, err := Start(context.Background(), ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(dir, "load.db"), Demo: true,
		Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown(context.Background())
	d := "3s"
	if testing.Short() {
		d = "1s"
	}
	for _, a := range m.accounts {
		if a.Role != auth.RoleOfficer && a.Role != auth.RoleLeader {
			continue
		}
		start := time.Now()
		out, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--login", a.Login, "--password", a.Password, "--c", "20", "--d", d)
		t.Logf("%s (%s), %s:\n%s", a.Login, a.Role, time.Since(start).Round(time.Millisecond), out)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`yêu cầu \(requests\): [1-9]\d* trong \(in\) [\d.]+s = [\d.]+/s; lỗi \(errors\): 0\n`).MatchString(out) ||
			!strings.Contains(out, "p95") || !strings.Contains(out, "/nhac-viec") {
			t.Errorf("figures missing")
		}
	}
	if _, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--login", "khong-co", "--password", "x", "--d", "1s"); err == nil ||
		!strings.Contains(err.Error(), "sign in as khong-co") {
		t.Errorf("a wrong account: %v", err)
	}
}
