package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers in words, as financial and Party documents write amounts
// ("2.007.440.734 đồng (Hai tỷ không trăm linh bảy triệu bốn trăm bốn
// mươi nghìn bảy trăm ba mươi tư đồng)").
//
// The usage is the northern official one that accounting rules and Party
// documents use:
//
//   - a zero in the tens before a non-zero unit reads "linh" (một trăm
//     linh năm), not the southern "lẻ";
//   - a group of three digits after the first one is read in full: a zero
//     hundred is "không trăm" (hai tỷ không trăm linh bảy triệu), and
//     groups that are all zero are left out (một tỷ không trăm linh năm
//     nghìn);
//   - ten is "mười", twenty and up "hai mươi" …; a unit one after "mươi" is
//     "mốt" (hai mươi mốt, but mười một), a four after "mươi" is "tư" (ba
//     mươi tư, but mười bốn), and a five after "mười" or "mươi" is "lăm"
//     (mười lăm, hai mươi lăm; "nhăm" is colloquial), but "năm" after
//     "linh" (một trăm linh năm);
//   - thousands are "nghìn" (not "ngàn"), and "tỷ" is spelled with y;
//     from a billion up the number of billions is read as a number and
//     followed by "tỷ": nghìn tỷ (10^12), hai nghìn năm trăm tỷ, triệu tỷ
//     (10^15), tỷ tỷ (10^18).

var (
	digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	// scaleWords names the groups of three digits below a billion, from
	// the units up.
	scaleWords = [3]string{"", "nghìn", "triệu"}
)

const billion = 1_000_000_000

// NumberWords writes n in Vietnamese words, in lower case:
// NumberWords(2007440734) is "hai tỷ không trăm linh bảy triệu bốn trăm
// bốn mươi nghìn bảy trăm ba mươi tư"; 0 is "không", and a negative number
// starts with "âm". Every int64 is written.
func NumberWords(n int64) string {
	if n == 0 {
		return digitWords[0]
	}
	u := uint64(n)
	var words []string
	if n < 0 {
		u = -u // also right for math.MinInt64
		words = append(words, "âm")
	}
	return strings.Join(appendNumber(words, u, false), " ")
}

// appendNumber appends the words of u > 0. From a billion up, the number
// of billions is read as a number of its own followed by "tỷ" (so 2.500
// tỷ is "hai nghìn năm trăm tỷ" and 10^18 "một tỷ tỷ"), then the rest.
// inner is true when words of a larger part come before.
func appendNumber(words []string, u uint64, inner bool) []string {
	if u >= billion {
		words = appendNumber(words, u/billion, inner)
		words = append(words, "tỷ")
		if r := u % billion; r > 0 {
			words = appendNumber(words, r, true)
		}
		return words
	}
	groups := [3]int{int(u % 1000), int(u / 1000 % 1000), int(u / 1000000)}
	top := 2
	for groups[top] == 0 {
		top--
	}
	for i := top; i >= 0; i-- {
		if groups[i] == 0 {
			continue
		}
		words = appendGroup(words, groups[i], inner || i != top)
		if scaleWords[i] != "" {
			words = append(words, scaleWords[i])
		}
	}
	return words
}

// appendGroup appends the words of one group of three digits (1–999);
// inner is true for every group after the leading one, which is read
// with all three digits ("không trăm linh bảy").
func appendGroup(words []string, g int, inner bool) []string {
	h, t, u := g/100, g/10%10, g%10
	if h > 0 || inner {
		words = append(words, digitWords[h], "trăm")
	}
	switch {
	case t == 0:
		if u == 0 {
			return words
		}
		if h > 0 || inner {
			words = append(words, "linh")
		}
		return append(words, digitWords[u])
	case t == 1:
		words = append(words, "mười")
	default:
		words = append(words, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t >= 2:
		words = append(words, "mốt")
	case u == 4 && t >= 2:
		words = append(words, "tư")
	case u == 5:
		words = append(words, "lăm")
	default:
		words = append(words, digitWords[u])
	}
	return words
}

// AmountWords writes an amount of money in words as documents do, with
// a capital first letter and the currency: AmountWords(2007440734) is
// "Hai tỷ không trăm linh bảy triệu bốn trăm bốn mươi nghìn bảy trăm ba
// mươi tư đồng".
func AmountWords(n int64) string {
	return capitalize(NumberWords(n)) + " đồng"
}

// AmountWithWords writes an amount in figures followed by the same
// amount in words in brackets: "2.007.440.734 đồng (Hai tỷ không trăm
// linh bảy triệu bốn trăm bốn mươi nghìn bảy trăm ba mươi tư đồng)".
func AmountWithWords(n int64) string {
	return FormatInt(n) + " đồng (" + AmountWords(n) + ")"
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
