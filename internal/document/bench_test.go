package document

import (
	"bytes"
	"testing"
)

// BenchmarkPDFSample and BenchmarkDOCXSample write the sample review
// report (three pages, a figure table).
func BenchmarkPDFSample(b *testing.B) {
	d := sampleReport()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePDF(&buf, d, DefaultSettings()); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkDOCXSample(b *testing.B) {
	d := sampleReport()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteDOCX(&buf, d, DefaultSettings()); err != nil {
			b.Fatal(err)
		}
	}
}
