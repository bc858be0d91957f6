package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/vntext"
)

// snippetRunes is about how much of a record's text a hit shows.
const snippetRunes = 180

// Segment is a piece of displayed text; Match marks a word the query found.
type Segment struct {
	Text  string
	Match bool
}

// Highlight splits text as written into segments, marking each word whose
// folded form is one of words (folded, as Result.Words). The segments'
// texts joined give text back; the page escapes them as it prints them.
func Highlight(text string, words []string) []Segment {
	if len(words) == 0 || text == "" {
		return []Segment{{Text: text}}
	}
	var out []Segment
	add := func(s string, m bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Match == m {
			out[n-1].Text += s
			return
		}
		out = append(out, Segment{Text: s, Match: m})
	}
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		add(w, slices.Contains(words, vntext.Fold(w)))
		start = -1
	}
	for i, r := range text {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		_, size := utf8.DecodeRuneInString(text[i:])
		add(text[i:i+size], false)
	}
	flush(len(text))
	return out
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Snippet returns about n runes of text around its first word found in
// words (the start of text when none is), with "…" where it was cut.
func Snippet(text string, words []string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	first := 0
	pos := 0
	for _, seg := range Highlight(text, words) {
		if seg.Match {
			first = pos
			break
		}
		pos += len([]rune(seg.Text))
	}
	lo := max(first-n/3, 0)
	hi := min(lo+n, len(r))
	lo = max(hi-n, 0)
	// Cut at spaces.
	for lo > 0 && lo < first && r[lo-1] != ' ' {
		lo++
	}
	for hi < len(r) && hi > lo && r[hi-1] != ' ' {
		hi--
	}
	out := strings.TrimSpace(string(r[lo:hi]))
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(r) {
		out += "…"
	}
	return out
}

// Trigrams returns the trigrams of folded text as pg_trgm counts them:
// each word of letters and digits padded with two spaces before and one
// after.
func Trigrams(folded string) map[string]bool {
	out := map[string]bool{}
	for _, w := range Words(folded) {
		r := []rune("  " + w + " ")
		for i := 0; i+3 <= len(r); i++ {
			out[string(r[i:i+3])] = true
		}
	}
	return out
}

// Similarity is pg_trgm's similarity of two trigram sets: shared over
// the union.
func Similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for g := range a {
		if b[g] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
