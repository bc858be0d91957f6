package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/db"
)

// Step is one part of GenerateAll, reported as it finishes.
type Step struct {
	Name string
	Took time.Duration
}

// GenerateAll fills an empty, migrated database with the whole demo: the
// hierarchy (Generate), then reports, "Dân vận khéo" models and
// conferences with their key tasks. progress, when not nil, is called
// after each step. Each step commits on its own; a failure stops there
// and says which step failed.
func GenerateAll(ctx context.Context, d *db.DB, opts Options, progress func(Step)) error {
	steps := []struct {
		name string
		run  func() error
	}{
		{"đơn vị (units)", func() error { return Generate(ctx, d, opts) }},
		{"báo cáo (reports)", func() error { return GenerateReports(ctx, d, opts) }},
		{"mô hình (models)", func() error { return GeneratePractices(ctx, d, opts, nil) }},
		{"hội nghị (conferences)", func() error { return GenerateMeetings(ctx, d, opts) }},
	}
	for _, s := range steps {
		start := time.Now()
		if err := s.run(); err != nil {
			return fmt.Errorf("demo: %s: %w", s.name, err)
		}
		if progress != nil {
			progress(Step{Name: s.name, Took: time.Since(start)})
		}
	}
	return nil
}
