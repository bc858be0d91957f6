package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
)

func runDemo(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	dbURL := dbFlag(fs)
	scale := fs.String("scale", "small", "quy mô: small hoặc national (size of the demo)")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên; cùng hạt giống cho cùng dữ liệu (random seed)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *scale != "small" && *scale != "national" {
		return usageError{fmt.Sprintf("--scale phải là small hoặc national, không phải %q", *scale)}
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
	progress := func(s demo.Step) {
		fmt.Fprintf(stdout, "  %-24s %s\n", s.Name, s.Took.Round(time.Millisecond))
	}
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: *scale, Seed: *seed}, progress); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo dữ liệu mẫu %s trong %s (demo data generated in %s)\n", *scale, d, time.Since(start).Round(time.Millisecond))
	return nil
}
