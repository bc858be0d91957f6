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
	ok    bool // set for Vietnamese vowels in the lookup tables
	lower rune // the letter in lower case, tone kept: 'Ở' -> 'ở'
}

type vowelKey struct {
	base  rune
	tone  uint8
	upper bool
}

// The Vietnamese vowel letters live below U+0300 (Latin-1, Latin
// Extended-A and -B) and in U+1EA0-U+1EF9 (Latin Extended Additional).
const (
	vowelHiStart = 0x1ea0
	vowelHiEnd   = 0x1f00
)

var (
	vowelsLo     [0x300]vowel                     // 'ơ' -> {'ơ', toneNone, false, true}
	vowelsHi     [vowelHiEnd - vowelHiStart]vowel // 'Ở' -> {'ơ', toneHook, true, true}
	vowelLetters = map[vowelKey]rune{}            // the inverse
)

// vowelOf returns the description of r when it is a Vietnamese vowel.
func vowelOf(r rune) (vowel, bool) {
	switch {
	case r < 0x300:
		v := vowelsLo[r]
		return v, v.ok
	case r >= vowelHiStart && r < vowelHiEnd:
		v := vowelsHi[r-vowelHiStart]
		return v, v.ok
	}
	return vowel{}, false
}

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
				lower, _ := utf8.DecodeRuneInString(norm.NFC.String(string(b) + toneMarks[t]))
				v := vowel{base: b, tone: t, upper: up, ok: true, lower: lower}
				switch {
				case r < 0x300:
					vowelsLo[r] = v
				case r >= vowelHiStart && r < vowelHiEnd:
					vowelsHi[r-vowelHiStart] = v
				default:
					panic("vntext: vowel outside the tables: " + s)
				}
				vowelLetters[vowelKey{b, t, up}] = r
			}
		}
	}
}

// initialLen returns how many letters of the lower-case syllable l form
// its initial consonant (ngh, ng, nh, ch, gh, gi, kh, ph, qu, th, tr, or
// one of b c d đ g h k l m n p r s t v x), 0 when it starts with a vowel,
// -1 when it cannot start a Vietnamese syllable.
func initialLen(l []rune) int {
	next := func(k int) rune {
		if k < len(l) {
			return l[k]
		}
		return 0
	}
	switch l[0] {
	case 'n':
		switch {
		case next(1) == 'g' && next(2) == 'h':
			return 3
		case next(1) == 'g' || next(1) == 'h':
			return 2
		}
		return 1
	case 'c', 'k', 'p':
		if next(1) == 'h' {
			return 2
		}
		return 1
	case 'g':
		if next(1) == 'h' || next(1) == 'i' {
			return 2
		}
		return 1
	case 't':
		if next(1) == 'h' || next(1) == 'r' {
			return 2
		}
		return 1
	case 'q':
		if next(1) == 'u' {
			return 2
		}
		return -1
	case 'b', 'd', 'đ', 'h', 'l', 'm', 'r', 's', 'v', 'x':
		return 1
	}
	if isVowelBase(l[0]) {
		return 0
	}
	return -1
}

// isFinal reports whether l may close a syllable: nothing, c, ch, m, n,
// ng, nh, p or t.
func isFinal(l []rune) bool {
	switch len(l) {
	case 0:
		return true
	case 1:
		switch l[0] {
		case 'c', 'm', 'n', 'p', 't':
			return true
		}
	case 2:
		return l[0] == 'c' && l[1] == 'h' || l[0] == 'n' && (l[1] == 'g' || l[1] == 'h')
	}
	return false
}

// nuclei are the vowel sequences a Vietnamese syllable may contain
// (medial, main vowel and final semivowel), without tone marks, keyed by
// nucleusKey.
var nuclei = map[uint32]bool{}

// nucleusKey packs up to three vowels (all below U+0200) into one number.
func nucleusKey(v []rune) (uint32, bool) {
	if len(v) == 0 || len(v) > 3 {
		return 0, false
	}
	var k uint32
	for _, r := range v {
		if r >= 0x200 {
			return 0, false
		}
		k = k<<9 | uint32(r)
	}
	return k, true
}

func init() {
	for _, v := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê
		iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu`) {
		k, ok := nucleusKey([]rune(v))
		if !ok {
			panic("vntext: bad nucleus " + v)
		}
		nuclei[k] = true
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
	var buf, lbuf [8]rune
	letters, lower := buf[:0], lbuf[:0]
	tonePos, tone, nv := -1, uint8(0), 0
	for _, r := range word {
		if len(letters) == cap(buf) {
			return word, false // longer than any Vietnamese syllable
		}
		letters = append(letters, r)
		if v, ok := vowelOf(r); ok {
			lower = append(lower, v.base)
			nv++
			if v.tone != toneNone {
				if tonePos >= 0 {
					return word, false
				}
				tonePos, tone = len(letters)-1, v.tone
			}
			continue
		}
		switch l := unicode.ToLower(r); {
		case l == 'đ' || (l >= 'a' && l <= 'z' && l != 'f' && l != 'j' && l != 'w' && l != 'z'):
			lower = append(lower, l)
		default:
			return word, false
		}
	}
	if tonePos < 0 || nv < 2 {
		return word, false // no mark, or nowhere else to put it
	}
	start := initialLen(lower)
	if start < 0 {
		return word, false
	}
	if start == 2 && (lower[0] == 'g' || lower[0] == 'q') && lower[1] != 'h' && (start == len(lower) || !isVowelBase(lower[start])) {
		if lower[0] == 'q' {
			return word, false
		}
		start = 1 // gì, gìn: the i is the vowel
	}
	end := start
	for end < len(lower) && isVowelBase(lower[end]) {
		end++
	}
	if end == start || !isFinal(lower[end:]) {
		return word, false
	}
	if k, ok := nucleusKey(lower[start:end]); !ok || !nuclei[k] {
		return word, false
	}
	target := start + tonePosition(lower[start:end], end < len(lower))
	if target == tonePos {
		return word, false
	}
	from, _ := vowelOf(letters[tonePos])
	to, _ := vowelOf(letters[target])
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
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
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
	if out := b.String(); isNFC(out) {
		return out
	}
	return norm.NFC.String(b.String())
}

// isWordRune reports whether r belongs to a word for tone placement:
// letters and combining marks (a word with a stray mark is not touched).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r >= vowelHiStart && r <= 0x1ef9:
		return true
	}
	if r < 0x300 {
		return unicode.IsLetter(r) // no marks below U+0300
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

// nfcSafe reports whether a string made only of such runes is in NFC
// already, whatever their order: Latin letters and signs below U+0300,
// the precomposed Vietnamese letters, and the dashes, quotes and ellipsis
// of General Punctuation. TestNFCSafe checks it.
func nfcSafe(r rune) bool {
	return r < 0x300 || r >= vowelHiStart && r <= 0x1ef9 || r >= 0x2010 && r <= 0x2027
}

// isNFC reports whether s is in NFC, quickly for Vietnamese text.
func isNFC(s string) bool {
	for _, r := range s {
		if !nfcSafe(r) {
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}
