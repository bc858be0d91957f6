package main

import (
	"context"
	"fmt"
	"io"

	"github.com/danvan/danvan/internal/db"
)

func runMigrate(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", stderr)
	dbURL := dbFlag(fs)
	status := fs.Bool("status", false, "chỉ in trạng thái, không cập nhật (print status only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	if *status {
		st, err := d.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		for _, s := range st {
			mark := "chưa áp dụng (pending)"
			if s.Applied {
				mark = "đã áp dụng (applied)"
			}
			fmt.Fprintf(stdout, "%05d  %-40s %s\n", s.Version, s.Name, mark)
		}
		return nil
	}
	n, err := d.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã áp dụng %d bản cập nhật cấu trúc cho %s (applied %d migrations)\n", n, d, n)
	return nil
}
