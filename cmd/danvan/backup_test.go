package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/integrity"
)

// TestBackupRestoreCheckCommands runs the three commands as an operator
// would: a backup of the demo with a stored file, a check, a restore into
// a new database (SQLite, and PostgreSQL when there is one), the check of
// the restored copy, and a check that finds a file gone.
func TestBackupRestoreCheckCommands(t *testing.T) {
	dir := t.TempDir()
	src := "sqlite:" + filepath.Join(dir, "src.db")
	files := filepath.Join(dir, "src-files")
	if _, _, err := runCmd(t, "demo", "--db", src); err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	// A stored evidence file, named by a row.
	if err := os.MkdirAll(filepath.Join(files, "practice", "1"), 0o750); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(files, "practice", "1", "a.jpg"), []byte("ảnh"), 0o640)
	_, err = d.ExecContext(context.Background(), `INSERT INTO practice_files (practice_id, state, name, content_type, size, blob_key, created_at)
		SELECT id, 'ready', 'a.jpg', 'image/jpeg', 6, 'practice/1/a.jpg', '2026-01-01T00:00:00.000000Z' FROM practices ORDER BY id LIMIT 1`)
	d.Close()
	if err != nil {
		t.Fatal(err)
	}

	out, _, err := runCmd(t, "check", "--db", src, "--files", files)
	if err != nil || !strings.Contains(out, "files") || !strings.Contains(out, "Không thấy lỗi") {
		t.Fatalf("check of the source: %v\n%s", err, out)
	}
	out, _, err = runCmd(t, "backup", "--db", src, "--files", files, "--to", filepath.Join(dir, "bk")+"/")
	if err != nil || !strings.Contains(out, "Đã sao lưu") {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	archives, _ := filepath.Glob(filepath.Join(dir, "bk", "danvan-*.tar.gz"))
	if len(archives) != 1 {
		t.Fatalf("archives: %v", archives)
	}
	out, _, err = runCmd(t, "restore", "--verify", archives[0])
	if err != nil || !strings.Contains(out, "nguyên vẹn") {
		t.Fatalf("restore --verify: %v\n%s", err, out)
	}
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			url := dbtest.URL(t, kind)
			dstFiles := t.TempDir()
			// The archive first, the flags after it.
			out, _, err := runCmd(t, "restore", archives[0], "--db", url, "--files", dstFiles)
			if err != nil || !strings.Contains(out, "Đã khôi phục") || !strings.Contains(out, "units") {
				t.Fatalf("restore: %v\n%s", err, out)
			}
			out, _, err = runCmd(t, "check", "--db", url, "--files", dstFiles)
			if err != nil {
				t.Fatalf("check of the restored copy: %v\n%s", err, out)
			}
			// A second restore into the same database is refused.
			_, _, err = runCmd(t, "restore", archives[0], "--db", url, "--files", dstFiles)
			if err == nil || !strings.Contains(errorLine(err), "đã có dữ liệu") {
				t.Errorf("a restore over data: %v", err)
			}
			// A file gone is found.
			os.Remove(filepath.Join(dstFiles, "practice", "1", "a.jpg"))
			out, _, err = runCmd(t, "check", "--db", url, "--files", dstFiles)
			if !errors.Is(err, integrity.ErrProblems) || !strings.Contains(out, "practice/1/a.jpg") || exitCode(err) != 1 {
				t.Errorf("check with a file gone: %v\n%s", err, out)
			}
		})
	}
	_, _, err = runCmd(t, "backup", "--db", src)
	if exitCode(err) != 2 {
		t.Errorf("backup without --to: %v", err)
	}
}

// TestCheckVerifiesTheAuditChain: danvan check walks the audit log's hash
// chain and names the row where someone changed it.
func TestCheckVerifiesTheAuditChain(t *testing.T) {
	ctx := context.Background()
	url := "sqlite:" + filepath.Join(t.TempDir(), "a.db")
	if _, _, err := runCmd(t, "migrate", "--db", url); err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i := range 3 {
		if err := d.WithTx(ctx, func(tx *db.Tx) error {
			return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "drill", EntityID: int64(i + 1), After: map[string]int{"n": i}})
		}); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := runCmd(t, "check", "--db", url)
	if err != nil || !strings.Contains(out, "audit") || strings.Contains(out, "no hash chain") {
		t.Fatalf("check of a whole chain: %v\n%s", err, out)
	}
	if _, err := d.ExecContext(ctx, `UPDATE audit_log SET action = 'delete' WHERE entity = 'drill' AND entity_id = 2`); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd(t, "check", "--db", url)
	if !errors.Is(err, integrity.ErrProblems) || !strings.Contains(out, "audit_log row") {
		t.Errorf("check of a changed chain: %v\n%s", err, out)
	}
}
