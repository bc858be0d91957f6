package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/search"
)

// runReindex rebuilds the search index from the records, in one
// transaction (after an upgrade that changed what is indexed, or a bulk
// load that went around the triggers).
func runReindex(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("reindex", stderr)
	dbURL := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	start := time.Now()
	idx := search.NewStore(d, auth.NewStore(d, org.NewStore(d), auth.Config{}))
	n, err := idx.Reindex(ctx, auth.System())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã dựng lại chỉ mục tìm kiếm: %d mục trong %s (search index rebuilt: %d entries)\n", n, time.Since(start).Round(time.Millisecond), n)
	return nil
}
