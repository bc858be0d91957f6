package vntext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the kind of a reporting period.
type PeriodKind int

// The kinds of reporting period. The zero PeriodKind is not a kind: a zero
// Period is invalid.
const (
	Year    PeriodKind = iota + 1 // "2023"
	Half                          // "2023S1", "2023S2": six months
	Quarter                       // "2023Q3"
	Month                         // "202307"
	Stage                         // "2010-2020": several years
)

// String returns the kind's name in English: "year", "half", "quarter",
// "month", "stage".
func (k PeriodKind) String() string {
	switch k {
	case Year:
		return "year"
	case Half:
		return "half"
	case Quarter:
		return "quarter"
	case Month:
		return "month"
	case Stage:
		return "stage"
	}
	return "PeriodKind(" + strconv.Itoa(int(k)) + ")"
}

// Period is a reporting period. Part is the half (1-2), quarter (1-4) or
// month (1-12) of Year; it is 0 for a year and a stage. ToYear is the last
// year of a stage, 0 otherwise.
type Period struct {
	Kind       PeriodKind
	Year, Part int
	ToYear     int
}

// ErrBadPeriod is returned, wrapped, by ParsePeriod for a string that is
// not a period code.
var ErrBadPeriod = errors.New("not a period code")

// ParsePeriod reads a period code: "2023" (year), "2023S1" and "2023S2"
// (first and second six months), "2023Q3" (quarter), "202307" (month),
// "2010-2020" (stage, the second year after the first). Years have four
// digits, 0001 to 9999; s and q may be lower case; surrounding white space
// is ignored.
func ParsePeriod(code string) (Period, error) {
	c := strings.TrimSpace(code)
	bad := func(why string) (Period, error) {
		return Period{}, fmt.Errorf("vntext: parse period %q: %s: %w", code, why, ErrBadPeriod)
	}
	if len(c) < 4 || !allDigits(c[:4]) {
		return bad("no four-digit year")
	}
	y, _ := strconv.Atoi(c[:4])
	if y == 0 {
		return bad("year 0")
	}
	rest := c[4:]
	var p Period
	switch {
	case rest == "":
		p = Period{Kind: Year, Year: y}
	case len(rest) == 2 && (rest[0] == 'S' || rest[0] == 's') && isDigit(rest[1]):
		p = Period{Kind: Half, Year: y, Part: int(rest[1] - '0')}
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'q') && isDigit(rest[1]):
		p = Period{Kind: Quarter, Year: y, Part: int(rest[1] - '0')}
	case len(rest) == 2 && allDigits(rest):
		m, _ := strconv.Atoi(rest)
		p = Period{Kind: Month, Year: y, Part: m}
	case len(rest) == 5 && rest[0] == '-' && allDigits(rest[1:]):
		to, _ := strconv.Atoi(rest[1:])
		p = Period{Kind: Stage, Year: y, ToYear: to}
	default:
		return bad("unknown form")
	}
	if !p.Valid() {
		return bad("out of range")
	}
	return p, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// Valid reports whether p is a period ParsePeriod could return.
func (p Period) Valid() bool {
	if p.Year < 1 || p.Year > 9999 {
		return false
	}
	switch p.Kind {
	case Year:
		return p.Part == 0 && p.ToYear == 0
	case Half:
		return p.Part >= 1 && p.Part <= 2 && p.ToYear == 0
	case Quarter:
		return p.Part >= 1 && p.Part <= 4 && p.ToYear == 0
	case Month:
		return p.Part >= 1 && p.Part <= 12 && p.ToYear == 0
	case Stage:
		return p.Part == 0 && p.ToYear > p.Year && p.ToYear <= 9999
	}
	return false
}

// String returns the period's code ("2023", "2023S1", "2023Q3", "202307",
// "2010-2020"), which ParsePeriod reads back; "" for an invalid period.
func (p Period) String() string {
	if !p.Valid() {
		return ""
	}
	switch p.Kind {
	case Half:
		return fmt.Sprintf("%04dS%d", p.Year, p.Part)
	case Quarter:
		return fmt.Sprintf("%04dQ%d", p.Year, p.Part)
	case Month:
		return fmt.Sprintf("%04d%02d", p.Year, p.Part)
	case Stage:
		return fmt.Sprintf("%04d-%04d", p.Year, p.ToYear)
	}
	return fmt.Sprintf("%04d", p.Year)
}

var romanQuarters = [...]string{"", "I", "II", "III", "IV"}

// Label returns the period as reports name it: "năm 2023", "6 tháng đầu
// năm 2023", "6 tháng cuối năm 2023", "quý III năm 2023", "tháng 7 năm
// 2023", "giai đoạn 2010 – 2020"; "" for an invalid period.
func (p Period) Label() string {
	if !p.Valid() {
		return ""
	}
	switch p.Kind {
	case Half:
		if p.Part == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case Quarter:
		return fmt.Sprintf("quý %s năm %d", romanQuarters[p.Part], p.Year)
	case Month:
		return fmt.Sprintf("tháng %d năm %d", p.Part, p.Year)
	case Stage:
		return fmt.Sprintf("giai đoạn %d – %d", p.Year, p.ToYear)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// months returns the first and last month of p, counted from January of
// p.Year (the last may pass 12 for a stage).
func (p Period) months() (first, last int) {
	switch p.Kind {
	case Half:
		return 6*p.Part - 5, 6 * p.Part
	case Quarter:
		return 3*p.Part - 2, 3 * p.Part
	case Month:
		return p.Part, p.Part
	case Stage:
		return 1, 12 * (p.ToYear - p.Year + 1)
	}
	return 1, 12
}

// Start returns the first day of p at 00:00 UTC; the zero time for an
// invalid period.
func (p Period) Start() time.Time {
	if !p.Valid() {
		return time.Time{}
	}
	first, _ := p.months()
	return time.Date(p.Year, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
}

// End returns the last day of p at 00:00 UTC: 31/12/2023 for 2023,
// 30/06/2023 for 2023S1. It is the zero time for an invalid period.
func (p Period) End() time.Time {
	if !p.Valid() {
		return time.Time{}
	}
	_, last := p.months()
	return time.Date(p.Year, time.Month(last)+1, 0, 0, 0, 0, 0, time.UTC)
}

// Contains reports whether q lies wholly inside p: 2023 contains 2023S1,
// 2023Q3 and 202307; 2023S1 contains 2023Q1, 2023Q2 and months 1 to 6;
// 2010-2020 contains 2015. Every valid period contains itself; an invalid
// one contains nothing and is in nothing.
func (p Period) Contains(q Period) bool {
	if !p.Valid() || !q.Valid() {
		return false
	}
	return !q.Start().Before(p.Start()) && !q.End().After(p.End())
}
