package extract

import (
	"context"
	"testing"
)

// BenchmarkExtract runs Extract over the shared samples and reports
// articles per second and bytes allocated per article.
func BenchmarkExtract(b *testing.B) {
	cases := loadCases(b, sampleDirs[0].articles, sampleDirs[0].gold)
	if len(cases) == 0 {
		b.Skip("no samples")
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		c := cases[n%len(cases)]
		if _, err := Extract(ctx, c.doc, Options{Source: c.name}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
