package vntext

import (
	"strconv"
	"unicode/utf8"
)

// PeriodMatch is a reporting period named in running text. s[Start:End]
// is the matched text. Period.Year is 0 when the text leaves the year out
// ("6 tháng đầu năm", "quý II"): such a Period is not Valid until the
// caller sets the year from context.
type PeriodMatch struct {
	Start, End int
	Period     Period
}

var romanNumbers = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}

// FindPeriods returns the reporting periods named in running text s, in
// order, with byte offsets into s: "năm 2020", "6 tháng đầu năm 2023",
// "sáu tháng cuối năm", "quý III năm 2023", "quý 3/2023", "tháng 7 năm
// 2023", "tháng 7/2023", "giai đoạn 2010-2020", "giai đoạn 2016 -2020",
// "nhiệm kỳ 2020 – 2025". A full date is not a period: the "năm 2020" of
// "ngày 25 tháng 12 năm 2020" is not returned. Lengths of time ("10 năm",
// "4 tháng đầu năm") are not periods either.
func FindPeriods(s string) []PeriodMatch {
	var out []PeriodMatch
	dates := FindDates(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) && !isDigit(s[i]) || attachedBefore(s, i) {
			i += n
			continue
		}
		end, p, ok := matchPeriod(s, i)
		if ok && !attachedAfter(s, end) && !insideDay(dates, i, end) {
			out = append(out, PeriodMatch{Start: i, End: end, Period: p})
			i = end
			continue
		}
		if isDigit(s[i]) {
			if end, _, _, _, ok := partOfYear(s, i); ok {
				i = end // "4 tháng đầu năm 2023" names no period
				continue
			}
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		} else {
			i = wordEnd(s, i)
		}
	}
	return out
}

// insideDay reports whether start:end overlaps a date that names a day.
func insideDay(dates []DateMatch, start, end int) bool {
	for _, d := range dates {
		if d.Date.Day != 0 && d.Start < end && start < d.End {
			return true
		}
	}
	return false
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

func matchPeriod(s string, i int) (int, Period, bool) {
	var p Period
	if isDigit(s[i]) || wordEndIs(s, i, "sáu") {
		// "6 tháng đầu năm [2023]", "sáu tháng cuối năm".
		end, months, part, y, ok := partOfYear(s, i)
		p = Period{Kind: Half, Year: y, Part: part}
		return end, p, ok && months == 6 && (y == 0 || p.Valid())
	}
	w, k := wordAt(s, i)
	switch w {
	case "năm":
		k2, ok := afterSpace(s, k)
		if !ok {
			return i, Period{}, false
		}
		y, e, ok := yearAt(s, k2)
		p = Period{Kind: Year, Year: y}
		return e, p, ok && p.Valid()
	case "quý":
		k2, ok := afterSpace(s, k)
		if !ok || k2 >= len(s) {
			return i, Period{}, false
		}
		q, e := 0, k2
		if isDigit(s[k2]) {
			if k2+1 < len(s) && isDigit(s[k2+1]) {
				return i, Period{}, false
			}
			q, e = int(s[k2]-'0'), k2+1
		} else {
			var rw string
			rw, e = wordAt(s, k2)
			q = romanNumbers[rw]
		}
		if q < 1 || q > 4 {
			return i, Period{}, false
		}
		y, e := namYear(s, e)
		p = Period{Kind: Quarter, Year: y, Part: q}
		return e, p, y == 0 || p.Valid()
	case "tháng":
		k2, ok := afterSpace(s, k)
		if !ok || k2 >= len(s) || !isDigit(s[k2]) {
			return i, Period{}, false
		}
		e := k2
		for e < len(s) && isDigit(s[e]) {
			e++
		}
		m, _ := strconv.Atoi(s[k2:e])
		if e-k2 > 2 {
			return i, Period{}, false
		}
		y, e2 := namYear(s, e)
		p = Period{Kind: Month, Year: y, Part: m}
		return e2, p, y != 0 && p.Valid()
	case "giai", "nhiệm":
		k2, ok := afterSpace(s, k)
		if !ok {
			return i, Period{}, false
		}
		if w2, k3 := wordAt(s, k2); !(w == "giai" && w2 == "đoạn" || w == "nhiệm" && w2 == "kỳ") {
			return i, Period{}, false
		} else if k2, ok = afterSpace(s, k3); !ok {
			return i, Period{}, false
		}
		y1, e, ok := yearAt(s, k2)
		if !ok {
			return i, Period{}, false
		}
		j := skipHSpace(s, e)
		r, n := utf8.DecodeRuneInString(s[j:])
		if r != '-' && r != '\u2013' && r != '\u2014' {
			return i, Period{}, false
		}
		y2, e2, ok := yearAt(s, skipHSpace(s, j+n))
		p = Period{Kind: Stage, Year: y1, ToYear: y2}
		return e2, p, ok && p.Valid()
	}
	return i, Period{}, false
}

// partOfYear reads "6 tháng đầu năm 2023", "sáu tháng cuối năm",
// "4 tháng đầu năm": the number of months, part 1 (đầu) or 2 (cuối), and
// the year when written.
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
	for _, want := range []string{"tháng", "", "năm"} {
		k2, ok := afterSpace(s, k)
		if !ok {
			return i, 0, 0, 0, false
		}
		w, k3 := wordAt(s, k2)
		switch {
		case want == "" && w == "đầu":
			part = 1
		case want == "" && w == "cuối":
			part = 2
		case want == "" || w != want:
			return i, 0, 0, 0, false
		}
		k = k3
	}
	end = k
	if k2, ok := afterSpace(s, k); ok {
		if y, e, ok := yearAt(s, k2); ok {
			year, end = y, e
		}
	}
	return end, months, part, year, true
}

func wordEndIs(s string, i int, w string) bool {
	got, _ := wordAt(s, i)
	return got == w
}
