package extract

import (
	"sort"
	"strings"
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
	// Back over a code as long as "11/CT-BCA-V05" to the "số" before it.
	for k := h.i - 1; k >= 0 && k >= h.i-12; k-- {
		t := toks[k]
		if t.kind == tPunct && (t.low == "/" || t.low == "-") && (tokAt(toks, k+1).caps || len(tokAt(toks, k+1).low) == 1 && tokAt(toks, k+1).cap) {
			return true // a code like 62-KL/TW or 11/CT-BCA-V05 just before
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
	"kiểm tra", "giám sát", "khảo sát", "làm việc", "gặp mặt", "tiếp xúc", "thăm", "chúc mừng", "bàn giao", "nghiệm thu",
	"phát động", "ký kết",
	// a hand-out: "Sáng 8/2, Trung ương Hội ... trao 400 phần quà"
	"trao", "tặng")

// headlineYear is the one year the headline names, 0 when it names none
// or several.
func (a *analyzer) headlineYear() int {
	y := 0
	for _, t := range a.title {
		if t.kind != tNum || len(t.low) != 4 {
			continue
		}
		n := atoi(t.low)
		if n < 1945 || n > 2100 {
			continue
		}
		if y != 0 && n != y {
			return 0
		}
		y = n
	}
	return y
}

// stampDate reports a date written as the page's time stamp: next to a
// clock time ("09:21 19/06/2023", "20/10/2023, 13:13", "20/06/2019 -
// 07:47") or to a view counter ("(11/10/2018). Số lượt xem").
func (a *analyzer) stampDate(start, end int) bool {
	t := a.d.text
	before := t[max(0, start-12):start]
	after := t[end:min(len(t), end+20)]
	if clockAtEnd(before) || clockAtStart(after) {
		return true
	}
	if agencyDateline(before, after) {
		return true
	}
	return strings.Contains(after, "lượt xem") || strings.Contains(after, "Lượt xem")
}

// agencyDateline reports a date in a news agency's dateline: "Hà Nội
// (TTXVN 11/3/2022)", "(VNA 5/1/2024)": an upper-case tag after a bracket
// right before the date, the bracket closed right after it.
func agencyDateline(before, after string) bool {
	b := strings.TrimRight(before, " ")
	i := strings.LastIndexByte(b, '(')
	if i < 0 || !strings.HasPrefix(strings.TrimLeft(after, " "), ")") {
		return false
	}
	tag := strings.TrimSpace(b[i+1:])
	if len(tag) < 2 {
		return false
	}
	for _, r := range tag {
		if !(r >= 'A' && r <= 'Z' || r == 'Đ' || r == '&') {
			return false
		}
	}
	return true
}

// clockAtEnd reports a clock time ("9:25", "09:21 ") ending s.
func clockAtEnd(s string) bool {
	s = strings.TrimRight(s, " |-,")
	n := len(s)
	return n >= 4 && isDigitByte(s[n-1]) && isDigitByte(s[n-2]) && s[n-3] == ':' && isDigitByte(s[n-4])
}

// clockAtStart reports a clock time after a date: "15:41", ", 13:13",
// " - 07:47", " 22:58".
func clockAtStart(s string) bool {
	s = strings.TrimLeft(s, " |-,–")
	return len(s) >= 4 && isDigitByte(s[0]) && (s[1] == ':' && isDigitByte(s[2]) || isDigitByte(s[1]) && s[2] == ':' && isDigitByte(s[3]))
}

// anniversaries marks pairs of dates with the same day and month joined by
// a dash, "(15/10/1930 – 15/10/2024)": the span of an anniversary. Their
// dates are never the event's and give no year, except that the later
// one may date the celebration when nothing else does.
func (a *analyzer) anniversaries(hits []dateHit) (in map[int]bool, year int) {
	for k := 0; k+1 < len(hits); k++ {
		h, g := hits[k], hits[k+1]
		if h.day == 0 || h.day != g.day || h.month != g.month || h.year == 0 || g.year <= h.year {
			continue
		}
		gap := strings.TrimSpace(a.d.text[h.end:g.start])
		if gap != "-" && gap != "–" && gap != "—" {
			continue
		}
		if in == nil {
			in = map[int]bool{}
		}
		in[h.start], in[g.start] = true, true
		year = g.year
	}
	return in, year
}

// pageDate finds the date the page was published, as the page writes it:
// a date line ("Thứ năm, 08/07/2021 15:41"), a date next to a clock time,
// or the store's " date 2024-07" line. It only ever supplies a missing
// year, like --published.
func (a *analyzer) pageDate() (time.Time, bool) {
	t := a.d.text
	if strings.HasPrefix(t, "date ") && len(t) >= 12 && isDigitByte(t[5]) && t[9] == '-' {
		y, m := atoi(t[5:9]), atoi(t[10:12])
		d := 0
		if len(t) >= 15 && t[12] == '-' {
			d = atoi(t[13:15])
		}
		if y > 1900 && m >= 1 && m <= 12 {
			if d == 0 {
				d = daysIn(m, y) // a month: its last day bounds the event
			}
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
		}
	}
	for bi, b := range a.d.blocks {
		if bi > 12 && b.kind != kindMeta {
			continue
		}
		line := t[b.start:b.end]
		if !hasDigit(line) {
			continue
		}
		for _, m := range vntext.FindDates(line) {
			tm, ok := m.Date.Time()
			if !ok {
				continue
			}
			if b.kind == kindMeta && isDateLine(line) || a.stampDate(b.start+m.Start, b.start+m.End) {
				return tm, true
			}
		}
	}
	return time.Time{}, false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// readDate finds the event date and completes its year.
func (a *analyzer) readDate() {
	var full []dateHit // dates with a year, for "another full date about the event"
	type cand struct {
		h       dateHit
		sibling []dateHit // the other dates of its sentence
		toks    []token
	}
	var best *cand
	annYear := 0
	for si, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		hits := a.datesIn(s.toks)
		ann, y := a.anniversaries(hits)
		if annYear == 0 {
			annYear = y
		}
		kept := hits[:0:0]
		for _, h := range hits {
			for k := h.i; k < h.j; k++ {
				a.dateTokens[s.toks[k].start] = true
			}
			if ann[h.start] || a.stampDate(h.start, h.end) {
				continue
			}
			kept = append(kept, h)
			if h.year > 0 && h.day > 0 && !isDocDate(s.toks, h) {
				full = append(full, h)
			}
		}
		hits = kept
		if best != nil {
			continue
		}
		cue := false
		for i := range s.toks {
			_, w, ok := anyPhraseAt(s.toks, i, eventCue)
			if !ok || w == "lễ" && tokAt(s.toks, i-1).low == "tuần" {
				continue // "Tuần lễ Áo dài" is a week, not a ceremony
			}
			if (w == "phát động" || w == "ký kết") && !(len(hits) > 0 && hits[0].i <= 3) {
				// "Tối ngày 15 tháng 03 năm 2023, ..., UBND phường ... phát
				// động ...": a launch dates the event when its sentence
				// opens with the date; in a report of the period ("...
				// Phát động hưởng ứng ...") it is one of the activities.
				continue
			}
			cue = true
			break
		}
		if !cue && len(hits) > 0 && hits[0].i <= 3 && len(s.toks) <= 20 && timePlaceOnly(s.toks, hits[0]) &&
			si+1 < len(a.sents) && a.sents[si+1].block == s.block && a.kind(a.sents[si+1]) == kindBody &&
			findAny(a.sents[si+1].toks[:min(len(a.sents[si+1].toks), 12)], eventCue) >= 0 {
			// "Sáng ngày 22/12/2023, tại nhà văn hóa xã Đội Cấn. UBMTTQ xã
			// ... tổ chức Hội nghị ...": a time and a place cut off by a
			// full stop date the event the next sentence holds.
			cue = true
		}
		if !cue || si > 40 || otherEvent(s.toks) {
			continue
		}
		for _, h := range hits {
			if h.day == 0 || isDocDate(s.toks, h) || h.year > 0 && h.year < 1990 {
				continue // "(19/8/1945 – 19/8/2025)" broken over lines: history, not the event
			}
			best = &cand{h: h, sibling: hits, toks: s.toks}
			break
		}
	}
	if best == nil {
		// The headline may date the event: "Hội nghị ... (ngày 12/3)";
		// not by the span of an anniversary it names ("kỷ niệm 88 năm
		// ngày thành lập ... (26/3/1931 – 26/3/2019)"), which is history.
		th := a.datesIn(a.title)
		ann, _ := a.anniversaries(th)
		for _, h := range th {
			if h.day > 0 && !ann[h.start] && !a.stampDate(h.start, h.end) { // not "(14/12/2019 17:45)", the page's time stamp
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
		// A report dated the same day or a few days after the event
		// ("08:59 27/02/2024" over "Sáng 27/2"): its year, before any
		// guess from the period (a review of 2019–2024 held in 2024).
		p := a.opts.Published
		if p.IsZero() {
			p, _ = a.pageDate()
		}
		if !p.IsZero() && h.day <= daysIn(h.month, p.Year()) {
			ev := time.Date(p.Year(), time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
			if d := p.Sub(ev); d >= 0 && d <= 7*24*time.Hour {
				year = p.Year()
			}
		}
	}
	if year == 0 && !a.awardPeriod {
		year = a.yearFromPeriod(h.day, h.month)
	}
	if year == 0 {
		if y := a.congressTermYear(); y > 0 {
			// "Trong 2 ngày 29-30/3, ... tổ chức Đại hội đại biểu MTTQ xã
			// lần thứ XX, nhiệm kỳ 2024 – 2029": a congress opens its term.
			year = y
			a.warn("Năm của ngày diễn ra được lấy theo năm đầu nhiệm kỳ nêu trong bài (đại hội, triển khai nghị quyết).")
		}
	}
	if year == 0 {
		if y := a.headlineYear(); y > 0 {
			// "Tập huấn nghiệp vụ công tác dân vận năm 2023" ... "Ngày
			// 17/10, ...": the one year the headline names.
			year = y
			a.warn("Năm của ngày diễn ra được lấy theo năm nêu ở tiêu đề.")
		}
	}
	if year == 0 && a.opts.Published.IsZero() {
		// "kết quả thực hiện 15 chỉ tiêu thi đua 9 tháng năm 2017": a
		// period the text names with its year, reviewed or not, that
		// holds the event or whose end puts it within a review's reach;
		// before a date line of the page, which may be the day it was
		// viewed.
		if y := a.yearFromMentions(h.day, h.month); y > 0 {
			year = y
			a.warn("Năm của ngày diễn ra được suy từ kỳ nêu trong bài.")
		}
	}
	if year == 0 {
		p, fromPage := a.opts.Published, false
		if p.IsZero() {
			p, fromPage = a.pageDate()
		}
		if !p.IsZero() {
			year = p.Year()
			if time.Date(year, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC).After(time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)) {
				year--
			}
			if fromPage {
				a.warn("Năm của ngày diễn ra được lấy theo ngày đăng ghi trên trang.")
			} else {
				a.warn("Năm của ngày diễn ra được lấy theo ngày đăng bài (--published).")
			}
		}
	}
	if year == 0 && annYear > 0 {
		// "Sáng 17/10, ... kỷ niệm 94 năm Ngày truyền thống (15/10/1930 –
		// 15/10/2024)": the year that puts the event next to the
		// anniversary day.
		year = annYear
		a.warn("Năm của ngày diễn ra được suy từ ngày kỷ niệm nêu trong bài.")
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

// timePlaceOnly reports a sentence that holds only the date h and a place
// after it: "Sáng ngày 22/12/2023, tại nhà văn hóa xã Đội Cấn".
func timePlaceOnly(toks []token, h dateHit) bool {
	k := h.j
	if tokAt(toks, k).low == "," {
		k++
	}
	if tokAt(toks, k).low != "tại" {
		return false
	}
	for ; k < len(toks); k++ {
		if toks[k].kind == tPunct && toks[k].low != "," && toks[k].low != "." {
			return false
		}
	}
	return true
}

// congressTermYear is the first year of the term a congress opens, when
// the headline or the lead names a congress held ("Đại hội", not an
// emulation congress), or at a launch a resolution, and, a few words on,
// its term ("nhiệm kỳ 2024 – 2029"); 0
// otherwise.
func (a *analyzer) congressTermYear() int {
	for _, toks := range [][]token{a.title, a.leadSentence()} {
		d := -1
		for i := 0; i+1 < len(toks); i++ {
			// The congress is the event: it opens the headline or the
			// sentence, or is what is held ("tổ chức Đại hội ..."), not
			// what a draft is for ("Dự thảo ... trình Đại hội ...").
			if toks[i].low == "đại" && toks[i+1].low == "hội" && tokAt(toks, i+2).low != "thi" &&
				(i == 0 || tokAt(toks, i-1).low == "chức" || tokAt(toks, i-1).low == "mạc") {
				d = i
				break
			}
		}
		if d < 0 && a.eventType == TypeTrienKhai {
			// "Hội nghị triển khai nghị quyết chuyên đề của Ban Chấp hành
			// Hội LHPN tỉnh, nhiệm kỳ 2021-2026": a launch of a term's
			// resolutions is held as the term begins.
			for i := 0; i+1 < len(toks); i++ {
				if toks[i].low == "nghị" && toks[i+1].low == "quyết" {
					d = i
					break
				}
			}
		}
		if d < 0 {
			continue
		}
		for k := d + 2; k+3 < len(toks) && k <= d+25; k++ {
			if toks[k].low != "nhiệm" || toks[k+1].low != "kỳ" {
				continue
			}
			from, to := yearOf(toks[k+2]), 0
			if j := k + 3; j+1 < len(toks) && (toks[j].low == "-" || toks[j].low == "–" || toks[j].low == "—") {
				to = yearOf(toks[j+1])
			}
			if from > 0 && to > from && to-from <= 5 {
				return from
			}
			break
		}
	}
	return 0
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
	before, after := -2, 4
	if a.period != nil && a.period.part == "multi" && a.eventType != TypeTrienKhai {
		before = -12
	}
	if (a.period == nil || a.eventType == TypeTrienKhai) && a.launched != nil && a.launched.part == "multi" {
		// A stage of several years is launched within its first year
		// ("triển khai ... giai đoạn 2023–2030" on 9/11 is 2023).
		before, after = 0, 12
	}
	best, bestDist := 0, time.Duration(1<<62)
	for _, y := range []int{anchor.Year(), anchor.Year() + 1, anchor.Year() - 1} {
		if day > daysIn(month, y) {
			continue
		}
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Before(anchor.AddDate(0, before, 0)) || t.After(anchor.AddDate(0, after, 0)) {
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

// yearFromMentions is the year of the first period named with its year
// in the headline or the body (a part of a year the record cannot hold
// included, "9 tháng năm 2017") that holds day/month, else of the first
// whose end lies from two months after to four months before day/month of
// that year or the next.
func (a *analyzer) yearFromMentions(day, month int) int {
	lists := a.headlineAndBody(-1)
	// A period that holds the day: "đối thoại ... năm 2019".
	for _, toks := range lists {
		for _, p := range a.findPeriods(toks) {
			if p.year == 0 || p.part == "multi" || day > daysIn(month, p.year) || horizon(toks, p) {
				continue
			}
			from, ok1 := p.startDate()
			to, ok2 := p.endDate()
			t := time.Date(p.year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if ok1 && ok2 && !t.Before(from) && !t.After(to) {
				return p.year
			}
		}
	}
	for _, toks := range lists {
		for _, p := range a.findPeriods(toks) {
			if p.year == 0 || p.part == "multi" || horizon(toks, p) {
				continue
			}
			end, ok := p.endDate()
			if !ok {
				continue
			}
			for _, y := range []int{end.Year(), end.Year() + 1} {
				if day > daysIn(month, y) {
					continue
				}
				t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
				if !t.Before(end.AddDate(0, -2, 0)) && !t.After(end.AddDate(0, 4, 0)) {
					return y
				}
			}
		}
	}
	return 0
}

// horizon reports a period named as a target's horizon: "đến năm 2030",
// "tầm nhìn đến năm 2045", "tới năm 2025", or as the time a direction is
// for. It dates nothing that happens now.
func horizon(toks []token, p periodMention) bool {
	switch tokAt(toks, p.tokStart-1).low {
	case "đến", "tới":
		return true
	}
	// "đề nghị, trong năm 2022, việc xây dựng chương trình ... cần ...":
	// the year a direction is for comes after the meeting.
	for k := max(0, p.tokStart-4); k < p.tokStart; k++ {
		if _, _, ok := anyPhraseAt(toks, k, directionVerbs); ok {
			return true
		}
	}
	return false
}
