package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// TestFaultDrill is the fault drill: it builds danvan and kills it with
// SIGKILL in the middle of an import (the demo loader), while a client
// saves a report again and again through the API, and while the server
// takes a scheduled backup. After each kill `danvan check` must find the
// database whole, every save the server acknowledged must be there, and
// an unfinished backup must not count as one. It prints what it saw.
func TestFaultDrill(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault drill builds the binary and runs several servers: not in -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "danvan")
	start := time.Now()
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built danvan in %s", time.Since(start).Round(time.Millisecond))
	dbURL := "sqlite:" + filepath.Join(dir, "drill.db")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("danvan %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	check := func(when string) {
		t.Helper()
		out := run("check", "--db", dbURL)
		if !strings.Contains(out, "Không thấy lỗi") {
			t.Fatalf("check after %s:\n%s", when, out)
		}
		t.Logf("danvan check after %s: no problems", when)
	}
	if _, err := exec.Command(bin, "migrate", "--db", dbURL).CombinedOutput(); err != nil {
		t.Fatal(err)
	}

	// 1. An import killed half-way leaves nothing of itself.
	// It is killed as soon as it reports its first step (the units) done:
	// well inside its one transaction, before the reports are loaded.
	demo := exec.Command(bin, "demo", "--db", dbURL)
	pipe, err := demo.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Start(); err != nil {
		t.Fatal(err)
	}
	var demoOut strings.Builder
	lines := bufio.NewScanner(pipe)
	for lines.Scan() {
		demoOut.WriteString(lines.Text() + "\n")
		if strings.Contains(lines.Text(), "(units)") {
			demo.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	io.Copy(&demoOut, pipe)
	demo.Wait()
	finished := strings.Contains(demoOut.String(), "Đã tạo dữ liệu mẫu")
	check("killing the import")
	units := count(t, dbURL, "units")
	reports := count(t, dbURL, "reports")
	t.Logf("after the killed import: %d units, %d reports (finished before the kill: %v)", units, reports, finished)
	if !finished && (units != 0 || reports != 0) {
		t.Fatalf("the killed import left %d units and %d reports behind: it was not undone whole", units, reports)
	}
	if !finished {
		run("demo", "--db", dbURL)
	}

	// 2. Saves acknowledged before a kill are kept.
	backups := filepath.Join(dir, "backups")
	srv := startServer(t, bin, dbURL, "--demo", "--api-limit", "1000000") // the drill saves as fast as it can
	token, unitID := officerToken(t, dbURL)
	form, period, version := firstDraft(t, srv, dbURL, token, unitID)
	acked, sent := 0, 0
	stop := time.Now().Add(2 * time.Second)
	var reportID int64
	for n := 1; ; n++ {
		if time.Now().After(stop) {
			srv.kill(t)
		}
		sent++
		status, body := api(srv.url, token, "POST", "/api/v1/reports/draft", map[string]any{"unit_id": unitID, "form": form, "period": period,
			"version": version, "narrative": map[string]string{"results": fmt.Sprintf("lần %d", n)}})
		if status == 0 {
			break // the server is gone
		}
		if status != http.StatusOK {
			t.Fatalf("draft %d: %d %v", n, status, body)
		}
		acked = n
		version = int64(body["version"].(float64))
		reportID = int64(body["id"].(float64))
	}
	t.Logf("saves sent: %d, acknowledged before the kill: %d", sent, acked)
	check("killing the server during report saves")
	srv = startServer(t, bin, dbURL, "--backup-dir", backups, "--backup-every", "2s", "--backup-keep", "3")
	status, body := api(srv.url, token, "GET", fmt.Sprintf("/api/v1/reports/%d", reportID), nil)
	narrative, _ := body["narrative"].(map[string]any)
	var kept int
	fmt.Sscanf(fmt.Sprint(narrative["results"]), "lần %d", &kept)
	if status != http.StatusOK || kept < acked || kept > acked+1 {
		t.Fatalf("after the restart the report holds save %d (HTTP %d), the server acknowledged %d", kept, status, acked)
	}
	t.Logf("after the restart the report holds save %d", kept)

	// 3. A backup killed half-way is not taken for a backup.
	deadline := time.Now().Add(60 * time.Second)
	var partial string
	for partial == "" && time.Now().Before(deadline) {
		ps, _ := filepath.Glob(filepath.Join(backups, "*.partial"))
		if len(ps) > 0 {
			partial = ps[0]
			// Kill it once it has written something, if it does so soon.
			for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
				if info, err := os.Stat(partial); err != nil || info.Size() > 0 {
					break
				}
			}
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if partial == "" {
		t.Fatal("no backup started within a minute")
	}
	srv.kill(t)
	info, _ := os.Stat(partial)
	var size int64
	if info != nil {
		size = info.Size()
	}
	t.Logf("killed during the backup %s (%d bytes written)", filepath.Base(partial), size)
	check("killing the server during a backup")
	if _, err := backup.Verify(partial); err == nil {
		t.Error("the unfinished archive verifies")
	}
	srv = startServer(t, bin, dbURL)
	detail := get(t, srv.url+"/readyz?verbose")
	if strings.Contains(detail, ".partial") {
		t.Errorf("/readyz?verbose names the unfinished archive:\n%s", detail)
	}
	archives, _ := filepath.Glob(filepath.Join(backups, "danvan-*.tar.gz"))
	for _, a := range archives {
		if _, err := backup.Verify(a); err != nil {
			t.Errorf("a finished archive does not verify: %v", err)
		}
	}
	t.Logf("finished archives: %d, all verified; %s", len(archives), strings.TrimSpace(grepLines(detail, "last good backup")))
	srv.kill(t)
	check("the drill")
}

type drillServer struct {
	cmd *exec.Cmd
	url string
}

// startServer starts danvan serve on a free port and waits until it is
// ready.
func startServer(t *testing.T, bin, dbURL string, args ...string) *drillServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, append([]string{"serve", "--db", dbURL, "--addr", addr}, args...)...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &logs
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &drillServer{cmd: cmd, url: "http://" + addr}
	t.Cleanup(func() { s.cmd.Process.Kill(); s.cmd.Wait() })
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				t.Logf("server up in %s", time.Since(started).Round(time.Millisecond))
				return s
			}
		}
	}
	t.Fatalf("the server did not start:\n%s", logs.String())
	return nil
}

func (s *drillServer) kill(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
}

// officerToken makes an API token for the demo's commune officer.
func officerToken(t *testing.T, dbURL string) (string, int64) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	a := auth.NewStore(d, org.NewStore(d), auth.Config{})
	var uid, unit int64
	if err := d.QueryRowContext(ctx, `SELECT u.id, g.unit_id FROM users u JOIN grants g ON g.user_id = u.id
		WHERE u.login = 'demo.officer'`).Scan(&uid, &unit); err != nil {
		t.Fatal(err)
	}
	_, secret, err := a.CreateToken(ctx, auth.System(), uid, "drill")
	if err != nil {
		t.Fatal(err)
	}
	return secret, unit
}

// firstDraft finds a form and a period the officer may draft a report
// for and saves the first draft.
func firstDraft(t *testing.T, s *drillServer, dbURL, token string, unitID int64) (string, string, int64) {
	t.Helper()
	var codes []string
	d, err := db.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := d.QueryContext(context.Background(), `SELECT code FROM report_forms ORDER BY code`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c)
	}
	rows.Close()
	d.Close()
	for _, code := range codes {
		for _, per := range []string{"2026S2", "2026", "2026Q4", "202611", "2026S1", "2025S2", "2025"} {
			status, body := api(s.url, token, "POST", "/api/v1/reports/draft", map[string]any{"unit_id": unitID, "form": code, "period": per, "version": 0,
				"narrative": map[string]string{"results": "lần 0"}})
			if status == http.StatusOK {
				return code, per, int64(body["version"].(float64))
			}
		}
	}
	t.Fatalf("no form and period the officer can draft (forms %v)", codes)
	return "", "", 0
}

// api calls the API; status 0 means the server did not answer.
func api(base, token, method, path string, in any) (int, map[string]any) {
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, base+path, body)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(bufio.NewReader(res.Body)).Decode(&out)
	return res.StatusCode, out
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func count(t *testing.T, dbURL, table string) int {
	t.Helper()
	d, err := db.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
