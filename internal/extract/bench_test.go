package extract

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/cputime"
)

// benchCases runs Extract over cases and reports articles per second of
// wall time and per second of CPU time (the per-core rate, which a loaded
// machine does not distort the way it distorts wall time).
func benchCases(b *testing.B, cases []goldCase) {
	if len(cases) == 0 {
		b.Skip("no articles")
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	n := 0
	for b.Loop() {
		c := cases[n%len(cases)]
		if _, err := Extract(ctx, c.doc, Options{Source: c.name}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu := cputime.Used() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
	b.Logf("load average %s", cputime.Load())
}

// BenchmarkExtract runs Extract over the shared samples.
func BenchmarkExtract(b *testing.B) {
	benchCases(b, loadCases(b, sampleDirs[0].articles, sampleDirs[0].gold))
}

// BenchmarkExtractAll runs Extract over every test input: the samples,
// the written test articles and the real development articles.
func BenchmarkExtractAll(b *testing.B) {
	var cases []goldCase
	for _, d := range sampleDirs {
		cases = append(cases, loadCases(b, d.articles, d.gold)...)
	}
	cases = append(cases, loadCases(b, realDirs["dev"].articles, realDirs["dev"].gold)...)
	benchCases(b, cases)
}
