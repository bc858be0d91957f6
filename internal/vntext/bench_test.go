package vntext

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// benchArticle returns a sample conference article: the first of the
// shared samples when this checkout sits beside them, else the seed lines.
func benchArticle(b *testing.B) string {
	b.Helper()
	if data, err := os.ReadFile("../../../shared/samples/articles/001_d5bbc8cf4fbe1b76.txt"); err == nil {
		return string(data)
	}
	return strings.Join(seedLines, "\n")
}

func BenchmarkNormalize(b *testing.B) {
	s := benchArticle(b)
	b.Run("NFC", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			Normalize(s)
		}
	})
	d := norm.NFD.String(strings.ReplaceAll(s, "ủy", "uỷ"))
	b.Run("NFD", func(b *testing.B) {
		b.SetBytes(int64(len(d)))
		b.ReportAllocs()
		for b.Loop() {
			Normalize(d)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	s := benchArticle(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkFindNumbers(b *testing.B) {
	s := Normalize(benchArticle(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		FindNumbers(s)
	}
}

func BenchmarkFindDates(b *testing.B) {
	s := Normalize(benchArticle(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		FindDates(s)
	}
}

func BenchmarkCompare(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Compare("Ban Dân vận Huyện ủy Quế Sơn", "Ban Dân vận Huyện ủy Đại Lộc")
	}
}
