package vntext

import (
	"strconv"
	"unicode/utf8"
)

// PeriodMatch is a reporting period named in running text. s[Start:End]
// is the matched text.
//
// Period.Year is 0 when the text leaves the year out ("6 tháng đầu năm",
// "quý II"): such a Period is not Valid until the caller sets the year from
// context. A part of a year named by its length that the period codes
// cannot express ("9 tháng đầu năm 2023", "4 tháng đầu năm") has Kind 0,
// the year (or 0) in Period.Year, and its length in Months; for the halves
// Months is 6 and Period is a Half.
type PeriodMatch struct {
	Start, End int
	Period     Period
	Months     int
}

var romanNumbers = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}

// FindPeriods returns the reporting periods named in running text s, in
// order, with byte offsets into s:
//
//   - years: "năm 2020";
//   - parts of a year: "6 tháng đầu năm 2023", "sáu tháng cuối năm", "6
//     tháng năm 2025" (the first six months), "9 tháng đầu năm 2023" (Kind
//     0, Months 9);
//   - quarters and months: "quý III năm 2023", "quý 3/2023", "tháng 7 năm
//     2023", "tháng 7/2023";
//   - stages: "giai đoạn 2010-2020", "giai đoạn 2016 -2020", "nhiệm kỳ
//     2020 – 2025", "năm 2020-2025", "từ năm 2015 đến năm 2020", and a bare
//     "2016-2020" (not a school year: "năm học 2023-2024" is no period).
//
// A full date is not a period: the "năm 2020" of "ngày 25 tháng 12 năm
// 2020" is not returned. Lengths of time ("10 năm", "6 tháng", "16 tháng
// đầu năm") are not periods either. Which of the periods named is the one a
// meeting reviews is for the caller to decide.
func FindPeriods(s string) []PeriodMatch {
	var out []PeriodMatch
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		digit := isDigit(s[i])
		if !digit && !isWordRune(r) || attachedBefore(s, i) {
			i += n
			continue
		}
		if !digit && !mayStartPeriod(r) {
			i = wordEnd(s, i) // no period starts with this word
			continue
		}
		end, m, ok, skip := matchPeriod(s, i)
		if ok && !attachedAfter(s, end) {
			if inFullDate(s, i, m) {
				i = end // the month and year of a full date: no period
				continue
			}
			m.Start, m.End = i, end
			out = append(out, m)
			i = end
			continue
		}
		if skip {
			// A length of time or a school year: none of it is a period.
			i = end
			continue
		}
		if digit {
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		} else {
			i = wordEnd(s, i)
		}
	}
	return out
}

// mayStartPeriod reports whether a word starting with r may begin a
// period: "năm", "sáu", "tháng", "từ", "quý", "giai đoạn", "nhiệm kỳ".
func mayStartPeriod(r rune) bool {
	switch r | 0x20 { // ASCII lower case
	case 'n', 's', 't', 'q', 'g':
		return true
	}
	return false
}

// schoolYearBefore reports "năm học" just before i.
func schoolYearBefore(s string, i int) bool {
	j := skipHSpaceBack(s, i)
	k := wordStart(s, j)
	if k == j || key(s[k:j]) != "học" {
		return false
	}
	j = skipHSpaceBack(s, k)
	k = wordStart(s, j)
	return k < j && key(s[k:j]) == "năm"
}

// inFullDate reports whether the period m read at i is the month and year
// of a full date: "tháng 12 năm 2020" in "ngày 25 tháng 12 năm 2020", a
// day number written before "tháng".
func inFullDate(s string, i int, m PeriodMatch) bool {
	if m.Period.Kind != Month {
		return false
	}
	j := skipHSpaceBack(s, i)
	k := j
	for k > 0 && isDigit(s[k-1]) {
		k--
	}
	if k == j || j-k > 2 || attachedBefore(s, k) {
		return false
	}
	d, _ := strconv.Atoi(s[k:j])
	return d >= 1 && d <= 31
}

// yearAt reads a four-digit year at i, not glued to more digits.
func yearAt(s string, i int) (int, int, bool) {
	if i+4 > len(s) || !allDigits(s[i:i+4]) || i+4 < len(s) && isDigit(s[i+4]) {
		return 0, i, false
	}
	y, _ := strconv.Atoi(s[i : i+4])
	return y, i + 4, y >= 1
}

// afterSpace returns the offset after horizontal space at i, and whether
// there was any.
func afterSpace(s string, i int) (int, bool) {
	j := skipHSpace(s, i)
	return j, j > i
}

// namYear reads " năm 2023" or "/2023" after a period word; it returns
// year 0 and i when neither follows.
func namYear(s string, i int) (int, int) {
	if i < len(s) && (s[i] == '/' || s[i] == '-') {
		if y, e, ok := yearAt(s, i+1); ok {
			return y, e
		}
		return 0, i
	}
	j, ok := afterSpace(s, i)
	if !ok {
		return 0, i
	}
	if w, k := wordAt(s, j); w == "năm" {
		if k2, ok := afterSpace(s, k); ok {
			if y, e, ok := yearAt(s, k2); ok {
				return y, e
			}
		}
	}
	return 0, i
}

// dashAt reads a dash ("-", "–", "—") at i, with white space around it;
// it returns the offset after it.
func dashAt(s string, i int) (int, bool) {
	j := skipHSpace(s, i)
	r, n := utf8.DecodeRuneInString(s[j:])
	if r != '-' && r != '\u2013' && r != '\u2014' {
		return i, false
	}
	return skipHSpace(s, j+n), true
}

// stageAt reads "2010-2020", "2016 -2020", "2020 – 2025" at i: two years,
// the second after the first and at most fifty years on.
func stageAt(s string, i int) (end int, p Period, ok bool) {
	y1, e, ok := yearAt(s, i)
	if !ok {
		return i, Period{}, false
	}
	j, ok := dashAt(s, e)
	if !ok {
		return i, Period{}, false
	}
	y2, e2, ok := yearAt(s, j)
	if !ok || y2 <= y1 || y2-y1 > 50 {
		return i, Period{}, false
	}
	return e2, Period{Kind: Stage, Year: y1, ToYear: y2}, true
}

// matchPeriod reads a period at i. It reports skip for text that must be skipped whole (a length of
// time that looks like a part of a year, a school year).
func matchPeriod(s string, i int) (end int, m PeriodMatch, ok, skip bool) {
	if isDigit(s[i]) || (s[i]|0x20) == 's' && wordEndIs(s, i, "sáu") {
		if end, months, part, y, ok := partOfYear(s, i); ok {
			m, ok := yearPart(months, part, y)
			return end, m, ok, !ok
		} else if end > i {
			return end, PeriodMatch{}, false, true
		}
	}
	if isDigit(s[i]) {
		// A bare stage "2016 -2020"; "năm học 2023-2024" is a school year.
		if end, p, ok := stageAt(s, i); ok {
			if schoolYearBefore(s, i) {
				return end, PeriodMatch{}, false, true
			}
			return end, PeriodMatch{Period: p}, p.Valid(), false
		}
		return i, PeriodMatch{}, false, false
	}
	end, m, ok = matchWordPeriod(s, i)
	return end, m, ok, false
}

// matchWordPeriod reads a period that starts with a word: "năm 2023",
// "quý III/2023", "tháng 7/2023", "giai đoạn 2010-2020", "từ năm ...".
func matchWordPeriod(s string, i int) (int, PeriodMatch, bool) {
	w, k := wordAt(s, i)
	switch w {
	case "năm":
		k2, ok := afterSpace(s, k)
		if !ok {
			return i, PeriodMatch{}, false
		}
		if end, p, ok := stageAt(s, k2); ok {
			return end, PeriodMatch{Period: p}, p.Valid() // "năm 2020-2025"
		}
		y, e, ok := yearAt(s, k2)
		p := Period{Kind: Year, Year: y}
		return e, PeriodMatch{Period: p}, ok && p.Valid()
	case "từ":
		// "từ năm 2015 đến năm 2020", "từ năm 2015 đến 2020"
		k2, _ := afterSpace(s, k)
		if w2, k3 := wordAt(s, k2); w2 != "năm" {
			return i, PeriodMatch{}, false
		} else if k2, ok := afterSpace(s, k3); ok {
			y1, e, ok := yearAt(s, k2)
			if !ok {
				return i, PeriodMatch{}, false
			}
			k4, _ := afterSpace(s, e)
			w3, k5 := wordAt(s, k4)
			if w3 != "đến" {
				return i, PeriodMatch{}, false
			}
			k6, _ := afterSpace(s, k5)
			if w4, k7 := wordAt(s, k6); w4 == "năm" {
				k6, _ = afterSpace(s, k7)
			}
			y2, e2, ok := yearAt(s, k6)
			p := Period{Kind: Stage, Year: y1, ToYear: y2}
			return e2, PeriodMatch{Period: p}, ok && p.Valid() && y2-y1 <= 50
		}
		return i, PeriodMatch{}, false
	case "quý":
		k2, ok := afterSpace(s, k)
		if !ok || k2 >= len(s) {
			return i, PeriodMatch{}, false
		}
		q, e := 0, k2
		if isDigit(s[k2]) {
			if k2+1 < len(s) && isDigit(s[k2+1]) {
				return i, PeriodMatch{}, false
			}
			q, e = int(s[k2]-'0'), k2+1
		} else {
			var rw string
			rw, e = wordAt(s, k2)
			q = romanNumbers[rw]
		}
		if q < 1 || q > 4 {
			return i, PeriodMatch{}, false
		}
		y, e := namYear(s, e)
		p := Period{Kind: Quarter, Year: y, Part: q}
		return e, PeriodMatch{Period: p}, y == 0 || p.Valid()
	case "tháng":
		k2, ok := afterSpace(s, k)
		if !ok || k2 >= len(s) || !isDigit(s[k2]) {
			return i, PeriodMatch{}, false
		}
		e := k2
		for e < len(s) && isDigit(s[e]) {
			e++
		}
		m, _ := strconv.Atoi(s[k2:e])
		if e-k2 > 2 {
			return i, PeriodMatch{}, false
		}
		y, e2 := namYear(s, e)
		p := Period{Kind: Month, Year: y, Part: m}
		return e2, PeriodMatch{Period: p}, y != 0 && p.Valid()
	case "giai", "nhiệm":
		k2, ok := afterSpace(s, k)
		if !ok {
			return i, PeriodMatch{}, false
		}
		if w2, k3 := wordAt(s, k2); !(w == "giai" && w2 == "đoạn" || w == "nhiệm" && w2 == "kỳ") {
			return i, PeriodMatch{}, false
		} else if k2, ok = afterSpace(s, k3); !ok {
			return i, PeriodMatch{}, false
		}
		end, p, ok := stageAt(s, k2)
		return end, PeriodMatch{Period: p}, ok && p.Valid()
	}
	return i, PeriodMatch{}, false
}

// yearPart builds the match for "N tháng đầu/cuối năm": a half for six
// months, else a part of a year the codes cannot express.
func yearPart(months, part, year int) (PeriodMatch, bool) {
	if months == 6 {
		p := Period{Kind: Half, Year: year, Part: part}
		return PeriodMatch{Period: p, Months: 6}, year == 0 || p.Valid()
	}
	if year != 0 && !validYear(year) {
		return PeriodMatch{}, false
	}
	return PeriodMatch{Period: Period{Year: year}, Months: months}, true
}

// partOfYear reads "6 tháng đầu năm 2023", "sáu tháng cuối năm", "9 tháng
// đầu năm", "6 tháng năm 2025" (the first months of the year, written with
// the year): the number of months (1 to 11), part 1 (đầu) or 2 (cuối),
// and the year when written. For a number of months that no year has
// ("16 tháng đầu năm") it returns ok=false with end after the phrase, so
// the caller can skip it.
func partOfYear(s string, i int) (end, months, part, year int, ok bool) {
	k := i
	if isDigit(s[i]) {
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k-i > 2 {
			return i, 0, 0, 0, false
		}
		months, _ = strconv.Atoi(s[i:k])
	} else {
		k, months = wordEnd(s, i), 6 // "sáu"
	}
	k2, ok := afterSpace(s, k)
	if w, k3 := wordAt(s, k2); !ok || w != "tháng" {
		return i, 0, 0, 0, false
	} else {
		k = k3
	}
	k2, ok = afterSpace(s, k)
	w, k3 := wordAt(s, k2)
	if !ok {
		return i, 0, 0, 0, false
	}
	switch w {
	case "đầu", "cuối":
		part = 1
		if w == "cuối" {
			part = 2
		}
		k2, ok = afterSpace(s, k3)
		if w2, k4 := wordAt(s, k2); !ok || w2 != "năm" {
			return i, 0, 0, 0, false
		} else {
			k = k4
		}
		end = k
		if k2, ok := afterSpace(s, k); ok {
			if y, e, ok := yearAt(s, k2); ok {
				year, end = y, e
			}
		}
	case "năm":
		// "6 tháng năm 2025": the year must be written.
		k4, ok := afterSpace(s, k3)
		y, e, ok2 := yearAt(s, k4)
		if !ok || !ok2 {
			return i, 0, 0, 0, false
		}
		part, year, end = 1, y, e
	default:
		return i, 0, 0, 0, false
	}
	if months < 1 || months > 11 {
		return end, 0, 0, 0, false
	}
	return end, months, part, year, true
}

func wordEndIs(s string, i int, w string) bool {
	got, _ := wordAt(s, i)
	return got == w
}
