package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Small helpers shared by the number and date scanners. They work on byte
// offsets into the original text, which may be NFC or NFD.

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHSpace reports whether r separates words on one line.
func isHSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u2009', '\u202f':
		return true
	}
	return false
}

// skipHSpace returns the offset of the first rune at or after i that is not
// horizontal space.
func skipHSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isHSpace(r) {
			break
		}
		i += n
	}
	return i
}

// skipHSpaceBack returns the offset just after the last rune before i that
// is not horizontal space.
func skipHSpaceBack(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isHSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd returns the end of the word (letters and combining marks)
// starting at i; i itself when there is none.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// wordStart returns the start of the word ending at i; i itself when there
// is none.
func wordStart(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	return i
}

// key returns a word in the form the scanners compare: NFC, lower case.
func key(w string) string {
	if isASCII(w) {
		return strings.ToLower(w)
	}
	return strings.ToLower(norm.NFC.String(w))
}

// wordAt returns the lower-case NFC form of the word starting at i and its
// end, or "" and i.
func wordAt(s string, i int) (string, int) {
	j := wordEnd(s, i)
	if j == i {
		return "", i
	}
	return key(s[i:j]), j
}

// isJoiner reports whether r glues a number to its neighbour into a code
// or a compound: "114-KL/TW", "2010-2020", "A1".
func isJoiner(r rune) bool {
	switch r {
	case '/', '\\', ':', '-', '_', '\u2010', '\u2011', '\u2013', '\u2212', '@', '#', '&':
		return true
	}
	return isWordRune(r) || unicode.IsDigit(r)
}

// attachedBefore reports whether the text just before i is glued to it.
func attachedBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if isJoiner(r) {
		return true
	}
	return (r == '.' || r == ',') && i-n > 0 && isDigit(s[i-n-1])
}

// attachedAfter reports whether the text just after i is glued to it.
func attachedAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isJoiner(r) {
		return true
	}
	return (r == '.' || r == ',') && i+n < len(s) && isDigit(s[i+n])
}
