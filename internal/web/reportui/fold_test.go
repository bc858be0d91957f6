package reportui

import (
	"testing"

	"github.com/danvan/danvan/internal/report"
)

// TestGroupsFoldLongForms: a long form (the province's 46 fields) opens on
// its first section only, with each section's count of filled rows; a
// section holding an error opens; a short form shows every section open.
func TestGroupsFoldLongForms(t *testing.T) {
	rows := func(n int) []entryRow {
		var out []entryRow
		for i := range n {
			field := "general"
			if i >= n/2 {
				field = "economy"
			}
			r := entryRow{Indicator: report.Indicator{Field: field}}
			if i%2 == 0 {
				r.Value = "1"
			}
			out = append(out, r)
		}
		return out
	}
	long := entryView{Rows: rows(foldAbove + 2)}
	g := long.Groups()
	if len(g) != 2 || !g[0].Open || g[1].Open || g[0].Field != "general" || g[0].Filled != (foldAbove+2)/4+1 {
		t.Fatalf("long form: %+v", g)
	}
	long.Rows[len(long.Rows)-1].Error = "Không phải là số"
	if g := long.Groups(); !g[1].Open {
		t.Error("a section with an error stays folded")
	}
	if g := (entryView{Rows: rows(4)}).Groups(); !g[0].Open || !g[1].Open {
		t.Error("a short form folds")
	}
}
