package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
)

// TestReindex: the command rebuilds the index of a demo database whose
// entries were lost, and the rebuilt index has one entry per record.
func TestReindex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if _, _, err := runCmd(t, "demo", "--db", "sqlite:"+path); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	count := func() (n int) {
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM search_entries").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	want := count()
	if want == 0 {
		t.Fatal("the demo wrote no index entries")
	}
	if _, err := d.ExecContext(ctx, "DELETE FROM search_entries"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "reindex", "--db", "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if got := count(); got != want || !strings.Contains(out, "search index rebuilt") {
		t.Errorf("reindex: %d entries (%q), want %d", got, out, want)
	}
}
