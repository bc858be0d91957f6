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

// vocabulary holds every word the scanners look for, lower case NFC.
var vocabulary = map[string]string{}

// unknownWord is what key returns for a word outside the vocabulary.
const unknownWord = "\x00"

// maxVocabLen bounds the length in bytes of the vocabulary's words in any
// case (upper-case letters may take more bytes than lower-case ones).
const maxVocabLen = 24

func init() {
	words := strings.Fields(`thứ chủ nhật tháng năm và phần trăm xấp xỉ số quý giai đoạn nhiệm kỳ đầu cuối sáu nay qua học từ đến`)
	for w := range qualifiers {
		words = append(words, w)
	}
	for w := range multipliers {
		words = append(words, w)
	}
	for w := range weekdays {
		words = append(words, w)
	}
	for w := range dateWords {
		words = append(words, w)
	}
	for w := range romanNumbers {
		words = append(words, w)
	}
	for _, w := range words {
		if len(strings.ToUpper(w)) > maxVocabLen || len(norm.NFD.String(strings.ToUpper(w))) > maxVocabLen {
			panic("vntext: vocabulary word too long: " + w)
		}
		vocabulary[w] = w
	}
}

// key returns a word in the form the scanners compare: lower case NFC when
// it is in the vocabulary, else unknownWord. It does not allocate for
// words in NFC.
func key(w string) string {
	if len(w) > maxVocabLen {
		return unknownWord
	}
	var buf [maxVocabLen]byte
	b := buf[:0]
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if v, ok := vowelOf(r); ok {
			r = v.lower
		} else if !nfcSafe(r) {
			return keySlow(w)
		} else {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	if v, ok := vocabulary[string(b)]; ok {
		return v
	}
	return unknownWord
}

func keySlow(w string) string {
	if v, ok := vocabulary[strings.ToLower(norm.NFC.String(w))]; ok {
		return v
	}
	return unknownWord
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
// A word after a dash that follows a space is not ("(Mặt trận) -Chiều
// 16/6": typography, not a code).
func attachedBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if (r == '-' || r == '\u2013') && !isDigit(s[i]) {
		if i-n == 0 {
			return false
		}
		if r2, _ := utf8.DecodeLastRuneInString(s[:i-n]); isHSpace(r2) || r2 == '\n' {
			return false
		}
		if capsCodeBefore(s[:i-n]) {
			return false // a paper's code opening the lead: "LSO-Sáng nay (3/11)"
		}
	}
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

// capsCodeBefore reports whether s ends with a short word of capital
// letters standing alone (2 to 6 letters after a space, a line end or the
// start): the code a paper writes before its lead ("LSO-", "QĐND-").
func capsCodeBefore(s string) bool {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.IsUpper(r) {
			break
		}
		n++
		s = s[:len(s)-size]
		if n > 6 {
			return false
		}
	}
	if n < 2 {
		return false
	}
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return isHSpace(r) || r == '\n' || r == '('
}
