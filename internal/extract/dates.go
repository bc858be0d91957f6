package extract

import (
	"strconv"
	"strings"
	"time"
)

// dateHit is a calendar date (maybe without a year) found in a sentence.
type dateHit struct {
	day, month, year int
	i, j             int // token range
	start, end       int // byte span
}

var dateCue = map[string]bool{"ngày": true, "sáng": true, "chiều": true, "tối": true, "trưa": true,
	"đêm": true, "hôm": true, "từ": true, "đến": true, "và": true, "nay": true, "(": true}

// findDates lists the dates of toks. A range of days gives its first day;
// "08-10/2020" is 8 October 2020.
func findDates(toks []token) []dateHit {
	var out []dateHit
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tNum {
			continue
		}
		// "31.12.2015" is one number token.
		if strings.Count(t.low, ".") == 2 {
			p := strings.Split(t.low, ".")
			if d, m, y := atoi(p[0]), atoi(p[1]), atoi(p[2]); validDM(d, m) && len(p[2]) == 4 && y >= 1945 {
				out = append(out, dateHit{day: d, month: m, year: y, i: i, j: i + 1, start: t.start, end: t.end})
			}
			continue
		}
		d := smallInt(t)
		if d < 1 || d > 31 || len(t.low) > 2 {
			// "ngày 25 tháng 12 năm 2020" starts with a word; handled below.
			continue
		}
		sep := tokAt(toks, i+1)
		if !(sep.low == "/" || isDash(sep) || sep.low == ".") || !adjacentOrSpaced(t, sep) {
			// "ngày 25 tháng 12 (năm 2020)"
			if i > 0 && toks[i-1].low == "ngày" && tokAt(toks, i+1).low == "tháng" {
				m := smallInt(tokAt(toks, i+2))
				if validDM(d, m) {
					h := dateHit{day: d, month: m, i: i - 1, j: i + 3}
					if tokAt(toks, i+3).low == "năm" {
						if y := yearOf(tokAt(toks, i+4)); y > 0 {
							h.year, h.j = y, i+5
						}
					}
					h.start, h.end = toks[h.i].start, toks[h.j-1].end
					out = append(out, h)
					i = h.j - 1
				}
			}
			continue
		}
		second := tokAt(toks, i+2)
		m := smallInt(second)
		if m < 0 || len(second.low) > 2 || !adjacent(sep, second) && !(isDash(sep) && second.start-sep.end <= 1) {
			continue
		}
		h := dateHit{i: i, j: i + 3}
		third, fourth := tokAt(toks, i+3), tokAt(toks, i+4)
		switch {
		case (third.low == "/" || isDash(third) || third.low == ".") && adjacent(second, third) && fourth.kind == tNum && adjacent(third, fourth):
			// D/M/Y, or D-D/M/Y (a range of days)
			if y := yearOf(fourth); y > 0 && validDM(d, m) {
				h.day, h.month, h.year, h.j = d, m, y, i+5
			} else if y := smallInt(fourth); len(fourth.low) == 2 && validDM(d, m) && y >= 0 && sep.low == "/" {
				h.day, h.month, h.year, h.j = d, m, 2000+y, i+5
			} else if isDash(sep) && m > d && validDM(d, smallInt(fourth)) {
				h.day, h.month = d, smallInt(fourth) // "09-13/11/2015"
				h.j = i + 5
				if fifth, sixth := tokAt(toks, i+5), tokAt(toks, i+6); fifth.low == "/" && adjacent(fourth, fifth) {
					if y := yearOf(sixth); y > 0 {
						h.year, h.j = y, i+7
					}
				}
			} else {
				continue
			}
		case isDash(sep) && third.low == "/" && adjacent(second, third):
			// "08-10/2020": day-month/year
			if y := yearOf(fourth); y > 0 && validDM(d, m) {
				h.day, h.month, h.year, h.j = d, m, y, i+5
			} else {
				continue
			}
		case sep.low == "/" && validDM(d, m):
			// D/M without a year: a date after a cue word, or when no
			// counted noun follows (not "3/5 xã").
			cue := i > 0 && dateCue[toks[i-1].low]
			if !cue && third.kind == tWord && !third.cap {
				continue
			}
			h.day, h.month = d, m
		default:
			continue
		}
		// "ngày 19 và 25/7/2019", "ngày 19, 25/7": the first day.
		if i >= 3 && (toks[i-1].low == "và" || toks[i-1].low == ",") && toks[i-3].low == "ngày" {
			if d0 := smallInt(toks[i-2]); d0 >= 1 && d0 < h.day {
				h.day, h.i = d0, i-2
			}
		}
		h.start, h.end = toks[h.i].start, toks[h.j-1].end
		out = append(out, h)
		i = h.j - 1
	}
	return out
}

func adjacentOrSpaced(a, b token) bool { return b.start-a.end <= 1 }

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func validDM(d, m int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(m, 2024)
}

func daysIn(m, y int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// isDocDate reports whether the date at h dates a document: "Kết luận số
// 114-KL/TW, ngày 14-7-2015 của Ban Bí thư".
func isDocDate(toks []token, h dateHit) bool {
	if nx := tokAt(toks, h.j); nx.low == "của" {
		return true
	}
	for k := h.i - 1; k >= 0 && k >= h.i-6; k-- {
		t := toks[k]
		if t.kind == tPunct && (t.low == "/" || t.low == "-") && tokAt(toks, k+1).caps {
			return true // a code like 62-KL/TW just before
		}
		if t.low == "ban" && tokAt(toks, k+1).low == "hành" || t.low == "số" {
			return true
		}
		if t.kind == tPunct && t.low != "," {
			break
		}
	}
	return false
}

var eventCue = newPhraseSet("tổ chức", "hội nghị", "diễn ra", "khai mạc", "lễ", "buổi", "lớp", "tọa đàm",
	"hội thảo", "đối thoại", "tập huấn", "tổng kết", "sơ kết", "triển khai", "họp", "hội thi", "ra mắt", "chương trình")

// readDate finds the event date and completes its year.
func (a *analyzer) readDate() {
	var full []dateHit // dates with a year, for "another full date about the event"
	type cand struct {
		h dateHit
	}
	var best *cand
	for si, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		hits := findDates(s.toks)
		for _, h := range hits {
			for k := h.i; k < h.j; k++ {
				a.dateTokens[s.toks[k].start] = true
			}
			if h.year > 0 && !isDocDate(s.toks, h) {
				full = append(full, h)
			}
		}
		if best != nil {
			continue
		}
		cue := false
		for i := range s.toks {
			if _, _, ok := anyPhraseAt(s.toks, i, eventCue); ok {
				cue = true
				break
			}
		}
		if !cue || si > 40 {
			continue
		}
		for _, h := range hits {
			if isDocDate(s.toks, h) {
				continue
			}
			best = &cand{h: h}
			break
		}
	}
	if best == nil {
		// The headline may date the event: "Hội nghị ... (ngày 12/3)".
		for _, h := range findDates(a.title) {
			best = &cand{h: h}
			break
		}
	}
	if best == nil {
		a.warn("Không tìm thấy ngày diễn ra sự kiện.")
		return
	}
	h := best.h
	a.dateSpan = Span{h.start, h.end}
	year := h.year
	if year == 0 {
		for _, f := range full {
			if f.day == h.day && f.month == h.month {
				year = f.year
				break
			}
		}
	}
	if year == 0 {
		year = a.yearFromPeriod(h.day, h.month)
	}
	if year == 0 && !a.opts.Published.IsZero() {
		p := a.opts.Published
		year = p.Year()
		if time.Date(year, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC).After(time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)) {
			year--
		}
		a.warn("Năm của ngày diễn ra được lấy theo ngày đăng bài (--published).")
	}
	if year == 0 {
		a.warn("Ngày diễn ra không ghi năm và không suy ra được năm; để trống.")
		return
	}
	if h.day > daysIn(h.month, year) {
		a.warn("Ngày diễn ra không hợp lệ; để trống.")
		return
	}
	a.date = time.Date(year, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
	a.dateOK = true
}

// yearFromPeriod picks the year that puts day/month near the end of the
// period reviewed (two months before to four after), or for a launch of
// tasks near the start of the period launched.
func (a *analyzer) yearFromPeriod(day, month int) int {
	var anchor time.Time
	var ok bool
	switch {
	case a.period != nil && a.eventType != TypeTrienKhai:
		anchor, ok = a.period.endDate()
	case a.launched != nil:
		anchor, ok = a.launched.startDate()
	case a.period != nil:
		anchor, ok = a.period.startDate()
	}
	if !ok {
		return 0
	}
	for _, y := range []int{anchor.Year(), anchor.Year() + 1, anchor.Year() - 1} {
		if day > daysIn(month, y) {
			continue
		}
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if !t.Before(anchor.AddDate(0, -2, 0)) && !t.After(anchor.AddDate(0, 4, 0)) {
			return y
		}
	}
	return 0
}
