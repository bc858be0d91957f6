package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
)

// TestServeTakesScheduledBackups starts a server with a backup schedule
// and waits for its first archive, then reads its time on /readyz?verbose
// and in /metrics.
func TestServeTakesScheduledBackups(t *testing.T) {
	dir := t.TempDir()
	m, err := Start(context.Background(), ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(dir, "s.db"), Demo: true,
		Auth: auth.Config{Password: auth.TestPasswordParams}, MetricsAddr: "127.0.0.1:0",
		Backup: backup.Schedule{Dir: filepath.Join(dir, "backups"), Every: time.Hour, Keep: 3}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown(context.Background())
	get := func(url string) string {
		t.Helper()
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	var body string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if body = get(m.URL() + "/readyz?verbose"); !strings.Contains(body, "last good backup: none") {
			break
		}
	}
	if !regexp.MustCompile(`(?m)^last good backup: 20\d\d-`).MatchString(body) || !strings.HasPrefix(body, "ok\n") || !strings.Contains(body, "schema: ") {
		t.Fatalf("/readyz?verbose:\n%s", body)
	}
	if plain := get(m.URL() + "/readyz"); plain != "ok\n" {
		t.Errorf("/readyz without verbose: %q", plain)
	}
	metrics := get(m.MetricsURL() + "/metrics")
	if !regexp.MustCompile(`(?m)^danvan_backup_last_success_timestamp_seconds [1-9]`).MatchString(metrics) ||
		!strings.Contains(metrics, "danvan_backup_last_run_failed 0") {
		t.Errorf("/metrics lacks the backup's time:\n%s", grepLines(metrics, "danvan_backup"))
	}
	archives, _ := filepath.Glob(filepath.Join(dir, "backups", "danvan-*.tar.gz"))
	if len(archives) != 1 {
		t.Fatalf("archives: %v", archives)
	}
	if _, err := backup.Verify(archives[0]); err != nil {
		t.Error(err)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestRemindersCommand sets the deployment's reminder schedule from the
// command line and reads it back; a bad hour is refused and changes
// nothing.
func TestRemindersCommand(t *testing.T) {
	url := "sqlite:" + filepath.Join(t.TempDir(), "r.db")
	if _, _, err := runCmd(t, "migrate", "--db", url); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "reminders", "--db", url, "--hour", "8", "--report-offset", "-3")
	if err != nil || !strings.Contains(out, "giờ gửi (hour, Asia/Ho_Chi_Minh): 8:00") || !strings.Contains(out, "-3 ngày sau ngày cuối kỳ") {
		t.Fatalf("reminders --hour 8: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, "reminders", "--db", url, "--hour", "24"); err == nil {
		t.Error("hour 24 was accepted")
	}
	out, _, err = runCmd(t, "reminders", "--db", url)
	if err != nil || !strings.Contains(out, "8:00") || !strings.Contains(out, "Thư hôm nay (today's digests): 0 đã gửi") {
		t.Errorf("reminders: %v\n%s", err, out)
	}
}
