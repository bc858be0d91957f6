package extract

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// periodMention is a period named in the text.
type periodMention struct {
	part       string // H1 H2 Q1..Q4 year multi; "" for a period the schema cannot express
	year       int    // 0 when the text gives none (yet)
	from, to   int
	start, end int // byte span
	tokEnd     int // token index after the mention
	tokStart   int
}

func (p *periodMention) record() *Period {
	if p == nil || p.part == "" {
		return nil
	}
	out := &Period{Part: p.part}
	if p.part == "multi" {
		f, t := p.from, p.to
		out.FromYear, out.ToYear = &f, &t
		return out
	}
	y := p.year
	out.Year = &y
	return out
}

// end returns the last day of the period.
func (p *periodMention) endDate() (time.Time, bool) {
	switch {
	case p.part == "multi":
		return time.Date(p.to, 12, 31, 0, 0, 0, 0, time.UTC), true
	case p.year == 0:
		return time.Time{}, false
	case p.part == "year" || p.part == "H2" || p.part == "Q4":
		return time.Date(p.year, 12, 31, 0, 0, 0, 0, time.UTC), true
	case p.part == "H1" || p.part == "Q2":
		return time.Date(p.year, 6, 30, 0, 0, 0, 0, time.UTC), true
	case p.part == "Q1":
		return time.Date(p.year, 3, 31, 0, 0, 0, 0, time.UTC), true
	case p.part == "Q3":
		return time.Date(p.year, 9, 30, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

func (p *periodMention) startDate() (time.Time, bool) {
	switch {
	case p.part == "multi":
		return time.Date(p.from, 1, 1, 0, 0, 0, 0, time.UTC), true
	case p.year == 0:
		return time.Time{}, false
	case p.part == "year" || p.part == "H1" || p.part == "Q1":
		return time.Date(p.year, 1, 1, 0, 0, 0, 0, time.UTC), true
	case p.part == "H2" || p.part == "Q3":
		return time.Date(p.year, 7, 1, 0, 0, 0, 0, time.UTC), true
	case p.part == "Q2":
		return time.Date(p.year, 4, 1, 0, 0, 0, 0, time.UTC), true
	case p.part == "Q4":
		return time.Date(p.year, 10, 1, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

func yearOf(t token) int {
	if t.kind != tNum || len(t.low) != 4 {
		return 0
	}
	y, err := strconv.Atoi(t.low)
	if err != nil || y < 1945 || y > 2100 {
		return 0
	}
	return y
}

// findPeriods lists the periods named in toks (one sentence or the
// headline), in order, as vntext.FindPeriods reads them. Years outside
// 1945-2100 are left out (an anniversary's "1930"). A month or a part of a
// year the contract cannot express ("9 tháng đầu năm 2023") is kept with
// part "": it may still be the period a meeting reviews.
func (a *analyzer) findPeriods(toks []token) []periodMention {
	if len(toks) == 0 {
		return nil
	}
	from := toks[0].start
	ms := vntext.FindPeriods(a.d.text[from:toks[len(toks)-1].end])
	if len(ms) == 0 {
		return nil
	}
	out := make([]periodMention, 0, len(ms))
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
		p := periodMention{start: start, end: end, tokStart: i, tokEnd: j, year: m.Period.Year}
		inRange := func(y int) bool { return y == 0 || y >= 1945 && y <= 2100 }
		switch m.Period.Kind {
		case vntext.Year:
			p.part = "year"
		case vntext.Half:
			p.part = "H" + strconv.Itoa(m.Period.Part)
		case vntext.Quarter:
			p.part = "Q" + strconv.Itoa(m.Period.Part)
		case vntext.Stage:
			p.part, p.from, p.to, p.year = "multi", m.Period.Year, m.Period.ToYear, 0
			if !inRange(p.from) || !inRange(p.to) {
				continue
			}
		}
		if !inRange(p.year) {
			continue
		}
		out = append(out, p)
	}
	// A half or quarter without a year takes the next year named close by:
	// "6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023".
	for k := range out {
		if out[k].part != "" && out[k].part != "multi" && out[k].year == 0 {
			for m := k + 1; m < len(out) && m <= k+2; m++ {
				if out[m].year > 0 {
					out[k].year = out[m].year
					break
				}
			}
		}
	}
	return out
}

func tokAt(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{}
	}
	return toks[i]
}

// typeKeywords map words of a headline to event types.
var typeKeywords = []struct {
	phrase, typ, first string
}{
	{"tổng kết", TypeTongKet, ""}, {"sơ kết", TypeSoKet, ""},
	{"khen thưởng", TypeKhenThuong, ""}, {"tuyên dương", TypeKhenThuong, ""}, {"biểu dương", TypeKhenThuong, ""},
	{"trao tặng", TypeKhenThuong, ""}, {"trao bằng khen", TypeKhenThuong, ""}, {"trao giấy khen", TypeKhenThuong, ""},
	{"vinh danh", TypeKhenThuong, ""}, {"trao thưởng", TypeKhenThuong, ""}, {"trao giải", TypeKhenThuong, ""},
	{"chuyên đề", TypeChuyenDe, ""}, {"tập huấn", TypeChuyenDe, ""}, {"bồi dưỡng", TypeChuyenDe, ""},
	{"đối thoại", TypeChuyenDe, ""}, {"tọa đàm", TypeChuyenDe, ""}, {"hội thảo", TypeChuyenDe, ""},
	{"tiếp xúc", TypeChuyenDe, ""}, {"giao lưu", TypeChuyenDe, ""}, {"nói chuyện", TypeChuyenDe, ""},
	{"triển khai", TypeTrienKhai, ""}, {"quán triệt", TypeTrienKhai, ""}, {"phát động", TypeTrienKhai, ""},
}

func init() {
	for i, k := range typeKeywords {
		typeKeywords[i].first, _, _ = strings.Cut(k.phrase, " ")
	}
}

type typeHit struct {
	typ   string
	tok   int // index of the keyword
	found bool
}

// typeOf reads the event type from one sentence or headline.
func typeOf(toks []token) (main typeHit, launch typeHit) {
	for i := range toks {
		for _, k := range typeKeywords {
			if toks[i].low != k.first {
				continue
			}
			if _, ok := phraseAt(toks, i, k.phrase); !ok {
				continue
			}
			if k.typ == TypeTrienKhai {
				if !launch.found {
					launch = typeHit{k.typ, i, true}
				}
				continue
			}
			if !main.found {
				main = typeHit{k.typ, i, true}
			}
		}
	}
	return main, launch
}

// readEvent decides the event type and the period reviewed.
func (a *analyzer) readEvent() {
	titleP := a.findPeriods(a.title)
	main, launch := typeOf(a.title)
	src, srcP := a.title, titleP
	lead := a.leadSentence()
	var leadP []periodMention
	if lead != nil {
		leadP = a.findPeriods(lead)
	}
	if !main.found && lead != nil {
		if m, l := typeOf(lead); m.found && (m.typ == TypeTongKet || m.typ == TypeSoKet || !launch.found) {
			main, src, srcP = m, lead, leadP
			if !launch.found {
				launch = l
			}
		} else if !launch.found && l.found {
			launch, src, srcP = l, lead, leadP
		}
	}
	switch {
	case main.found:
		a.eventType = main.typ
	case launch.found:
		a.eventType = TypeTrienKhai
	case a.aboutModel():
		a.eventType = TypeMoHinh
	default:
		a.eventType = TypeOther
	}
	pickAfter := func(ps []periodMention, tok int) *periodMention {
		for k := range ps {
			if ps[k].tokStart > tok {
				p := ps[k]
				return &p
			}
		}
		if len(ps) > 0 {
			p := ps[0]
			return &p
		}
		return nil
	}
	switch a.eventType {
	case TypeTongKet, TypeSoKet:
		a.period = pickAfter(srcP, main.tok)
		from := src // the tokens a.period was read from
		if a.period == nil && len(leadP) > 0 && src != nil && &src[0] != &lead[0] {
			a.period = pickAfter(leadP, -1)
			from = lead
		}
		if a.period != nil && launchedMention(from, *a.period) {
			// "Sơ kết 6 tháng, triển khai nhiệm vụ 6 tháng cuối năm 2021":
			// the period named is the one launched; the lead may name the
			// one reviewed, else it is the one before.
			var rev *periodMention
			for k := range leadP {
				if !launchedMention(lead, leadP[k]) && leadP[k].part != "" {
					p := leadP[k]
					rev = &p
					break
				}
			}
			if rev == nil {
				rev = previousPeriod(*a.period)
			}
			a.period = rev
		}
	case TypeTrienKhai:
		if launch.found {
			a.launched = pickAfter(srcP, launch.tok)
		}
		if a.launched == nil && len(leadP) > 0 {
			a.launched = pickAfter(leadP, -1)
		}
		if rev := a.reviewedBefore(a.launched); rev != nil {
			a.period = rev
			if rev.part == "year" || rev.part == "multi" {
				a.eventType = TypeTongKet
			} else {
				a.eventType = TypeSoKet
			}
			a.warn("Tiêu đề nói “triển khai” nhưng bài chủ yếu đánh giá kết quả kỳ trước; xếp là hội nghị " + map[string]string{TypeTongKet: "tổng kết", TypeSoKet: "sơ kết"}[a.eventType] + ".")
		} else if a.launched != nil && a.launched.part != "" {
			// A launch reviews no period; the one it launches only helps
			// date the event.
			a.warn("Hội nghị chỉ triển khai nhiệm vụ, không đánh giá kỳ nào: để trống kỳ báo cáo (kỳ được triển khai: " + a.launchedLabel() + ").")
		}
	case TypeKhenThuong, TypeOther:
		if len(srcP) == 0 {
			srcP = leadP
		}
		if len(srcP) > 0 {
			p := srcP[0]
			a.period = &p
		}
	}
	if a.period != nil && a.period.part == "" {
		a.warn("Kỳ báo cáo không thuộc các loại được hỗ trợ (6 tháng, quý, năm, giai đoạn); để trống.")
		a.period = nil
	}
	if a.period != nil && a.period.part != "multi" && a.period.year == 0 {
		if y := a.yearNear(); y > 0 {
			a.period.year = y
		} else if y := a.yearFromPublished(a.period); y > 0 {
			a.period.year = y
			a.warn("Năm của kỳ báo cáo được lấy theo ngày đăng bài (--published).")
		} else {
			a.warn("Không rõ năm của kỳ báo cáo; để trống.")
			a.period = nil
		}
	}
}

func (a *analyzer) launchedLabel() string {
	p := a.launched
	switch {
	case p.part == "multi":
		return strconv.Itoa(p.from) + "–" + strconv.Itoa(p.to)
	case p.part == "year":
		return "năm " + strconv.Itoa(p.year)
	case p.part == "H1":
		return "6 tháng đầu năm " + strconv.Itoa(p.year)
	case p.part == "H2":
		return "6 tháng cuối năm " + strconv.Itoa(p.year)
	}
	return p.part + " " + strconv.Itoa(p.year)
}

// launchedMention reports a period named right after "nhiệm vụ",
// "triển khai" or "phương hướng": the period a meeting looks ahead to.
func launchedMention(toks []token, p periodMention) bool {
	if p.tokStart > len(toks) {
		return false
	}
	for k := p.tokStart - 1; k >= 0 && k >= p.tokStart-4; k-- {
		switch toks[k].low {
		case "vụ", "khai", "hướng", "hoạch":
			return true
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// previousPeriod is the period before p of the same kind: the first half
// before the second, the year before.
func previousPeriod(p periodMention) *periodMention {
	q := p
	switch p.part {
	case "H2":
		q.part = "H1"
	case "H1":
		q.part, q.year = "H2", p.year-1
	case "year":
		q.year = p.year - 1
	default:
		return nil
	}
	if p.year == 0 {
		return nil
	}
	return &q
}

// yearFromPublished picks the year of a period named without one so that
// the article, published at opts.Published, comes after the period's end
// less two months (a review is held from about two months before its
// period ends): "6 tháng đầu năm" published in July 2024 is 2024.
func (a *analyzer) yearFromPublished(p *periodMention) int {
	pub := a.opts.Published
	if pub.IsZero() {
		pub, _ = a.pageDate()
	}
	if pub.IsZero() {
		return 0
	}
	for y := pub.Year(); y >= pub.Year()-1; y-- {
		q := *p
		q.year = y
		if end, ok := q.endDate(); ok && !pub.Before(end.AddDate(0, -2, 0)) {
			return y
		}
	}
	return 0
}

// yearNear finds the year of a half or quarter named without one: the
// first year named in the headline or the lead.
func (a *analyzer) yearNear() int {
	for _, toks := range [][]token{a.title, a.leadSentence()} {
		for _, t := range toks {
			if y := yearOf(t); y > 0 {
				return y
			}
		}
	}
	return 0
}

var leadWords = newPhraseSet("tổ chức", "hội nghị", "tổng kết", "sơ kết", "diễn ra", "khai mạc", "làm việc",
	"buổi", "đối thoại", "tập huấn", "lễ", "gặp mặt", "tiếp xúc", "họp", "kiểm tra", "giám sát", "khảo sát")

// leadSentence is the first body sentence that names the event: the one
// with "tổ chức", "hội nghị" or a review word, among the first few.
func (a *analyzer) leadSentence() []token {
	n := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		n++
		if n > 3 {
			break
		}
		if findAny(s.toks, leadWords) >= 0 {
			return s.toks
		}
	}
	return nil
}

// reviewedBefore looks for a review of the period before the one
// launched: "Năm 2020, công tác dân vận ..." in an article headlined
// "triển khai nhiệm vụ năm 2021".
func (a *analyzer) reviewedBefore(l *periodMention) *periodMention {
	if l == nil || l.year == 0 {
		return nil
	}
	var want func(p periodMention) bool
	switch l.part {
	case "year":
		want = func(p periodMention) bool { return p.part == "year" && p.year == l.year-1 }
	case "H2":
		want = func(p periodMention) bool { return p.part == "H1" && (p.year == l.year || p.year == 0) }
	default:
		return nil
	}
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		ps := a.findPeriods(s.toks)
		for _, p := range ps {
			if !want(p) {
				continue
			}
			first := p.tokStart == 0 || p.tokStart == 1 && s.toks[0].low == "trong"
			if first || sentenceHas(s.toks, "kết quả") || sentenceHas(s.toks, "đạt được") || sentenceHas(s.toks, "tổng kết") || sentenceHas(s.toks, "sơ kết") {
				q := p
				if q.year == 0 {
					q.year = l.year
				}
				return &q
			}
		}
	}
	return nil
}

func sentenceHas(toks []token, phrase string) bool {
	for i := range toks {
		if _, ok := phraseAt(toks, i, phrase); ok {
			return true
		}
	}
	return false
}

// aboutModel reports whether the headline is about a model rather than an
// event: it names a model and no meeting.
func (a *analyzer) aboutModel() bool {
	if len(a.title) == 0 {
		return false
	}
	t := a.d.text[a.title[0].start:a.title[len(a.title)-1].end]
	l := lowerASCIIish(t)
	if strings.Contains(l, "hội nghị") || strings.Contains(l, "lễ ") || strings.HasPrefix(l, "lễ") {
		return false
	}
	return strings.Contains(l, "mô hình") || strings.Contains(l, "dân vận khéo") || strings.Contains(l, "điển hình")
}
