package vntext

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Number is a quantity as written in Vietnamese running text.
type Number struct {
	// Value is the number with its multiplier applied: "2,3 triệu" is
	// 2300000. For a percentage it is the number before the sign: "100%"
	// is 100 with Percent set.
	Value float64
	// Percent is set for "100%", "100 %" and "100 phần trăm".
	Percent bool
	// LowerBound is set when "trên", "hơn" or "ngoài" comes before the
	// number: "trên 1 tỷ".
	LowerBound bool
	// Approx is set when "gần", "khoảng" or "xấp xỉ" comes before the
	// number.
	Approx bool
}

// NumberMatch is a number found in running text. s[Start:End] is the
// matched text, qualifier and multiplier included.
type NumberMatch struct {
	Start, End int
	Number     Number
	// Attached is set when the match touches a letter, a digit group it
	// was not joined with, or a joining sign ('/', '-', '–', '_' ...), as
	// in "114-KL/TW", "2010-2020", "31.12.2015" or "A1": such numbers are
	// usually part of a code, a range or a date, not quantities.
	Attached bool
}

// ErrNotNumber is returned, wrapped, by ParseNumber for text that is not
// one number.
var ErrNotNumber = errors.New("not a number")

var qualifiers = map[string]func(*Number){
	"trên":   func(n *Number) { n.LowerBound = true },
	"hơn":    func(n *Number) { n.LowerBound = true },
	"ngoài":  func(n *Number) { n.LowerBound = true },
	"gần":    func(n *Number) { n.Approx = true },
	"khoảng": func(n *Number) { n.Approx = true },
	"xỉ":     func(n *Number) { n.Approx = true }, // after "xấp"
}

// multipliers in decimal exponents.
var multipliers = map[string]int{"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}

// numToken is a run of digits with '.' and ',' between digit groups.
type numToken struct {
	end    int
	groups []string
	seps   []byte
}

func lexNumber(s string, i int) numToken {
	t := numToken{end: i}
	start := i
	for {
		j := t.end
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		t.groups = append(t.groups, s[start:j])
		t.end = j
		if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
			t.seps = append(t.seps, s[j])
			start = j + 1
			t.end = j + 1
			continue
		}
		if k := j + 2; len(t.seps) > 0 && t.seps[len(t.seps)-1] == '.' && len(t.groups[len(t.groups)-1]) == 3 &&
			k+3 <= len(s) && s[j] == '.' && s[j+1] == ' ' && isDigit(s[k]) && isDigit(s[k+1]) && isDigit(s[k+2]) &&
			(k+3 == len(s) || !isDigit(s[k+3]) && s[k+3] != '.' && s[k+3] != ',' && s[k+3] != '%') {
			// "63.298. 000 đồng": a group of three set off by a stray space.
			t.seps = append(t.seps, '.')
			start = k
			t.end = k
			continue
		}
		return t
	}
}

// decimal returns the token as a plain decimal ("1234.5") and whether it
// reads as one number at all.
func (t numToken) decimal() (string, bool) {
	g, seps := t.groups, t.seps
	switch {
	case len(seps) == 0:
		return g[0], true
	case len(seps) == 1 && seps[0] == ',':
		return g[0] + "." + g[1], true
	case len(seps) == 1 && seps[0] == '.' && len(g[0]) <= 3 && (len(g[1]) == 6 || len(g[1]) == 9):
		// "25.137000": thousands with the later dots left out.
		return g[0] + g[1], true
	case len(seps) == 1 && (len(g[1]) != 3 || len(g[0]) > 3):
		// "2.5", "1234.567": a decimal point, as some writers use.
		return g[0] + "." + g[1], true
	}
	// Thousands: 1-3 digits, then groups of three, then maybe ",decimals".
	n := len(seps)
	frac := ""
	if seps[n-1] == ',' {
		frac = g[n]
		n--
	}
	if n == 0 || len(g[0]) > 3 {
		return "", false
	}
	var b strings.Builder
	b.WriteString(g[0])
	for k := 1; k <= n; k++ {
		if seps[k-1] != '.' || len(g[k]) != 3 {
			return "", false
		}
		b.WriteString(g[k])
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String(), true
}

// scanNumberTail reads what follows a number token ending at i: a percent
// sign or a chain of multipliers. dec is the token as a plain decimal.
func scanNumberTail(s string, i int, dec string, n *Number) (int, error) {
	j := skipHSpace(s, i)
	if j < len(s) && s[j] == '%' {
		n.Percent = true
		return j + 1, parseValue(dec, 0, n)
	}
	w, k := wordAt(s, j)
	if w == "phần" {
		if w2, k2 := wordAt(s, skipHSpace(s, k)); w2 == "trăm" && k > j && skipHSpace(s, k) > k {
			n.Percent = true
			return k2, parseValue(dec, 0, n)
		}
	}
	exp, ok := multipliers[w]
	if !ok {
		return i, parseValue(dec, 0, n)
	}
	end := k
	// "nghìn tỷ": a thousand billion.
	if exp == 3 {
		if w2, k2 := wordAt(s, skipHSpace(s, k)); multipliers[w2] == 9 && skipHSpace(s, k) > k {
			exp, end = 12, k2
		}
	}
	if err := parseValue(dec, exp, n); err != nil {
		return i, err
	}
	// "1 tỷ 200 triệu", "2 triệu 500 nghìn": smaller parts added.
	for {
		j := skipHSpace(s, end)
		if j == end || j >= len(s) || !isDigit(s[j]) {
			return end, nil
		}
		t := lexNumber(s, j)
		if len(t.seps) > 0 || len(t.groups[0]) > 3 {
			return end, nil
		}
		w, k := wordAt(s, skipHSpace(s, t.end))
		e2, ok := multipliers[w]
		if !ok || e2 >= exp {
			return end, nil
		}
		var part Number
		if err := parseValue(t.groups[0], e2, &part); err != nil {
			return end, nil
		}
		n.Value += math.Copysign(part.Value, n.Value)
		end, exp = k, e2
	}
}

func parseValue(dec string, exp int, n *Number) error {
	if exp != 0 {
		dec += "e" + strconv.Itoa(exp)
	}
	v, err := strconv.ParseFloat(dec, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return err
	}
	n.Value = v
	return nil
}

// qualifierBefore looks for a qualifier word ending just before the
// horizontal space that precedes i, not starting before min. It returns
// where the qualifier starts, or i.
func qualifierBefore(s string, i, min int, n *Number) int {
	j := skipHSpaceBack(s, i)
	if j == i {
		return i
	}
	k := wordStart(s, j)
	set, ok := qualifiers[key(s[k:j])]
	if !ok || k < min {
		return i
	}
	if key(s[k:j]) == "xỉ" {
		k2 := skipHSpaceBack(s, k)
		k3 := wordStart(s, k2)
		if k2 == k || k3 < min || key(s[k3:k2]) != "xấp" {
			return i
		}
		k = k3
	}
	set(n)
	return k
}

// FindNumbers returns every number in running text s, in order, with byte
// offsets into s. It does not normalize s (callers normalize first, so the
// offsets stay valid) but reads the words it needs in NFC or NFD.
//
// A match joins a qualifier before the number ("trên", "hơn", "ngoài",
// "gần", "khoảng", "xấp xỉ"), a multiplier after it ("nghìn"/"ngàn",
// "triệu", "tỷ"/"tỉ", "nghìn tỷ", and chains such as "1 tỷ 200 triệu") and
// a percent sign or "phần trăm". A run of digits and separators that does
// not read as one number ("31.12.2015", "1,2,3", "1.234.56") gives one
// match per digit group, each Attached. FindNumbers reads no minus sign,
// since "2016 -2020" is a range. It does not decide what is a date, a year
// or a document number: it returns those too, and marks the ones glued to
// other text as Attached, so "114-KL/TW" yields 114, Attached.
func FindNumbers(s string) []NumberMatch {
	var out []NumberMatch
	prev := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		t := lexNumber(s, i)
		dec, ok := t.decimal()
		if !ok {
			at := i
			for _, g := range t.groups {
				var n Number
				_ = parseValue(g, 0, &n)
				out = append(out, NumberMatch{Start: at, End: at + len(g), Number: n, Attached: true})
				at += len(g) + 1
			}
			prev, i = t.end, t.end-1
			continue
		}
		var n Number
		start := qualifierBefore(s, i, prev, &n)
		end, err := scanNumberTail(s, t.end, dec, &n)
		if err != nil {
			// Only an impossible decimal gets here; skip the token.
			i = t.end - 1
			continue
		}
		out = append(out, NumberMatch{
			Start: start, End: end, Number: n,
			Attached: attachedBefore(s, start) || attachedAfter(s, end),
		})
		prev, i = end, end-1
	}
	return out
}

// ParseNumber reads s as one number written the Vietnamese way, with the
// qualifiers, multipliers and percent forms that FindNumbers joins:
// "5.112" (5112), "1.200.000", "1,5" (1.5), "100%", "1 tỉ", "1,2 tỷ",
// "2,3 triệu", "trên 500 triệu", "3 nghìn", "1 tỷ 200 triệu", "-1.200".
//
// '.' groups thousands and ',' is the decimal mark. A single '.' followed
// by a group that is not exactly three digits, or after more than three
// digits, is read as a decimal point ("2.5" is 2.5, "1234.567" is
// 1234.567), since it cannot be a thousands separator; "2.500" is 2500,
// and a group of six or nine digits after one to three is thousands
// whose later dots were left out ("25.137000" is 25137000). FindNumbers
// also joins a group of three set off by a stray space after a dot
// ("63.298. 000" is 63298000).
// Digits grouped by commas ("1,200,000") are not read as one number.
// Leading and trailing white space is ignored; s may be NFC or NFD.
func ParseNumber(s string) (Number, error) {
	orig := s
	s = strings.TrimSpace(Normalize(s))
	var n Number
	i := 0
	if w, k := wordAt(s, 0); w != "" {
		if w == "xấp" {
			if w2, k2 := wordAt(s, skipHSpace(s, k)); w2 == "xỉ" && skipHSpace(s, k) > k {
				w, k = w2, k2
			}
		} else if w == "xỉ" {
			w = ""
		}
		set, ok := qualifiers[w]
		if !ok || skipHSpace(s, k) == k {
			return Number{}, fmt.Errorf("vntext: parse number %q: %w", orig, ErrNotNumber)
		}
		set(&n)
		i = skipHSpace(s, k)
	}
	neg := false
	if strings.HasPrefix(s[i:], "-") {
		neg, i = true, i+1
	} else if strings.HasPrefix(s[i:], "\u2212") {
		neg, i = true, i+len("\u2212")
	}
	if i >= len(s) || !isDigit(s[i]) {
		return Number{}, fmt.Errorf("vntext: parse number %q: %w", orig, ErrNotNumber)
	}
	t := lexNumber(s, i)
	dec, ok := t.decimal()
	if !ok {
		return Number{}, fmt.Errorf("vntext: parse number %q: digit groups %q: %w", orig, s[i:t.end], ErrNotNumber)
	}
	if neg {
		dec = "-" + dec
	}
	end, err := scanNumberTail(s, t.end, dec, &n)
	if err != nil {
		return Number{}, fmt.Errorf("vntext: parse number %q: %w", orig, err)
	}
	if end != len(s) {
		return Number{}, fmt.Errorf("vntext: parse number %q: unexpected %q: %w", orig, s[end:], ErrNotNumber)
	}
	return n, nil
}

// FormatInt writes n with '.' between thousands: 5112 is "5.112", -1200
// is "-1.200".
func FormatInt(n int64) string {
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	s := groupThousands(strconv.FormatUint(u, 10))
	if n < 0 {
		return "-" + s
	}
	return s
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for k := first; k < len(digits); k += 3 {
		b.WriteByte('.')
		b.WriteString(digits[k : k+3])
	}
	return b.String()
}

// FormatNumber writes f the Vietnamese way with the given number of
// decimals: FormatNumber(1.5, 1) is "1,5", FormatNumber(1234567.891, 2) is
// "1.234.567,89". With decimals < 0 it uses as few as represent f exactly.
// NaN and infinities are written as strconv writes them.
func FormatNumber(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	if decimals < -1 {
		decimals = -1
	}
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	out := groupThousands(intPart)
	if frac != "" {
		out += "," + frac
	}
	if f < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}
