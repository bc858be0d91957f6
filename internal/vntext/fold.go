package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key of s: every mark removed (tones, hats, horns
// and other combining marks), đ, Đ and Ð as d, lower case, invisible
// formatting characters (zero-width spaces, soft hyphens, BOM) dropped, and
// every run of white space (including no-break spaces and line ends) turned
// into one space, trimmed at both ends. Punctuation is kept. The key is in
// NFD without marks, so letters of other scripts stay decomposed.
//
// Fold gives the same key whatever spelling Normalize would fix, so
// Fold(Normalize(s)) == Fold(s): "Uỷ Ban", "ủy ban" and "UY BAN" all fold
// to "uy ban", and "Dân vận khéo" to "dan van kheo".
func Fold(s string) string {
	if out, ok := foldFast(s); ok {
		return out
	}
	return foldSlow(s)
}

// foldEntry is what one rune folds to: nothing, a space, or text.
type foldEntry struct {
	kind uint8
	text string
}

const (
	foldUnknown = iota // not in the table: take the slow path
	foldDrop
	foldSpace
	foldText
)

// foldLo, foldHi and foldPunct hold the folding of the runes below
// U+0370, of Latin Extended Additional and of General Punctuation,
// computed with foldSlow.
var (
	foldLo    [0x370]foldEntry
	foldHi    [vowelHiEnd - vowelHiStart]foldEntry
	foldPunct [0x70]foldEntry
)

func init() {
	entry := func(r rune) foldEntry {
		switch out := foldSlow(string(r)); {
		case unicode.IsSpace(r):
			return foldEntry{kind: foldSpace}
		case out == "":
			return foldEntry{kind: foldDrop}
		default:
			return foldEntry{kind: foldText, text: out}
		}
	}
	for r := range foldLo {
		foldLo[r] = entry(rune(r))
	}
	for k := range foldHi {
		foldHi[k] = entry(rune(vowelHiStart + k))
	}
	for k := range foldPunct {
		foldPunct[k] = entry(rune(0x2000 + k))
	}
}

// foldFast folds text made of Latin letters, combining diacritics,
// Vietnamese letters and general punctuation rune by rune. Dropping all marks makes that equal to
// folding the canonical decomposition of the whole string. It reports
// false for any other rune (or invalid UTF-8).
func foldFast(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				space = b.Len() > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var e foldEntry
		switch {
		case r < 0x370:
			e = foldLo[r]
		case r >= vowelHiStart && r < vowelHiEnd:
			e = foldHi[r-vowelHiStart]
		case r >= 0x2000 && r < 0x2070:
			e = foldPunct[r-0x2000]
		}
		switch e.kind {
		case foldUnknown:
			return "", false
		case foldDrop:
			continue
		case foldSpace:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(e.text)
	}
	return b.String(), true
}

// foldSlow folds any text through its canonical decomposition.
func foldSlow(s string) string {
	if !isASCII(s) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð':
			r = 'd'
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.Is(unicode.Mn, r), isInvisible(r):
			continue
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}
