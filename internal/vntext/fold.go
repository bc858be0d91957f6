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
