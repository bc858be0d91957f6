package vntext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a possibly partial calendar date found in text.
//
// A day and month without a year ("Sáng 11/7") have Year 0: the year comes
// from context (the report period or the publication date). A month
// without a day ("tháng 7/2023") has Day 0. A range of days in one month
// ("09-13/11/2015") sets EndDay; a range that ends in another month
// ("30/11-02/12/2015") sets EndDay and EndMonth; EndMonth is 0 when the
// range ends in Month. Two days written with "và" ("ngày 19 và 25/7/2019")
// set Day, EndDay and Pair. A range of months ("tháng 8-10/2020") sets
// Month and EndMonth with Day 0.
type Date struct {
	Year, Month, Day int
	EndDay, EndMonth int
	// Pair is set when EndDay is a second day ("19 và 25/7"), not the
	// end of a range.
	Pair bool
	// Weekday is the weekday written before the date, spelled the one
	// way: "Thứ hai" ... "Thứ bảy", "Chủ nhật" (from "thứ Sáu", "Thứ 6",
	// "THỨ SÁU"); "" when none is written. It is not checked against the
	// date.
	Weekday string
}

// DateMatch is a date found in running text. s[Start:End] is the matched
// text, the words that announce the date ("Thứ sáu, ", "Sáng ngày ")
// included.
type DateMatch struct {
	Start, End int
	Date       Date
}

// ErrNotDate is returned, wrapped, by ParseDate for text that is not one
// date.
var ErrNotDate = errors.New("not a date")

// Time returns the date at 00:00 UTC when Year, Month and Day are all
// known and valid; for a range, its first day.
func (d Date) Time() (time.Time, bool) {
	if d.Year <= 0 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Month, d.Year) {
		return time.Time{}, false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// String writes the date the way ParseDate reads it: "25/12/2020",
// "Thứ sáu, 23/04/2021", "11/07", "07/2023", "09-13/11/2015",
// "30/11-02/12/2015", "ngày 19 và 25/07/2019", "tháng 08-10/2020".
func (d Date) String() string {
	var b strings.Builder
	if d.Weekday != "" {
		b.WriteString(d.Weekday + ", ")
	}
	switch {
	case d.Day == 0 && d.EndMonth != 0:
		fmt.Fprintf(&b, "tháng %02d-%02d", d.Month, d.EndMonth)
	case d.Day == 0:
		fmt.Fprintf(&b, "%02d", d.Month)
	case d.Pair:
		fmt.Fprintf(&b, "ngày %02d và %02d/%02d", d.Day, d.EndDay, d.Month)
	case d.EndMonth != 0:
		fmt.Fprintf(&b, "%02d/%02d-%02d/%02d", d.Day, d.Month, d.EndDay, d.EndMonth)
	case d.EndDay != 0:
		fmt.Fprintf(&b, "%02d-%02d/%02d", d.Day, d.EndDay, d.Month)
	default:
		fmt.Fprintf(&b, "%02d/%02d", d.Day, d.Month)
	}
	if d.Year != 0 {
		fmt.Fprintf(&b, "/%04d", d.Year)
	}
	return b.String()
}

// FormatDate writes t's calendar date as "25/12/2020", day and month with
// two digits.
func FormatDate(t time.Time) string {
	return t.Format("02/01/2006")
}

func daysIn(month, year int) int {
	if year == 0 {
		year = 2000 // a leap year: 29/2 is possible
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

const (
	minYear = 1000
	maxYear = 2999
)

var weekdays = map[string]string{
	"hai": "Thứ hai", "2": "Thứ hai",
	"ba": "Thứ ba", "3": "Thứ ba",
	"tư": "Thứ tư", "4": "Thứ tư",
	"năm": "Thứ năm", "5": "Thứ năm",
	"sáu": "Thứ sáu", "6": "Thứ sáu",
	"bảy": "Thứ bảy", "bẩy": "Thứ bảy", "7": "Thứ bảy",
}

// dateWords may come before a date and make a day/month pair a date.
var dateWords = map[string]bool{
	"ngày": true, "hôm": true, "mồng": true, "mùng": true,
	"sáng": true, "trưa": true, "chiều": true, "tối": true, "đêm": true,
}

// prefix reads the words that announce a date from i: weekday, time of
// day, "ngày"... each maybe followed by a comma. It returns where the date
// itself starts (i when there are none), the weekday and whether "ngày"
// (or "mồng", "mùng") was among them.
func datePrefix(s string, i int) (j int, weekday string, ngay, any bool) {
	j = i
	timeWord := false // the previous word was a time of day or "hôm"
	for {
		w, k := wordAt(s, j)
		wasTime := timeWord
		timeWord = false
		switch {
		case (w == "nay" || w == "qua") && wasTime:
			// "sáng nay", "chiều qua", "hôm nay": still announcing.
		case w == "thứ":
			k2 := skipHSpace(s, k)
			if k2 == k {
				return
			}
			var w2 string
			if k2 < len(s) && isDigit(s[k2]) {
				// "Thứ 6" is a weekday, "lần thứ 2" an ordinal: take
				// digits only after a capital T.
				if s[j] != 'T' {
					return
				}
				w2, k = s[k2:k2+1], k2+1
				if k < len(s) && isDigit(s[k]) {
					return
				}
			} else {
				w2, k = wordAt(s, k2)
			}
			wd, ok := weekdays[w2]
			if !ok {
				return
			}
			weekday = wd
		case w == "chủ":
			k2 := skipHSpace(s, k)
			w2, k3 := wordAt(s, k2)
			if k2 == k || w2 != "nhật" {
				return
			}
			weekday, k = "Chủ nhật", k3
		case dateWords[w]:
			ngay = ngay || w == "ngày" || w == "mồng" || w == "mùng"
			timeWord = w != "ngày" && w != "mồng" && w != "mùng"
		default:
			return
		}
		if k < len(s) && s[k] == ',' {
			k++
		}
		k2 := skipHSpace(s, k)
		if k2 == k {
			return
		}
		j, any = k2, true
	}
}

// dateNums are digit groups joined by '/', '-' (or '–') or '.', and
// their pattern: "n/n/Y" for "25/12/2020" (n: one or two digits, Y: four,
// ?: three).
type dateNums struct {
	vals [maxDateNums]int
	n    int
	pat  string // one of datePatterns, "" when too long or unknown
	end  int
}

const maxDateNums = 6

// datePatterns are the patterns the date readers look at.
var datePatterns = map[string]string{}

func init() {
	for _, p := range strings.Fields(`n Y n/n n-n n.n n/Y n-Y n.Y n/n/Y n-n-Y n.n.Y n-n/Y n-n/n n-n/n/Y n/n-n/n n/n-n/n/Y`) {
		datePatterns[p] = p
	}
}

// readDateNums reads the digit groups starting at i.
func readDateNums(s string, i int) dateNums {
	var d dateNums
	var pat [2 * maxDateNums]byte
	p := pat[:0]
	for {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		switch j - i {
		case 1, 2:
			p = append(p, 'n')
		case 3:
			p = append(p, '?')
		case 4:
			p = append(p, 'Y')
		default:
			return dateNums{} // not a date part
		}
		d.vals[d.n], _ = strconv.Atoi(s[i:j])
		d.n, d.end = d.n+1, j
		sep, n := byte(0), 0
		if j < len(s) {
			switch r, size := utf8.DecodeRuneInString(s[j:]); r {
			case '/', '-', '.':
				sep, n = byte(r), size
			case '\u2013':
				sep, n = '-', size
			}
		}
		if sep == 0 || j+n >= len(s) || !isDigit(s[j+n]) {
			d.pat = datePatterns[string(p)]
			return d
		}
		if d.n == maxDateNums {
			return dateNums{} // too many parts: a code, not a date
		}
		p = append(p, sep)
		i = j + n
	}
}

// last returns the last group.
func (d dateNums) last() int { return d.vals[d.n-1] }

func validDay(day, month, year int) bool {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)
}

func validYear(y int) bool { return y >= minYear && y <= maxYear }

// dateBody reads the date itself at i, after any prefix; ngay reports
// whether "ngày" (or "mồng", "mùng") came before it, announced whether
// any date word did. A day and month joined by a dot ("Sáng 19.12",
// "chiều 6.10") are a date only when announced: "5.1" alone is a number.
func dateBody(s string, i int, ngay, announced bool) (end int, d Date, ok bool) {
	if w, k := wordAt(s, i); w == "tháng" {
		return monthBody(s, k)
	}
	if i >= len(s) || !isDigit(s[i]) {
		return
	}
	n := readDateNums(s, i)
	if n.pat == "" {
		return
	}
	v := n.vals
	pat := n.pat
	if strings.HasSuffix(pat, "Y") && !validYear(n.last()) {
		return
	}
	switch pat {
	case "n":
		return dayWords(s, n.end, v[0], ngay)
	case "n/n", "n-n":
		d = Date{Day: v[0], Month: v[1]}
	case "n.n":
		if !announced {
			return
		}
		d = Date{Day: v[0], Month: v[1]}
	case "n/Y":
		d = Date{Month: v[0], Year: v[1]}
	case "n/n/Y", "n-n-Y", "n.n.Y", "n-n/Y":
		d = Date{Day: v[0], Month: v[1], Year: v[2]}
	case "n-n/n":
		d = Date{Day: v[0], EndDay: v[1], Month: v[2]}
	case "n-n/n/Y":
		d = Date{Day: v[0], EndDay: v[1], Month: v[2], Year: v[3]}
	case "n/n-n/n":
		d = Date{Day: v[0], Month: v[1], EndDay: v[2], EndMonth: v[3]}
	case "n/n-n/n/Y":
		d = Date{Day: v[0], Month: v[1], EndDay: v[2], EndMonth: v[3], Year: v[4]}
	default:
		return
	}
	return n.end, d, (d.Day != 0 || d.EndDay == 0 && d.Year != 0) && d.valid()
}

// dayWords reads the rest of "ngày 25 tháng 12 năm 2020" and "ngày 19 và
// 25/7/2019" after the first day.
func dayWords(s string, i, day int, ngay bool) (end int, d Date, ok bool) {
	j := skipHSpace(s, i)
	if j == i || day < 1 {
		return
	}
	w, k := wordAt(s, j)
	switch w {
	case "tháng":
		e, m, ok := monthBody(s, k)
		if !ok || m.EndMonth != 0 {
			if e2, m2, ok2 := monthOnly(s, k); ok2 {
				e, m, ok = e2, m2, true
			}
		}
		if !ok || m.EndMonth != 0 {
			return i, Date{}, false
		}
		d = Date{Day: day, Month: m.Month, Year: m.Year}
		return e, d, d.valid()
	case "và":
		if !ngay {
			return
		}
		k2 := skipHSpace(s, k)
		if k2 == k || k2 >= len(s) || !isDigit(s[k2]) {
			return
		}
		n := readDateNums(s, k2)
		pat := n.pat
		if strings.HasSuffix(pat, "Y") && !validYear(n.last()) {
			return
		}
		switch pat {
		case "n/n", "n-n": // "ngày 27 và 28-7" as "ngày 27 và 28/7"
			d = Date{Day: day, EndDay: n.vals[0], Month: n.vals[1], Pair: true}
		case "n/n/Y", "n-n-Y":
			d = Date{Day: day, EndDay: n.vals[0], Month: n.vals[1], Year: n.vals[2], Pair: true}
		default:
			return
		}
		return n.end, d, d.valid()
	}
	return
}

// monthOnly reads "12" after "tháng" in "ngày 25 tháng 12" (no year).
func monthOnly(s string, i int) (end int, d Date, ok bool) {
	j := skipHSpace(s, i)
	if j == i || j >= len(s) || !isDigit(s[j]) {
		return
	}
	n := readDateNums(s, j)
	if n.pat != "n" {
		return
	}
	return n.end, Date{Month: n.vals[0]}, n.vals[0] >= 1 && n.vals[0] <= 12
}

// monthBody reads what follows "tháng": "7/2023", "7 năm 2023",
// "8-10/2020".
func monthBody(s string, i int) (end int, d Date, ok bool) {
	j := skipHSpace(s, i)
	if j == i || j >= len(s) || !isDigit(s[j]) {
		return
	}
	n := readDateNums(s, j)
	v := n.vals
	pat := n.pat
	if strings.HasSuffix(pat, "Y") && !validYear(n.last()) {
		return
	}
	switch pat {
	case "n":
		k := skipHSpace(s, n.end)
		w, k2 := wordAt(s, k)
		k3 := skipHSpace(s, k2)
		if k == n.end || w != "năm" || k3 == k2 || k3 >= len(s) || !isDigit(s[k3]) {
			return
		}
		y := readDateNums(s, k3)
		if y.pat != "Y" || !validYear(y.vals[0]) {
			return
		}
		d, end = Date{Month: v[0], Year: y.vals[0]}, y.end
	case "n/Y", "n-Y", "n.Y":
		d, end = Date{Month: v[0], Year: v[1]}, n.end
	case "n-n/Y":
		d, end = Date{Month: v[0], EndMonth: v[1], Year: v[2]}, n.end
	default:
		return
	}
	return end, d, d.valid()
}

func (d Date) valid() bool {
	if d.Year != 0 && !validYear(d.Year) {
		return false
	}
	if d.Day == 0 {
		return d.Month >= 1 && d.Month <= 12 && (d.EndMonth == 0 || d.EndMonth > d.Month && d.EndMonth <= 12)
	}
	if !validDay(d.Day, d.Month, d.Year) {
		return false
	}
	switch {
	case d.EndMonth != 0:
		return d.EndMonth > d.Month && validDay(d.EndDay, d.EndMonth, d.Year)
	case d.EndDay != 0:
		return d.EndDay > d.Day && validDay(d.EndDay, d.Month, d.Year)
	}
	return true
}

// matchDate reads one date starting at i. With needContext, a date with
// no year must be announced by a date word ("ngày", a weekday, "sáng"...)
// or written with "tháng".
func matchDate(s string, i int, needContext bool) (end int, d Date, ok bool) {
	j, weekday, ngay, announced := datePrefix(s, i)
	// After announcing words the date may stand in brackets: "Sáng nay
	// (12/7)", "Sáng thứ Năm (20/12)"; the bracket must close after it.
	paren := announced && j < len(s) && s[j] == '('
	if paren {
		j++
	}
	end, d, ok = dateBody(s, j, ngay, announced)
	if !ok {
		return i, Date{}, false
	}
	if paren {
		if end >= len(s) || s[end] != ')' {
			return i, Date{}, false
		}
		end++
	}
	if needContext && d.Year == 0 && !announced {
		return i, Date{}, false
	}
	d.Weekday = weekday
	return end, d, true
}

// FindDates returns every date in running text s, in order, with byte
// offsets into s; s may be NFC or NFD (normalize it first if you need the
// offsets into normalized text).
//
// A date with a four-digit year (1000 to 2999) is always taken: "25/12/2020",
// "14-7-2015", "31.12.2015", "ngày 08-10/2020" (8 October 2020, not a
// range), "09-13/11/2015" (a range), "7/2023" and "tháng 7/2023" (a month),
// "ngày 25 tháng 12 năm 2020". A day and month without a year must be
// announced by "ngày", "mồng"/"mùng", "hôm", a weekday or a time of day
// directly before it ("Sáng 11/7", "sáng ngày 11/7", "Thứ sáu, 11/7",
// "Sáng nay 20/12", "hôm qua 19/12"), or stand in brackets right after such
// words ("Sáng nay (12/7)", "Sáng thứ Năm (20/12)"; the match then covers
// the brackets), so a ratio such as "3/4 xã" is not a date, and
// "16/20" never is (20 is no month). "Thứ" followed by a digit is read as
// a weekday only when capitalized ("Thứ 6, 11/7", but "lần thứ 2, 3/4").
// Dates glued to other text are skipped: "12/2020/NĐ-CP" is a document
// number, "25/12/20" has a two-digit year and is not read. A month and year
// after "số" ("số 7/2023") is a number, not a date. Year-only mentions
// ("năm 2023") are periods, not dates, and are not returned.
func FindDates(s string) []DateMatch {
	var out []DateMatch
	prevWord := ""
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		digit := isDigit(s[i])
		if !digit && !isWordRune(r) {
			i += n
			continue
		}
		// The word or number at i, and whether a date may start there.
		j, w := i, ""
		if digit {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		} else {
			j = wordEnd(s, i)
			if mayStartDate(r) {
				w = key(s[i:j])
			}
		}
		if (digit || dateStarts[w]) && !attachedBefore(s, i) {
			if end, d, ok := matchDate(s, i, true); ok && !attachedAfter(s, end) &&
				!(prevWord == "số" && d.Day == 0 && digit) {
				start := i
				if d.Day != 0 && d.EndDay == 0 && d.EndMonth == 0 {
					// "từ ngày 15 đến ngày 16/4/2024", "ngày 01 - 08/3/2024":
					// a range whose first day stands apart.
					if b, day, ok := spacedRangeStart(s, i); ok && day < d.Day {
						start, d.Day, d.EndDay = b, day, d.Day
						if len(out) > 0 && out[len(out)-1].End > start {
							out = out[:len(out)-1]
						}
					}
				}
				out = append(out, DateMatch{Start: start, End: end, Date: d})
				i, prevWord = end, ""
				continue
			}
		}
		i, prevWord = j, w
	}
	return out
}

// mayStartDate reports whether r may begin a word that starts a date
// (or "số").
func mayStartDate(r rune) bool {
	switch r | 0x20 { // ASCII lower case
	case 't', 'c', 'n', 'h', 'm', 's':
		return true
	}
	return r == 'đ' || r == 'Đ'
}

// dateStarts are the words a date may start with.
var dateStarts = map[string]bool{"thứ": true, "chủ": true, "tháng": true}

func init() {
	for w := range dateWords {
		dateStarts[w] = true
	}
}

// ParseDate reads s as one date in any form FindDates finds: "25/12/2020",
// "Thứ sáu, 23/04/2021", "ngày 08-10/2020" (8/10/2020), "14-7-2015",
// "Sáng 11/7", "ngày 19 và 25/7/2019", "31.12.2015", "tháng 7/2023",
// "ngày 25 tháng 12 năm 2020". Unlike FindDates it takes a day and month
// without a year even when no date word comes before them ("3/4"), since
// the caller says the text is a date. Leading and trailing white space is
// ignored.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	end, d, ok := matchDate(t, 0, false)
	if !ok || end != len(t) {
		return Date{}, fmt.Errorf("vntext: parse date %q: %w", s, ErrNotDate)
	}
	return d, nil
}

// spacedRangeStart reads, before the date at i, the first day of a range
// written apart from it: "ngày 01 - " or "từ ngày 15 đến ngày " before
// "08/3/2024". It returns where the range starts ("ngày") and its first
// day.
func spacedRangeStart(s string, i int) (start, day int, ok bool) {
	j := i
	w, b := wordBefore(s, j)
	if w == "ngày" { // "đến ngày 16/4"
		j = b
		w, b = wordBefore(s, j)
	}
	switch w {
	case "đến":
		j = b
	case "-", "–":
		j = b
	default:
		return 0, 0, false
	}
	k := j
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	e := k
	for k > 0 && isDigit(s[k-1]) {
		k--
	}
	if e-k < 1 || e-k > 2 {
		return 0, 0, false
	}
	day, _ = strconv.Atoi(s[k:e])
	if w, b := wordBefore(s, k); w == "ngày" && day >= 1 {
		return b, day, true
	}
	return 0, 0, false
}

// wordBefore returns the word or dash that ends just before i (spaces
// skipped) and where it starts.
func wordBefore(s string, i int) (string, int) {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return "", 0
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if r == '-' || r == '\u2013' {
		return string(r), i - n
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isWordRune(r) || isDigit(byte(r)) && r < utf8.RuneSelf {
			break
		}
		j -= n
	}
	return key(s[j:i]), j
}
