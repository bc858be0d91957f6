package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// realDirs hold real articles kept as found, with hand-written gold
// records (testdata/real/README.md). dev is what the rules are developed
// against; locked is scored once, when tuning is over.
var realDirs = map[string]struct{ articles, gold string }{
	"dev":    {"testdata/real/dev/articles", "testdata/real/dev/expected"},
	"locked": {"testdata/real/locked/articles", "testdata/real/locked/expected"},
}

var scalarFields = []string{"event_type", "event_date", "organizer", "level", "period"}

// scoreReal extracts every article of a real set and scores it.
func scoreReal(t *testing.T, set string) (Scores, []goldCase) {
	t.Helper()
	d := realDirs[set]
	cases := loadCases(t, d.articles, d.gold)
	if len(cases) == 0 {
		t.Skipf("no real articles in %s", d.articles)
	}
	total := Scores{}
	for _, c := range cases {
		got, err := Extract(context.Background(), c.doc, Options{Source: c.name, Published: c.published})
		if err != nil {
			t.Fatal(err)
		}
		total.Add(got, c.gold)
		if os.Getenv("EXTRACT_DIFF") != "" {
			realDiff(t, c, got)
		}
	}
	return total, cases
}

// realDiff logs the fields of one article that differ from its gold
// record (EXTRACT_DIFF=1, development set only).
func realDiff(t *testing.T, c goldCase, got Record) {
	s := Scores{}
	s.Add(got, c.gold)
	var b strings.Builder
	for _, f := range []string{"event_type", "event_date", "organizer", "level", "period", "chairs", "attendees", "figures", "tasks"} {
		if s[f].Exact == s[f].Total {
			continue
		}
		g, w := show(got, f), show(c.gold, f)
		if f == "tasks" {
			g, w = strings.Join(got.Tasks, "\n      | "), strings.Join(c.gold.Tasks, "\n      | ")
		}
		fmt.Fprintf(&b, "  %s:\n    got  %s\n    want %s\n", f, g, w)
	}
	if b.Len() > 0 {
		t.Logf("%s\n%s  warnings: %q", c.name, b.String(), got.Warnings)
	}
}

// scalarShare is the share of scalar fields exactly right.
func scalarShare(s Scores) float64 {
	right, total := 0, 0
	for _, f := range scalarFields {
		right += s[f].Exact
		total += s[f].Total
	}
	return float64(right) / float64(total)
}

func reportReal(t *testing.T, set string, s Scores, n int) {
	var b strings.Builder
	_ = s.Write(&b)
	fmt.Fprintf(&b, "scalars right: %.3f", scalarShare(s))
	for _, f := range scalarFields {
		fmt.Fprintf(&b, "  %s %d/%d", f, s[f].Exact, s[f].Total)
	}
	t.Logf("real %s (%d articles)\n%s", set, n, b.String())
}

// TestRealDev scores the development set of real articles.
func TestRealDev(t *testing.T) {
	s, cases := scoreReal(t, "dev")
	reportReal(t, "dev", s, len(cases))
}

// TestRealLocked scores the locked set. It runs only when asked
// (EXTRACT_LOCKED=1): the set is scored once, after tuning.
func TestRealLocked(t *testing.T) {
	if os.Getenv("EXTRACT_LOCKED") == "" {
		t.Skip("the locked set is scored once, after tuning: set EXTRACT_LOCKED=1")
	}
	s, cases := scoreReal(t, "locked")
	reportReal(t, "locked", s, len(cases))
}

// TestExtractFile prints the record of one file (EXTRACT_FILE=path), for
// reading the rules' output while developing them on the dev set.
func TestExtractFile(t *testing.T) {
	path := os.Getenv("EXTRACT_FILE")
	if path == "" {
		t.Skip("set EXTRACT_FILE to print one file's record")
	}
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Extract(context.Background(), doc, Options{Source: path})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(got, "", "  ")
	t.Logf("%s", out)
}
