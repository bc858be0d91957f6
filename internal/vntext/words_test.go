package vntext

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
)

func TestNumberWords(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "không"},
		{1, "một"},
		{4, "bốn"},
		{5, "năm"},
		{10, "mười"},
		{11, "mười một"},
		{14, "mười bốn"},
		{15, "mười lăm"},
		{20, "hai mươi"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{25, "hai mươi lăm"},
		{55, "năm mươi lăm"},
		{99, "chín mươi chín"},
		{100, "một trăm"},
		{101, "một trăm linh một"},
		{104, "một trăm linh bốn"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{115, "một trăm mười lăm"},
		{121, "một trăm hai mươi mốt"},
		{1000, "một nghìn"},
		{1001, "một nghìn không trăm linh một"},
		{1010, "một nghìn không trăm mười"},
		{1100, "một nghìn một trăm"},
		{10000, "mười nghìn"},
		{15000, "mười lăm nghìn"},
		{21000, "hai mươi mốt nghìn"},
		{100000, "một trăm nghìn"},
		{105000, "một trăm linh năm nghìn"},
		{1000000, "một triệu"},
		{1000005000, "một tỷ không trăm linh năm nghìn"},
		{1000000010, "một tỷ không trăm mười"},
		{2007440734, "hai tỷ không trăm linh bảy triệu bốn trăm bốn mươi nghìn bảy trăm ba mươi tư"},
		{1234567891, "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt"},
		{1_000_000_000_000, "một nghìn tỷ"},
		{1_000_000_000_000_000, "một triệu tỷ"},
		{1_000_000_000_000_000_000, "một tỷ tỷ"},
		{2_500_000_000_000, "hai nghìn năm trăm tỷ"},
		{1_000_001_000_000_000, "một triệu không trăm linh một tỷ"},
		{1_000_000_000_000_005, "một triệu tỷ không trăm linh năm"},
		{-15, "âm mười lăm"},
		{math.MaxInt64, "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
			"tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"},
		{math.MinInt64, "âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
			"tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám"},
	}
	for _, tt := range tests {
		if got := NumberWords(tt.n); got != tt.want {
			t.Errorf("NumberWords(%d) =\n  %q\nwant\n  %q", tt.n, got, tt.want)
		}
	}
}

func TestAmountWords(t *testing.T) {
	const want = "Hai tỷ không trăm linh bảy triệu bốn trăm bốn mươi nghìn bảy trăm ba mươi tư đồng"
	if got := AmountWords(2007440734); got != want {
		t.Errorf("AmountWords = %q, want %q", got, want)
	}
	if got := AmountWithWords(2007440734); got != "2.007.440.734 đồng ("+want+")" {
		t.Errorf("AmountWithWords = %q", got)
	}
	if got := AmountWords(0); got != "Không đồng" {
		t.Errorf("AmountWords(0) = %q", got)
	}
	if got := AmountWithWords(-5000); got != "-5.000 đồng (Âm năm nghìn đồng)" {
		t.Errorf("AmountWithWords(-5000) = %q", got)
	}
}

// readWords is the inverse of NumberWords, written independently and
// strictly: it refuses every form the rules exclude (mốt after mười, lăm
// after linh, a leading "không trăm", …), so a round trip checks both the
// value and the usage. The words between two "tỷ" are a number below a
// billion; the parts combine as in Horner's rule.
func readWords(s string) (int64, error) {
	if s == "không" {
		return 0, nil
	}
	toks := strings.Split(s, " ")
	neg := false
	if toks[0] == "âm" {
		neg, toks = true, toks[1:]
	}
	var parts [][]string
	cur := []string{}
	for _, w := range toks {
		if w == "tỷ" {
			parts, cur = append(parts, cur), []string{}
			continue
		}
		cur = append(cur, w)
	}
	parts = append(parts, cur)
	var total uint64
	for i, p := range parts {
		if i == 0 && len(p) == 0 {
			return 0, fmt.Errorf("starts with tỷ")
		}
		v, err := readBelowBillion(p, i > 0)
		if err != nil {
			return 0, err
		}
		if i > 0 {
			total *= 1_000_000_000
		}
		total += v
	}
	if neg {
		return -int64(total), nil
	}
	return int64(total), nil
}

// readBelowBillion reads groups with nghìn and triệu; inner is true when
// a larger part came before, so the first group needs its hundreds.
func readBelowBillion(toks []string, inner bool) (uint64, error) {
	digit := map[string]uint64{"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	scale := map[string]uint64{"nghìn": 1000, "triệu": 1000000}
	var total uint64
	last := uint64(1) << 62
	for first := !inner; len(toks) > 0; first = false {
		// One group: [D trăm] [linh D | mười [U] | D mươi [U] | D].
		var g uint64
		i := 0
		word := func() string {
			if i < len(toks) {
				return toks[i]
			}
			return ""
		}
		if i+1 < len(toks) && toks[i+1] == "trăm" {
			h, ok := digit[toks[i]]
			if toks[i] == "không" {
				if first {
					return 0, fmt.Errorf("leading group with không trăm")
				}
				h, ok = 0, true
			}
			if !ok {
				return 0, fmt.Errorf("bad hundreds %q", toks[i])
			}
			g, i = h*100, i+2
		} else if !first {
			return 0, fmt.Errorf("inner group without its hundreds at %q", word())
		}
		hadHundreds := i > 0
		switch w := word(); {
		case w == "linh":
			if !hadHundreds || i+1 >= len(toks) {
				return 0, fmt.Errorf("linh without hundreds or digit")
			}
			d, ok := digit[toks[i+1]]
			if !ok {
				return 0, fmt.Errorf("bad digit after linh %q", toks[i+1])
			}
			g, i = g+d, i+2
		case w == "mười":
			g, i = g+10, i+1
			switch u := word(); u {
			case "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín":
				g, i = g+digit[u], i+1
			case "lăm":
				g, i = g+5, i+1
			case "mốt", "tư", "năm":
				return 0, fmt.Errorf("%q after mười", u)
			}
		case digit[w] > 0 && i+1 < len(toks) && toks[i+1] == "mươi":
			if digit[w] == 1 {
				return 0, fmt.Errorf("một mươi")
			}
			g, i = g+10*digit[w], i+2
			switch u := word(); u {
			case "hai", "ba", "sáu", "bảy", "tám", "chín":
				g, i = g+digit[u], i+1
			case "mốt":
				g, i = g+1, i+1
			case "tư":
				g, i = g+4, i+1
			case "lăm":
				g, i = g+5, i+1
			case "một", "bốn", "năm":
				return 0, fmt.Errorf("%q after mươi", u)
			}
		case digit[w] > 0 && !hadHundreds:
			g, i = g+digit[w], i+1
		}
		if g == 0 {
			return 0, fmt.Errorf("empty group at %q", word())
		}
		mult := uint64(1)
		if i < len(toks) {
			if m, ok := scale[toks[i]]; ok {
				mult, i = m, i+1
			}
		}
		if mult >= last {
			return 0, fmt.Errorf("scales out of order")
		}
		last = mult
		total += g * mult
		toks = toks[i:]
	}
	return total, nil
}

func TestNumberWordsRoundTrip(t *testing.T) {
	for _, n := range []int64{0, 7, 19, 1005, 1_000_000_000_000_000_000, math.MaxInt64, math.MinInt64 + 1, -1} {
		checkWords(t, n)
	}
	for n := int64(0); n < 20000; n++ {
		checkWords(t, n)
	}
}

func checkWords(t *testing.T, n int64) {
	t.Helper()
	w := NumberWords(n)
	if strings.Contains(w, "  ") || strings.TrimSpace(w) != w {
		t.Fatalf("NumberWords(%d) = %q: bad spacing", n, w)
	}
	got, err := readWords(w)
	if err != nil {
		t.Fatalf("NumberWords(%d) = %q: %v", n, w, err)
	}
	if got != n && n != math.MinInt64 {
		t.Fatalf("NumberWords(%d) = %q reads back as %d", n, w, got)
	}
}

func FuzzNumberWords(f *testing.F) {
	for _, n := range []int64{0, 5, 15, 105, 1001, 2007440734, math.MaxInt64, math.MinInt64, -21} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		if n == math.MinInt64 {
			if w := NumberWords(n); !strings.HasPrefix(w, "âm chín tỷ hai trăm") {
				t.Fatalf("NumberWords(MinInt64) = %q", w)
			}
			return
		}
		checkWords(t, n)
		if a := AmountWords(n); !strings.HasSuffix(a, " đồng") || !unicode.IsUpper([]rune(a)[0]) {
			t.Fatalf("AmountWords(%d) = %q", n, a)
		}
	})
}
