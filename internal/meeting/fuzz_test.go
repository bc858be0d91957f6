package meeting_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/meeting"
)

// FuzzDraftFrom feeds any document through the extractor into a draft
// conference: no panic, the draft keeps the extractor's text as its source,
// every proposed task is due with a valid period, and the source hash
// ignores spacing.
func FuzzDraftFrom(f *testing.F) {
	names, _ := fs.Glob(meeting.Samples, "samples/*.txt")
	for _, n := range names {
		b, _ := meeting.Samples.ReadFile(n)
		f.Add(b)
	}
	f.Add([]byte("Sáng 10/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết năm 2017. Chủ trì: đồng chí A - Bí thư."))
	f.Fuzz(func(t *testing.T, doc []byte) {
		rec, err := extract.Extract(context.Background(), doc, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := meeting.DraftFrom(rec)
		if d.SourceText != rec.Text || len(d.Tasks) != len(rec.Tasks) {
			t.Fatalf("draft lost text or tasks")
		}
		for _, task := range d.Tasks {
			if task.Period != "" && meeting.NextPeriod(task.Period) == "" {
				t.Fatalf("task period %q is not a period", task.Period)
			}
		}
		if h := meeting.SourceHash(rec.Text); h != meeting.SourceHash("  "+strings.ReplaceAll(rec.Text, " ", "\n ")+"\n") {
			t.Fatalf("hash depends on spacing")
		}
	})
}
