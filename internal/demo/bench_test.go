package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

// BenchmarkGenerateNational times the national demo's hierarchy
// (Generate alone, with the search index's triggers at work, which
// GenerateAll puts off to its last step) into a fresh database of each
// kind, and prints wall time, this process's CPU time and, on
// PostgreSQL, the server's (a lower bound, see dbtest.ServerCPU). Run it
// with -benchtime=1x: one hierarchy takes tens of seconds.
func BenchmarkGenerateNational(b *testing.B) {
	for _, kind := range dbtest.Kinds() {
		b.Run(kind, func(b *testing.B) {
			ctx := context.Background()
			var wall, client, server time.Duration
			for range b.N {
				b.StopTimer()
				d := dbtest.Open(b, kind)
				s0 := dbtest.ServerCPU(ctx, d)
				t0, c0 := time.Now(), cputime.Used()
				b.StartTimer()
				if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				wall += time.Since(t0)
				client += cputime.Used() - c0
				if d.Dialect() == db.Postgres {
					server += dbtest.ServerCPU(ctx, d) - s0
				}
			}
			n := time.Duration(b.N)
			b.ReportMetric((wall / n).Seconds(), "wall-s/op")
			b.ReportMetric((client / n).Seconds(), "client-cpu-s/op")
			if kind == "postgres" {
				b.ReportMetric((server / n).Seconds(), "server-cpu-s/op")
			}
		})
	}
}
