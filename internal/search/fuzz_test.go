package search_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/vntext"
)

// FuzzHighlight: the segments of any text give the text back, a marked
// segment is always a word of the query, and a snippet is valid text no
// longer than asked (and its ellipses).
func FuzzHighlight(f *testing.F) {
	f.Add("Hội nghị <b>hòa giải</b> ở cơ sở thôn 3", "hoa giai")
	f.Add("Uỷ ban MTTQ\u00a0xã Đại Tâm", "BDV uy ban")
	f.Add("u\u0309y ban nhân dân", "ủy")
	f.Add("\xff\xfe hỏa", "hoa")
	f.Fuzz(func(t *testing.T, text, query string) {
		words := search.Words(vntext.Fold(query))
		segs := search.Highlight(text, words)
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
			if s.Match {
				for _, w := range search.Words(vntext.Fold(s.Text)) {
					found := false
					for _, q := range words {
						found = found || q == w
					}
					if !found {
						t.Fatalf("marked %q, not a word of %q", s.Text, query)
					}
				}
			}
		}
		if b.String() != text {
			t.Fatalf("segments give %q, not %q", b.String(), text)
		}
		snip := search.Snippet(text, words, 40)
		if utf8.ValidString(text) && !utf8.ValidString(snip) {
			t.Fatalf("snippet %q is not valid text", snip)
		}
		if n := utf8.RuneCountInString(snip); n > 42 {
			t.Fatalf("snippet of %d runes", n)
		}
	})
}
