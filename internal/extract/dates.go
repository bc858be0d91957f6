package extract

import (
	"sort"
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// dateHit is a calendar date (maybe without a year) found in a sentence.
type dateHit struct {
	day, month, year int
	i, j             int // token range
	start, end       int // byte span
}

// datesIn lists the dates written in toks (one sentence), read by
// vntext.FindDates, with their token ranges. A range of days gives its
// first day; "08-10/2020" is 8 October 2020; a month without a day
// ("tháng 3/2021") has day 0.
func (a *analyzer) datesIn(toks []token) []dateHit {
	if !hasNumber(toks) {
		return nil
	}
	from := toks[0].start
	ms := vntext.FindDates(a.d.text[from:toks[len(toks)-1].end])
	out := make([]dateHit, 0, len(ms))
	for _, m := range ms {
		start, end := from+m.Start, from+m.End
		i := sort.Search(len(toks), func(k int) bool { return toks[k].start >= start })
		j := i
		for j < len(toks) && toks[j].start < end {
			j++
		}
		if j == i {
			continue
		}
		out = append(out, dateHit{day: m.Date.Day, month: m.Date.Month, year: m.Date.Year, i: i, j: j, start: start, end: end})
	}
	return out
}

func hasNumber(toks []token) bool {
	for _, t := range toks {
		if t.kind == tNum {
			return true
		}
	}
	return false
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
	"hội thảo", "đối thoại", "tập huấn", "tổng kết", "sơ kết", "triển khai", "họp", "hội thi", "ra mắt", "chương trình",
	"kiểm tra", "giám sát", "khảo sát", "làm việc", "gặp mặt", "tiếp xúc")

// readDate finds the event date and completes its year.
func (a *analyzer) readDate() {
	var full []dateHit // dates with a year, for "another full date about the event"
	type cand struct {
		h       dateHit
		sibling []dateHit // the other dates of its sentence
		toks    []token
	}
	var best *cand
	for si, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		hits := a.datesIn(s.toks)
		for _, h := range hits {
			for k := h.i; k < h.j; k++ {
				a.dateTokens[s.toks[k].start] = true
			}
			if h.year > 0 && h.day > 0 && !isDocDate(s.toks, h) {
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
		if !cue || si > 40 || otherEvent(s.toks) {
			continue
		}
		for _, h := range hits {
			if h.day == 0 || isDocDate(s.toks, h) {
				continue
			}
			best = &cand{h: h, sibling: hits, toks: s.toks}
			break
		}
	}
	if best == nil {
		// The headline may date the event: "Hội nghị ... (ngày 12/3)".
		for _, h := range a.datesIn(a.title) {
			if h.day > 0 {
				best = &cand{h: h}
				break
			}
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
		// "từ ngày 1/10 đến ngày 5/10/2023": the end of the range dates it.
		for _, f := range best.sibling {
			if f.year > 0 && f.start > h.start && !isDocDate(best.toks, f) {
				year = f.year
				if h.month > f.month {
					year--
				}
				break
			}
		}
	}
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
	// A multi-year stage often ends with its last year's middle (a term
	// from mid-2017 to mid-2022): its review may come any time in the
	// last year.
	before := -2
	if a.period != nil && a.period.part == "multi" && a.eventType != TypeTrienKhai {
		before = -12
	}
	best, bestDist := 0, time.Duration(1<<62)
	for _, y := range []int{anchor.Year(), anchor.Year() + 1, anchor.Year() - 1} {
		if day > daysIn(month, y) {
			continue
		}
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Before(anchor.AddDate(0, before, 0)) || t.After(anchor.AddDate(0, 4, 0)) {
			continue
		}
		dist := t.Sub(anchor)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}
