package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// errChainBroken is returned when the audit log's chain does not hold.
var errChainBroken = errors.New("audit: chain broken")

// runAudit is "danvan audit verify": it walks the audit log's hash chain
// and names the first row that does not follow (exit status 1), or says
// how many rows it checked.
func runAudit(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return usageError{"dùng: danvan audit verify [--db URL] (usage: danvan audit verify)"}
	}
	fs := newFlags("audit verify", stderr)
	dbURL := dbFlag(fs)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	v, err := audit.Verify(ctx, d)
	if err != nil {
		return err
	}
	if !v.OK() {
		return fmt.Errorf("nhật ký thao tác bị sửa: dòng %d không khớp chuỗi băm (the audit log was altered: row %d breaks the hash chain): %w",
			v.BrokenAt, v.BrokenAt, errChainBroken)
	}
	fmt.Fprintf(stdout, "Nhật ký thao tác nguyên vẹn: %d dòng, %d dòng có trước chuỗi băm (the audit log is whole: %d rows, %d from before the chain)\n",
		v.Rows, v.Unhashed, v.Rows, v.Unhashed)
	return nil
}
