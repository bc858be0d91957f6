package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

func TestAuditVerifyCommand(t *testing.T) {
	ctx := context.Background()
	url := "sqlite:" + filepath.Join(t.TempDir(), "audit.db")
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := d.WithTx(ctx, func(tx *db.Tx) error {
			return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "unit", EntityID: int64(i + 1)})
		}); err != nil {
			t.Fatal(err)
		}
	}
	verify := func() (string, error) {
		var out, errOut bytes.Buffer
		err := run(ctx, []string{"audit", "verify", "--db", url}, strings.NewReader(""), &out, &errOut)
		return out.String(), err
	}
	if out, err := verify(); err != nil || !strings.Contains(out, "nguyên vẹn: 3 dòng") {
		t.Fatalf("a whole log: %q, %v", out, err)
	}
	if _, err := d.ExecContext(ctx, "UPDATE audit_log SET actor = 'ai đó' WHERE id = 2"); err != nil {
		t.Fatal(err)
	}
	_, err = verify()
	if err == nil || !strings.Contains(err.Error(), "dòng 2 không khớp") || exitCode(err) != 1 {
		t.Errorf("an altered log: %v (exit %d)", err, exitCode(err))
	}
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"audit"}, strings.NewReader(""), &out, &errOut); exitCode(err) != 2 {
		t.Errorf("no verb: %v (exit %d)", err, exitCode(err))
	}
}
