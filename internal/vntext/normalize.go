package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tone marks, in the order the Vietnamese alphabet lists them.
const (
	toneNone  = iota // ngang
	toneGrave        // huyền
	toneHook         // hỏi
	toneTilde        // ngã
	toneAcute        // sắc
	toneDot          // nặng
	toneCount
)

// toneMarks are the combining characters of each tone, indexed by tone.
var toneMarks = [toneCount]string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}

// vowel describes one precomposed Vietnamese vowel letter.
type vowel struct {
	base  rune // lower case, with its hat or horn but without tone: 'ơ'
	tone  uint8
	upper bool
}

type vowelKey struct {
	base  rune
	tone  uint8
	upper bool
}

var (
	vowels       = map[rune]vowel{}    // 'Ở' -> {'ơ', toneHook, true}
	vowelLetters = map[vowelKey]rune{} // the inverse
)

func init() {
	for _, b := range "aăâeêioôơuưy" {
		for t := uint8(0); t < toneCount; t++ {
			for _, up := range []bool{false, true} {
				base := b
				if up {
					base = unicode.ToUpper(b)
				}
				s := norm.NFC.String(string(base) + toneMarks[t])
				r, n := utf8.DecodeRuneInString(s)
				if n != len(s) {
					panic("vntext: no precomposed letter for " + s)
				}
				vowels[r] = vowel{base: b, tone: t, upper: up}
				vowelLetters[vowelKey{b, t, up}] = r
			}
		}
	}
}

// initials are the Vietnamese initial consonants, longest first so the
// first match is the right one.
var initials = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// finals are the consonants that may close a syllable.
var finals = map[string]bool{"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true}

// nuclei are the vowel sequences a Vietnamese syllable may contain
// (medial, main vowel and final semivowel), without tone marks.
var nuclei = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê
		iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu`) {
		nuclei[v] = true
	}
}

func hasHat(r rune) bool {
	switch r {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}

// tonePosition returns the index in nucleus of the vowel that carries the
// tone mark in the classic placement.
func tonePosition(nucleus []rune, closed bool) int {
	hat := -1
	for i, r := range nucleus {
		if hasHat(r) {
			hat = i // ươ: the last one, ơ
		}
	}
	switch {
	case hat >= 0:
		return hat
	case closed:
		return len(nucleus) - 1 // hoàng, huỳnh, toán
	case len(nucleus) == 3:
		return 1 // khoái, xoáy, ngoẹo, khuỷu
	default:
		return 0 // hòa, khỏe, thủy, mái, mùa, kìa
	}
}

// placeTone returns word with its tone mark moved to the classic position,
// and whether it changed. word must not contain combining marks; a word that
// is not one well-formed Vietnamese syllable with exactly one tone mark is
// returned unchanged.
func placeTone(word string) (string, bool) {
	var buf [8]rune
	letters := buf[:0]
	lower := make([]rune, 0, 8)
	tonePos, tone := -1, uint8(0)
	for _, r := range word {
		if len(letters) == cap(buf) {
			return word, false // longer than any Vietnamese syllable
		}
		letters = append(letters, r)
		if v, ok := vowels[r]; ok {
			lower = append(lower, v.base)
			if v.tone != toneNone {
				if tonePos >= 0 {
					return word, false
				}
				tonePos, tone = len(letters)-1, v.tone
			}
			continue
		}
		switch l := unicode.ToLower(r); {
		case l == 'đ' || (l >= 'a' && l <= 'z' && !strings.ContainsRune("fjwz", l)):
			lower = append(lower, l)
		default:
			return word, false
		}
	}
	if tonePos < 0 {
		return word, false
	}
	ls := string(lower)
	ini := ""
	for _, c := range initials {
		if strings.HasPrefix(ls, c) {
			ini = c
			break
		}
	}
	start := utf8.RuneCountInString(ini)
	if (ini == "gi" || ini == "qu") && (start == len(lower) || !isVowelBase(lower[start])) {
		if ini == "qu" {
			return word, false
		}
		start, ini = 1, "g" // gì, gìn: the i is the vowel
	}
	if ini == "" && len(lower) > 0 && !isVowelBase(lower[0]) {
		return word, false
	}
	end := start
	for end < len(lower) && isVowelBase(lower[end]) {
		end++
	}
	if end == start || !finals[string(lower[end:])] || !nuclei[string(lower[start:end])] {
		return word, false
	}
	target := start + tonePosition(lower[start:end], end < len(lower))
	if target == tonePos {
		return word, false
	}
	from, to := vowels[letters[tonePos]], vowels[letters[target]]
	letters[tonePos] = vowelLetters[vowelKey{from.base, toneNone, from.upper}]
	letters[target] = vowelLetters[vowelKey{to.base, tone, to.upper}]
	return string(letters), true
}

func isVowelBase(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Normalize returns s in the one spelling danvan stores and compares:
// Unicode NFC, the Icelandic eth Ð (U+00D0), often typed for it, replaced by
// Đ (U+0110), and the classic tone-mark placement (uỷ→ủy, hoà→hòa,
// thuỷ→thủy, hoè→hòe, qúy→quý; hoàng, quyết and thuyền unchanged). It
// accepts NFC or NFD input, keeps the case of every letter, leaves words
// that are not Vietnamese syllables alone, replaces invalid UTF-8 with
// U+FFFD, and is idempotent.
func Normalize(s string) string {
	if isASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	if strings.ContainsRune(s, 'Ð') {
		s = strings.ReplaceAll(s, "Ð", "Đ")
	}
	var b strings.Builder
	done := 0 // s[:done] is in b or needs no change
	changed := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		if w, ok := placeTone(s[i:j]); ok {
			if !changed {
				b.Grow(len(s))
				changed = true
			}
			b.WriteString(s[done:i])
			b.WriteString(w)
			done = j
		}
		i = j
	}
	if !changed {
		return s
	}
	b.WriteString(s[done:])
	return norm.NFC.String(b.String())
}

// isWordRune reports whether r belongs to a word for tone placement:
// letters and combining marks (a word with a stray mark is not touched).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}
