package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"time"

	"github.com/danvan/danvan/internal/cputime"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
)

func runDemo(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	dbURL := dbFlag(fs)
	scale := fs.String("scale", "small", "quy mô: small hoặc national (size of the demo)")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên; cùng hạt giống cho cùng dữ liệu (random seed)")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU vào tệp này (write a CPU profile to this file)")
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
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return fmt.Errorf("demo: cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("demo: cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	start, cpu := time.Now(), cputime.Used()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	progress := func(s demo.Step) {
		fmt.Fprintf(stdout, "  %-24s %s\n", s.Name, s.Took.Round(time.Millisecond))
		log.Info("demo step", slog.String("step", s.Name), slog.Int64("rows", s.Rows),
			slog.Duration("wall", s.Took.Round(time.Millisecond)), slog.Duration("cpu", s.CPU.Round(time.Millisecond)))
	}
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: *scale, Seed: *seed}, progress); err != nil {
		return err
	}
	took := time.Since(start).Round(time.Millisecond)
	log.Info("demo done", slog.String("scale", *scale), slog.Duration("wall", took),
		slog.Duration("cpu", (cputime.Used()-cpu).Round(time.Millisecond)), slog.String("load", cputime.Load()))
	fmt.Fprintf(stdout, "Đã tạo dữ liệu mẫu %s trong %s (demo data generated in %s)\n", *scale, d, took)
	return nil
}
