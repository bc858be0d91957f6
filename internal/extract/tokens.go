package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7 // Latin-1 letters, Latin Extended-A and -B
	case r >= 0x1E00 && r <= 0x1EFF:
		return true // Latin Extended Additional: ạ ả ấ ... ỹ
	case r >= 0x300 && r <= 0x36F:
		return true // combining marks of NFD text
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// lowerASCIIish lowers s rune by rune, keeping any rune whose lower case
// has another UTF-8 length, so byte offsets into s stay valid.
func lowerASCIIish(s string) string {
	var buf []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if buf == nil {
					buf = make([]byte, len(s))
					copy(buf, s)
				}
				buf[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if l != r && r != utf8.RuneError && utf8.RuneLen(l) == n {
			if buf == nil {
				buf = make([]byte, len(s))
				copy(buf, s)
			}
			utf8.EncodeRune(buf[i:], l)
		}
		i += n
	}
	if buf == nil {
		return s
	}
	return string(buf)
}

type tokKind uint8

const (
	tNone tokKind = iota // the zero token tokAt returns past the ends
	tWord
	tNum
	tPunct
)

// token is a word, a digit run or one punctuation rune of a block. Offsets
// are into the document text.
type token struct {
	start, end int
	kind       tokKind
	low        string // lower case text
	space      bool   // white space before it
	cap        bool   // word with a capital first letter and lower-case rest: "Nguyễn", "H’Phiết"
	caps       bool   // word of two or more letters, all capitals: "UVBTV", "TUV"
	sets       uint64 // phrase sets with a phrase starting with this word
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// tokenize splits text[start:end] (one block) into tokens.
func tokenize(text string, start, end int, low string) []token {
	toks := make([]token, 0, (end-start)/5+4)
	space := true
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == ' ':
			space = true
			i += n
			continue
		case isLetter(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if isLetter(r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < end {
					r3, n3 := utf8.DecodeRuneInString(text[j+n2 : end])
					if isLetter(r3) {
						j += n2
						continue
					}
					// "Rah Lan H’ Thanh": a one-letter prefix of a Central
					// Highlands name keeps its apostrophe when a space
					// parts it from the capital it goes with.
					if j == i+n && isUpper(r) && r3 == ' ' && j+n2+n3 < end {
						if r4, _ := utf8.DecodeRuneInString(text[j+n2+n3 : end]); isUpper(r4) {
							j += n2
						}
					}
				}
				break
			}
			lw := low[i:j]
			// "T.Ư", "T.W": the dotted abbreviation of "Trung ương" is one
			// word, read as "tw" ("Ban Dân vận T.Ư", "Ủy ban T.Ư MTTQ").
			if e := dottedCentral(text, i, j, end); e > j {
				j, lw = e, "tw"
			}
			t := token{start: i, end: j, kind: tWord, low: lw, space: space}
			t.cap, t.caps = wordShape(text[i:j])
			t.sets = firstWords[t.low]
			toks = append(toks, t)
			i = j
		case r < utf8.RuneSelf && isDigitByte(byte(r)):
			j := i + 1
			for j < end {
				c := text[j]
				if isDigitByte(c) {
					j++
					continue
				}
				if (c == '.' || c == ',') && j+1 < end && isDigitByte(text[j+1]) {
					j++
					continue
				}
				break
			}
			toks = append(toks, token{start: i, end: j, kind: tNum, low: text[i:j], space: space})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + n, kind: tPunct, low: text[i : i+n], space: space, sets: firstWords[text[i:i+n]]})
			i += n
		}
		space = false
	}
	return toks
}

// dottedCentral returns the end of "T.Ư" or "T.W" when the word
// text[i:j] is the "T" that opens it, else j.
func dottedCentral(text string, i, j, end int) int {
	if j-i != 1 || text[i] != 'T' || j+1 >= end || text[j] != '.' {
		return j
	}
	r, n := utf8.DecodeRuneInString(text[j+1 : end])
	if r != 'Ư' && r != 'W' {
		return j
	}
	e := j + 1 + n
	if e < end {
		if r2, _ := utf8.DecodeRuneInString(text[e:end]); isLetter(r2) {
			return j // "T.Wxyz": not the abbreviation
		}
	}
	return e
}

// wordShape reports whether w is Capitalized (first letter upper, the rest
// lower, an apostrophe may start a new capital: H’Phiết) or ALLCAPS.
func wordShape(w string) (capitalized, allCaps bool) {
	first := true
	afterApos := false
	capitalized, allCaps = true, true
	letters := 0
	for _, r := range w {
		if isApostrophe(r) {
			afterApos = true
			allCaps = false
			continue
		}
		if !isLetter(r) {
			continue
		}
		letters++
		up := isUpper(r)
		if !up {
			allCaps = false
		}
		switch {
		case first:
			if !up {
				capitalized = false
			}
			first = false
		case afterApos:
		default:
			if up {
				capitalized = false
			}
		}
		afterApos = false
	}
	if letters < 2 {
		allCaps = false
	}
	if first {
		capitalized = false
	}
	return capitalized, allCaps
}

var abbreviations = map[string]bool{"tp": true, "ttp": true, "tt": true, "ts": true, "ths": true, "pgs": true,
	"gs": true, "bs": true, "th": true, "tx": true, "q": true, "p": true, "đ": true, "ks": true, "cn": true,
	"ct": true, "pct": true} // "PBT Đảng ủy-CT. HĐND phường": chairman, vice-chairman

// sentence is a run of tokens ending with . ! ? or the end of a block.
type sentence struct {
	toks  []token
	block int
}

// splitSentences cuts a block's tokens into sentences.
func splitSentences(toks []token, blk int) []sentence {
	var out []sentence
	from := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tPunct {
			continue
		}
		switch t.low {
		case ".", "!", "?", "…":
		default:
			continue
		}
		// "1. Tăng cường ...": a list marker, not an end.
		if i == 1 && t.low == "." && (toks[0].kind == tNum && len(toks[0].low) <= 2 || toks[0].kind == tWord && len(toks[0].low) == 1) {
			continue
		}
		// "TP. Hồ Chí Minh", "Th.S", initials "H. Niê": not an end.
		if t.low == "." && i > 0 && toks[i-1].kind == tWord && adjacent(toks[i-1], t) &&
			(abbreviations[toks[i-1].low] || utf8.RuneCountInString(toks[i-1].low) == 1 && !toks[i-1].caps && toks[i-1].cap) {
			continue
		}
		// "63.298. 000 đồng": a stray space inside a number.
		if t.low == "." && i > 0 && toks[i-1].kind == tNum && adjacent(toks[i-1], t) && strings.Contains(toks[i-1].low, ".") &&
			tokAt(toks, i+1).kind == tNum && len(tokAt(toks, i+1).low) == 3 {
			continue
		}
		// "đồng chí Ngô Ngọc Thuấn. Phó Bí thư ...": a full stop typed for
		// the comma between a name and its title.
		if t.low == "." && nameBeforeDot(toks, i) && titleHeadAt(toks, i+1) {
			continue
		}
		// Swallow closing quotes and more dots.
		j := i + 1
		for j < len(toks) && toks[j].kind == tPunct && !toks[j].space && strings.Contains(".!?…”\")»", toks[j].low) {
			j++
		}
		if j < len(toks) {
			nx := toks[j]
			if !nx.space {
				continue // "TP.HCM", "v.v."
			}
			if nx.kind == tWord && !nx.cap && !nx.caps && !(nx.cap || nx.caps) {
				continue
			}
		}
		out = append(out, sentence{toks: toks[from:j], block: blk})
		from = j
		i = j - 1
	}
	if from < len(toks) {
		out = append(out, sentence{toks: toks[from:], block: blk})
	}
	return out
}

// nameBeforeDot reports two to four capitalized words after "đồng chí"
// just before toks[i].
func nameBeforeDot(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && i-k <= 4 && toks[k].cap && toks[k].kind == tWord {
		k--
	}
	n := i - 1 - k
	return n >= 2 && k >= 1 && toks[k].low == "chí" && toks[k-1].low == "đồng"
}

// phraseAt reports whether the words of phrase (lower case, single spaces)
// match toks from i on; it returns the index after the match.
func phraseAt(toks []token, i int, phrase string) (int, bool) {
	for len(phrase) > 0 {
		w := phrase
		rest := ""
		if k := strings.IndexByte(phrase, ' '); k >= 0 {
			w, rest = phrase[:k], phrase[k+1:]
		}
		comma := strings.HasSuffix(w, ",")
		if comma {
			w = w[:len(w)-1]
		}
		if i >= len(toks) || toks[i].low != w {
			return 0, false
		}
		i++
		if comma {
			if i >= len(toks) || toks[i].low != "," {
				return 0, false
			}
			i++
		}
		phrase = rest
	}
	return i, true
}

// phraseSet is a list of phrases (lower case, words separated by single
// spaces, a word may end in a comma) indexed by first word, longest first.
type phraseSet struct {
	byFirst map[string][]string
	bit     uint64 // this set's bit in firstWords, 0 past 64 sets
}

// firstWords maps a word to the bits of the phrase sets that have a
// phrase starting with it; tokenize stores it in token.sets so that most
// lookups need no map access. Filled by newPhraseSet at package init.
var (
	firstWords = map[string]uint64{}
	nSets      uint
)

func newPhraseSet(phrases ...string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][]string{}}
	if nSets < 64 {
		ps.bit = 1 << nSets
	}
	nSets++
	for _, p := range phrases {
		first := p
		if k := strings.IndexByte(p, ' '); k >= 0 {
			first = p[:k]
		}
		first = strings.TrimSuffix(first, ",")
		ps.byFirst[first] = append(ps.byFirst[first], p)
		firstWords[first] |= ps.bit
	}
	for _, l := range ps.byFirst {
		sort.SliceStable(l, func(i, j int) bool { return strings.Count(l[i], " ") > strings.Count(l[j], " ") })
	}
	return ps
}

// anyPhraseAt returns the longest phrase of ps that matches toks from i on.
func anyPhraseAt(toks []token, i int, ps *phraseSet) (int, string, bool) {
	if i >= len(toks) {
		return 0, "", false
	}
	if ps.bit != 0 && toks[i].sets&ps.bit == 0 {
		return 0, "", false
	}
	for _, p := range ps.byFirst[toks[i].low] {
		if j, ok := phraseAt(toks, i, p); ok {
			return j, p, true
		}
	}
	return 0, "", false
}

// adjacent reports whether b follows a with no space between.
func adjacent(a, b token) bool { return a.end == b.start }
