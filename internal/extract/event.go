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
	months     int    // for part "": the first months of the year it covers ("9 tháng"), 0 if not that
	year       int    // 0 when the text gives none (yet)
	from, to   int
	start, end int // byte span
	tokEnd     int // token index after the mention
	tokStart   int
	toks       []token // the sentence or headline it was read from
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
	case p.part == "" && p.months >= 1 && p.months <= 12:
		return time.Date(p.year, time.Month(p.months)+1, 0, 0, 0, 0, 0, time.UTC), true
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
	case p.part == "" && p.months >= 1 && p.months <= 12:
		return time.Date(p.year, 1, 1, 0, 0, 0, 0, time.UTC), true
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

// blockPeriods returns the periods vntext.FindPeriods reads in the block
// that holds text offset off, with offsets into the text; each block is
// read once.
func (a *analyzer) blockPeriods(off int) []vntext.PeriodMatch {
	bi := sort.Search(len(a.d.blocks), func(k int) bool { return a.d.blocks[k].end >= off })
	if bi >= len(a.d.blocks) {
		return nil
	}
	if a.periodCache == nil {
		a.periodCache = make(map[int][]vntext.PeriodMatch, len(a.d.blocks))
	}
	if ms, ok := a.periodCache[bi]; ok {
		return ms
	}
	b := a.d.blocks[bi]
	ms := vntext.FindPeriods(a.d.text[b.start:b.end])
	for k := range ms {
		ms[k].Start += b.start
		ms[k].End += b.start
	}
	a.periodCache[bi] = ms
	return ms
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
	from, to := toks[0].start, toks[len(toks)-1].end
	ms := a.blockPeriods(from)
	if len(ms) == 0 {
		return nil
	}
	var out []periodMention
	for _, m := range ms {
		start, end := m.Start, m.End
		if start < from || end > to {
			continue
		}
		i := sort.Search(len(toks), func(k int) bool { return toks[k].start >= start })
		j := i
		for j < len(toks) && toks[j].start < end {
			j++
		}
		if j == i {
			continue
		}
		p := periodMention{start: start, end: end, tokStart: i, tokEnd: j, year: m.Period.Year, months: m.Months, toks: toks}
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
		if !inRange(p.year) || term(p) {
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

// typeReview is the type of a "giao ban": a review whose kind follows
// the period it reviews.
const typeReview = "review"

// typeKeywords map words of a headline to event types.
var typeKeywords = []struct {
	phrase, typ, first string
}{
	{"tổng kết", TypeTongKet, ""}, {"sơ kết", TypeSoKet, ""}, {"giao ban", typeReview, ""}, {"đại hội thi đua", TypeTongKet, ""},
	// "hội nghị bình xét thi đua – khen thưởng công tác Mặt trận năm
	// 2015": rating the period's work reviews it, its kind from the period.
	{"bình xét thi đua", typeReview, ""},
	{"khen thưởng", TypeKhenThuong, ""}, {"tuyên dương", TypeKhenThuong, ""}, {"biểu dương", TypeKhenThuong, ""},
	{"trao tặng", TypeKhenThuong, ""}, {"trao bằng khen", TypeKhenThuong, ""}, {"trao giấy khen", TypeKhenThuong, ""},
	{"vinh danh", TypeKhenThuong, ""}, {"tôn vinh", TypeKhenThuong, ""}, {"trao danh hiệu", TypeKhenThuong, ""}, {"trao thưởng", TypeKhenThuong, ""}, {"trao giải", TypeKhenThuong, ""},
	{"trao kỷ niệm chương", TypeKhenThuong, ""}, {"trao huy hiệu", TypeKhenThuong, ""}, {"trao huân chương", TypeKhenThuong, ""},
	{"chuyên đề", TypeChuyenDe, ""}, {"tập huấn", TypeChuyenDe, ""}, {"bồi dưỡng", TypeChuyenDe, ""},
	{"đối thoại", TypeChuyenDe, ""}, {"tọa đàm", TypeChuyenDe, ""}, {"hội thảo", TypeChuyenDe, ""},
	{"tiếp xúc", TypeChuyenDe, ""}, {"diễn đàn", TypeChuyenDe, ""}, {"thông báo nhanh", TypeChuyenDe, ""}, {"giao lưu", TypeChuyenDe, ""}, {"nói chuyện", TypeChuyenDe, ""},
	{"báo cáo viên", TypeChuyenDe, ""}, {"người có uy tín", TypeChuyenDe, ""}, {"người uy tín", TypeChuyenDe, ""},
	{"chức sắc", TypeChuyenDe, ""}, {"họp báo", TypeChuyenDe, ""}, {"phản biện", TypeChuyenDe, ""},
	{"làm việc", TypeOther, ""}, {"ngày hội", TypeOther, ""}, {"kiểm tra", TypeOther, ""}, {"giám sát", TypeOther, ""}, {"khảo sát", TypeOther, ""},
	{"triển khai", TypeTrienKhai, ""}, {"quán triệt", TypeTrienKhai, ""}, {"phát động", TypeTrienKhai, ""}, {"ký kết", TypeTrienKhai, ""},
	{"khởi động", TypeTrienKhai, ""}, {"ra quân", TypeTrienKhai, ""},
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

// linkWords attach a second subject to a meeting: "Hội nghị ... gắn với
// chuyên đề ...". A type keyword after them is not the meeting's own.
var linkWords = newPhraseSet("gắn với", "kết hợp", "lồng ghép")

// ceremonyNouns name a ceremony: with an award keyword anywhere in the
// headline the event is an award ceremony ("Lễ tổng kết và trao giải").
var ceremonyNouns = newPhraseSet("lễ", "họp mặt", "buổi lễ")

// typeOf reads the event type from one sentence or headline. In a
// sentence (strict) a keyword other than a review's counts only inside
// the phrase that names the meeting ("tổ chức hội nghị tọa đàm", "buổi
// đối thoại"), not in passing ("tăng cường tiếp xúc, đối thoại"). A
// keyword after "gắn với" is secondary.
func typeOf(toks []token, strict bool) (main, launch, secondary typeHit) {
	award, ceremony := typeHit{}, false
	for i := range toks {
		if _, _, ok := anyPhraseAt(toks, i, ceremonyNouns); ok && !ceremony && !main.found {
			ceremony = true
		}
		// "tổ chức lễ trao 40 huân chương chiến công ...": awards counted
		// between the verb and what is given.
		if w := toks[i].low; (w == "trao" || w == "tặng") && tokAt(toks, i+1).kind == tNum {
			if _, _, medal := anyPhraseAt(toks, i+2, medalPhrases); medal && (!strict || ceremony || inEventPhrase(toks, i)) {
				h := typeHit{TypeKhenThuong, i, true}
				if !award.found {
					award = h
				}
				if linked(toks, i) {
					if !secondary.found {
						secondary = h
					}
				} else if !main.found {
					main = h
				}
			}
		}
		for _, k := range typeKeywords {
			if toks[i].low != k.first {
				continue
			}
			if _, ok := phraseAt(toks, i, k.phrase); !ok {
				continue
			}
			if inModelName(toks, i) {
				continue // "Mô hình “Đối thoại trực tiếp với nhân dân”": a model's name
			}
			if k.phrase == "phản biện" && (tokAt(toks, i-1).low == "và" || tokAt(toks, i-1).low == ",") && tokAt(toks, i-2).low == "sát" {
				continue // "giám sát và phản biện xã hội": the Front's work, not a meeting
			}
			if k.phrase == "chuyên đề" && docNounBefore(toks, i) {
				continue // "triển khai nghị quyết chuyên đề": the kind of a document, not of the meeting
			}
			if k.typ == TypeTrienKhai {
				if _, impl := phraseAt(toks, i, "triển khai thực hiện"); impl {
					continue // implementing, not a launch
				}
			}
			if k.phrase == "trao tặng" && giftObject(toks, i+2) {
				continue // "trao tặng 150 suất quà": a hand-out, not an award
			}
			if (k.typ == TypeTongKet || k.typ == TypeSoKet) && activityPurpose(toks, i) {
				continue // "đây là hoạt động nhằm đánh giá tổng kết hoạt động hè": what an activity serves
			}
			if (k.typ == TypeTongKet || k.typ == TypeSoKet) && i >= 3 && toks[i-3].low == "ban" && toks[i-2].low == "chỉ" &&
				toks[i-1].low == "đạo" && reviewRemit(toks, i) {
				continue // "Ban Chỉ đạo tổng kết 10 năm ...": a committee's name
			}
			if k.typ != TypeTongKet && k.typ != TypeSoKet && k.typ != typeReview && objectOfWork(toks, i) {
				continue // "đánh giá việc thực hiện Ngày hội ...": what was reviewed
			}
			if strict && k.typ != TypeTongKet && k.typ != TypeSoKet && k.typ != typeReview && !inEventPhrase(toks, i) &&
				!(k.typ == TypeKhenThuong && ceremony) && !(tokAt(toks, i-1).low == "và" && eventPhraseBefore(toks, i)) {
				continue
			}
			h := typeHit{k.typ, i, true}
			switch {
			case k.typ == TypeKhenThuong && !award.found:
				award = h
			}
			switch {
			case linked(toks, i):
				if !secondary.found {
					secondary = h
				}
			case k.typ == TypeTrienKhai:
				if !launch.found {
					launch = h
				}
			case !main.found:
				main = h
			}
		}
	}
	if ceremony && award.found && !strict {
		main = award // "Lễ tổng kết và trao giải ...": an award ceremony
	}
	return main, launch, secondary
}

// inModelName reports a keyword inside the quoted name that follows
// "mô hình": "Mô hình “Chức sắc tôn giáo chung tay ...”" tells of a
// model, not of a meeting of dignitaries.
func inModelName(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		switch toks[k].low {
		case "”", "»":
			return false
		case "“", "«", "\"":
			return tokAt(toks, k-1).low == "hình" && tokAt(toks, k-2).low == "mô"
		}
	}
	return false
}

// activityPurpose reports a review word in the purpose of an activity
// that is no meeting: "hoạt động nhằm đánh giá tổng kết ...".
func activityPurpose(toks []token, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if toks[k].low == "nhằm" && tokAt(toks, k-1).low == "động" && tokAt(toks, k-2).low == "hoạt" {
			return true
		}
	}
	return false
}

// objectOfWork reports a keyword that names work done, not the meeting:
// "việc thực hiện Ngày hội ...", "kết quả tập huấn".
func objectOfWork(toks []token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		switch toks[k].low {
		case "việc", "quả":
			return true
		case "hiện":
			if tokAt(toks, k-1).low == "thực" {
				return true
			}
		}
	}
	return false
}

// linked reports a keyword right after "gắn với", "kết hợp".
func linked(toks []token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if _, _, ok := anyPhraseAt(toks, k, linkWords); ok {
			return true
		}
	}
	return false
}

// inEventPhrase reports a keyword inside the phrase that names a meeting:
// after "tổ chức", "hội nghị", "buổi", "lớp", "lễ" ...
func inEventPhrase(toks []token, i int) bool {
	w := 4
	if toks[i].low == "người" || toks[i].low == "chức" {
		w = 6 // "hội nghị gặp mặt 64 người có uy tín", "tổ chức gặp mặt các vị chức sắc"
	}
	// Words that qualify the meeting or join a second purpose to it
	// widen the phrase: "hội nghị trực tuyến toàn quốc hướng dẫn, triển
	// khai ...".
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if _, _, ok := anyPhraseAt(toks, k, meetingQualifiers); !ok && toks[k].low != "," {
			break
		}
		w++
	}
	for k := max(0, i-w); k < i; k++ {
		if _, _, ok := anyPhraseAt(toks, k, eventNouns); ok {
			return true
		}
		if toks[k].low == "tổ" && tokAt(toks, k+1).low == "chức" {
			return true
		}
	}
	return false
}

// meetingQualifiers qualify a meeting's name between the meeting noun and
// its purpose.
var meetingQualifiers = newPhraseSet("trực", "tuyến", "toàn", "quốc", "mở", "rộng", "hướng", "dẫn", "và", "tuyến")

// eventPhraseBefore reports a meeting named earlier in the sentence:
// "tổ chức hội nghị sơ kết ... và tuyên dương ...".
func eventPhraseBefore(toks []token, i int) bool {
	for k := 0; k < i; k++ {
		if toks[k].low == "tổ" && tokAt(toks, k+1).low == "chức" {
			return true
		}
	}
	return false
}

// reviewNoun reports a review keyword named as the meeting itself: "hội
// nghị tổng kết", "Hội nghị trực tuyến sơ kết".
// awardsPeriod is the period the awards of an award ceremony are given
// for, read from the sentence that gives them when the headline and the
// lead name none: "Dịp này, UBND tỉnh tặng Bằng khen 60 cá nhân ... giai
// đoạn 2016 -2020."
func (a *analyzer) awardsPeriod() *periodMention {
	n := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		if n++; n > 8 {
			break
		}
		l := joinLows(s.toks)
		award := false
		for _, w := range medalWords {
			if strings.Contains(l, w) {
				award = true
				break
			}
		}
		if !award {
			continue
		}
		for _, p := range a.findPeriods(s.toks) {
			if p.part != "" {
				q := p
				return &q
			}
		}
	}
	return nil
}

// leadReview returns the period the lead's review cue assesses ("đánh
// giá kết quả ... quý III"), nil if none.
func (a *analyzer) leadReview(lead []token) *periodMention {
	c := findReviewCue(lead)
	if c < 0 {
		return nil
	}
	for _, p := range a.findPeriods(lead) {
		if p.tokStart > c && p.tokStart-c < 20 && p.part != "" && !launchedMention(lead, p) {
			q := p
			return &q
		}
	}
	return nil
}

// reviewVerb reports a review keyword used as the lead's verb: "Hội Nông
// dân TX.Bến Cát vừa sơ kết giữa nhiệm kỳ ...", under a headline that
// names the awards given at it ("Khen thưởng 27 tập thể và 47 cá nhân").
func reviewVerb(toks []token, i int) bool {
	switch tokAt(toks, i-1).low {
	case "vừa", "đã", "mới":
		return i >= 2 && (toks[i-2].cap || toks[i-2].caps || toks[i-2].low == ")")
	}
	return false
}

func reviewNoun(toks []token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if toks[k].low == "nghị" && tokAt(toks, k-1).low == "hội" {
			return true
		}
	}
	return false
}

// typeOfPeriod is the review type for the period it reviews: a year or a
// stage is a tong_ket, a half, a quarter or another part of a year a
// so_ket.
func typeOfPeriod(p *periodMention) string {
	switch {
	case p == nil:
		return ""
	case p.part == "year" || p.part == "multi":
		return TypeTongKet
	}
	return TypeSoKet
}

// exemplaryWords name the exemplary people a meeting honours.
var exemplaryWords = newPhraseSet("điển hình tiên tiến", "tiêu biểu")

// exemplaryStage returns the stage of a meeting of exemplary people named
// in toks ("hội nghị ... điển hình tiên tiến giai đoạn 2010 - 2015"), or
// nil: "hội nghị", then the exemplary people within twenty-five words, then
// the stage right after them.
func (a *analyzer) exemplaryStage(toks []token) *periodMention {
	h := -1
	for i := range toks {
		if _, ok := phraseAt(toks, i, "hội nghị"); ok {
			h = i
			break
		}
	}
	if h < 0 {
		return nil
	}
	for i := h + 2; i < len(toks) && i <= h+25; i++ {
		e, _, ok := anyPhraseAt(toks, i, exemplaryWords)
		if !ok {
			continue
		}
		for _, p := range a.findPeriods(toks) {
			if p.part == "multi" && p.tokStart >= e && p.tokStart <= e+3 {
				q := p
				return &q
			}
		}
	}
	return nil
}

// reviewCues name a review heard at the meeting: "đánh giá kết quả ...
// 6 tháng đầu năm 2023", "báo cáo sơ kết công tác Mặt trận Quý I năm
// 2022".
var reviewCues = newPhraseSet("đánh giá kết quả", "đánh giá việc thực hiện", "đánh giá tình hình",
	"báo cáo sơ kết", "báo cáo tổng kết", "báo cáo kết quả", "nghe báo cáo", "kết quả đạt được", "đánh giá nhiệm vụ", "báo cáo tại hội nghị")

// reviewHeads and reviewObjects make a review cue of the genre's grammar:
// an assessment ("đánh giá") whose object, within three words, is the
// work or its results ("nhằm đánh giá hoạt động công tác Mặt trận năm
// 2015"), or a meeting's purpose that reviews the work ("đây là hội
// nghị thường kỳ ... nhằm sơ kết công tác mặt trận 6 tháng đầu năm").
// "đánh giá cao" praises; it reviews nothing. A report heard
// ("nghe ... báo cáo tóm tắt tình hình ... năm 2019") is not enough: a
// thematic meeting hears one too.
var reviewHeads = newPhraseSet("đánh giá", "nhằm sơ kết", "nhằm tổng kết")
var reviewObjects = newPhraseSet("kết quả", "hoạt động", "công tác", "việc thực hiện")

// findReviewCue returns the position of the first review cue in toks, -1
// if none: a phrase of reviewCues or an assessment of the work.
func findReviewCue(toks []token) int {
	c := findAny(toks, reviewCues)
	for i := range toks {
		if c >= 0 && i >= c {
			break
		}
		e, _, ok := anyPhraseAt(toks, i, reviewHeads)
		if !ok || tokAt(toks, e).low == "cao" {
			continue
		}
		for k := e; k < len(toks) && k <= e+3; k++ {
			if toks[k].kind != tWord {
				break
			}
			if _, _, ok := anyPhraseAt(toks, k, reviewObjects); ok {
				return i
			}
		}
	}
	return c
}

// findReportCue returns the position of a report of the work ("báo cáo"
// with kết quả, công tác or hoạt động within three words), -1 if none.
func findReportCue(toks []token) int {
	for i := range toks {
		e, ok := phraseAt(toks, i, "báo cáo")
		if !ok {
			continue
		}
		for k := e; k < len(toks) && k <= e+3; k++ {
			if toks[k].kind != tWord {
				break
			}
			if _, _, ok := anyPhraseAt(toks, k, reviewObjects); ok {
				return i
			}
		}
	}
	return -1
}

// alsoReviewCues join a review to the event: "đồng thời tổng kết công tác
// Mặt trận trong năm 2023".
var alsoReviewCues = newPhraseSet("đồng thời tổng kết", "đồng thời sơ kết")

// headlineAndBody returns the headline's tokens and those of the first
// most sentences of the body (every one when most < 0), in order: where
// the rules look for what a short article states once.
func (a *analyzer) headlineAndBody(most int) [][]token {
	lists := [][]token{a.title}
	for _, s := range a.sents {
		if most >= 0 && len(lists) > most {
			break
		}
		if a.kind(s) == kindBody {
			lists = append(lists, s.toks)
		}
	}
	return lists
}

// alsoReviews returns the period of a review the event is held with,
// written after "đồng thời" in the headline or the first sentences of the
// body, the period within fifteen words of it; nil when there is none.
func (a *analyzer) alsoReviews() *periodMention {
	lists := a.headlineAndBody(6)
	for _, toks := range lists {
		c := findAny(toks, alsoReviewCues)
		if c < 0 {
			continue
		}
		for _, p := range a.findPeriods(toks) {
			if p.tokStart > c && p.tokStart-c < 15 {
				q := p
				return &q
			}
		}
	}
	return nil
}

// reviewByCue finds, when neither headline nor lead names the kind of
// meeting, the period a review cue names in the headline or the first
// sentences, or the period the text opens with ("Năm 2021, ...", "Trong 6
// tháng đầu năm 2022, ...") in an article about a meeting.
func (a *analyzer) reviewByCue() *periodMention {
	// An annual meeting ("hội nghị thường niên") that hears a report of
	// the work ("Báo cáo tóm tắt kết quả công tác Mặt trận năm 2015")
	// reviews the report's year; the report may come a few sentences on.
	annual := sentenceHas(a.title, "thường niên") || sentenceHas(a.leadSentence(), "thường niên")
	most := 4
	if annual {
		most = 8
	}
	lists := a.headlineAndBody(most)
	for _, toks := range lists {
		c := findReviewCue(toks)
		if annual {
			if r := findReportCue(toks); r >= 0 && (c < 0 || r < c) {
				c = r
			}
		}
		if c < 0 {
			continue
		}
		for _, p := range a.findPeriods(toks) {
			if p.tokStart > c && p.tokStart-c < 30 {
				q := p
				return &q
			}
		}
	}
	// An article about a meeting, or one that hands out the period's
	// commendations ("Dịp này, ... tặng Bằng khen"), reviews the period
	// it opens with.
	if !strings.Contains(a.low, "hội nghị") && !strings.Contains(a.low, "dịp này") {
		return nil
	}
	return a.openingPeriod()
}

// reviewBeforeLaunch finds, in the sentence that names the launch, a
// review cue before it and the period the cue names: the meeting reviews
// that period and launches the next.
func (a *analyzer) reviewBeforeLaunch(launch typeHit) *periodMention {
	for _, toks := range [][]token{a.title, a.leadSentence()} {
		if len(toks) == 0 || launch.tok >= len(toks) {
			continue
		}
		// The launch that follows the review: the word found first may be
		// another ("tổ chức hội nghị quán triệt ...; đánh giá nhiệm vụ công
		// tác quý I, triển khai nhiệm vụ công tác quý II/2024").
		at := launch.tok
		if !strings.HasPrefix(toks[at].low, "triển") {
			at = -1
			for k := launch.tok + 1; k < len(toks); k++ {
				if _, ok := phraseAt(toks, k, "triển khai"); ok {
					at = k
					break
				}
			}
			if at < 0 {
				continue
			}
		}
		c := findReviewCue(toks[:at])
		if c < 0 {
			continue
		}
		for _, p := range a.findPeriods(toks) {
			if p.tokStart > c && p.tokStart < at {
				q := p
				return &q
			}
		}
	}
	return nil
}

// briefingPeriod is the period a "giao ban" names after it, before any
// launch ("giao ban dư luận xã hội và triển khai công tác năm 2023"
// names the year launched, not one reviewed).
func (a *analyzer) briefingPeriod(toks []token, ps []periodMention, at int) *periodMention {
	_, launch, _ := typeOf(toks, false)
	for k := range ps {
		p := ps[k]
		if p.tokStart <= at || launch.found && p.tokStart > launch.tok {
			continue
		}
		if launchedMention(toks, p) {
			continue
		}
		return &p
	}
	return nil
}

// attendanceOpenings open a sentence that lists who attended.
var attendanceOpenings = newPhraseSet("dự hội nghị", "dự và chỉ đạo", "tham dự", "về dự", "đến dự", "dự buổi", "dự lễ", "cùng dự")

// openingPeriod is the period the first body sentence opens with: "Năm
// 2021, ...", "Trong 6 tháng đầu năm 2022, ...".
func (a *analyzer) openingPeriod() *periodMention {
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		if len(s.toks) < 8 {
			continue // "Toàn cảnh hội nghị."
		}
		if _, _, ok := anyPhraseAt(s.toks, 0, attendanceOpenings); ok {
			continue // "Dự Hội nghị có đồng chí ...": who came, before what was said
		}
		ps := a.findPeriods(s.toks)
		i := 0
		if tokAt(s.toks, 0).low == "trong" {
			i = 1
		}
		if k, ok := phraseAt(s.toks, i, "năm qua"); ok && tokAt(s.toks, k).low == "," {
			// "Trong năm qua, công tác dân vận ... thực hiện Nghị quyết năm
			// 2019 ...": the past year is the one the sentence names.
			for _, p := range ps {
				if p.part == "year" && p.year > 0 && !launchedMention(s.toks, p) {
					q := p
					return &q
				}
			}
			return nil
		}
		if len(ps) > 0 && ps[0].tokStart == i && tokAt(s.toks, ps[0].tokEnd).low == "," {
			p := ps[0]
			return &p
		}
		// "Phát huy truyền thống ..., 6 tháng đầu năm, tổ chức Hội ... đã
		// trao tặng ...": a half or a quarter set off as a clause of its own.
		for _, p := range ps {
			if (p.part == "H1" || p.part == "H2" || strings.HasPrefix(p.part, "Q")) && tokAt(s.toks, p.tokStart-1).low == "," &&
				tokAt(s.toks, p.tokEnd).low == "," && !launchedMention(s.toks, p) {
				q := p
				return &q
			}
		}
		return nil
	}
	return nil
}

// readEvent decides the event type and the period reviewed.
func (a *analyzer) readEvent() {
	titleP := a.findPeriods(a.title)
	main, launch, secondary := typeOf(a.title, false)
	src, srcP := a.title, titleP
	lead := a.leadSentence()
	var leadP []periodMention
	if lead != nil {
		leadP = a.findPeriods(lead)
	}
	lm, ll, ls := typeOf(lead, true)
	switch {
	case lm.found && (lm.typ == TypeTongKet || lm.typ == TypeSoKet) && (reviewNoun(lead, lm.tok) || reviewVerb(lead, lm.tok) && main.found && main.typ == TypeKhenThuong) &&
		!(main.found && (main.typ == TypeTongKet || main.typ == TypeSoKet)):
		// "tổ chức hội nghị tổng kết ..., triển khai ... và trao Giải":
		// the meeting the lead names wins over a headline naming the
		// award or the launch beside it.
		main, src, srcP = lm, lead, leadP
	case !main.found && lead != nil:
		if lm.found && (lm.typ == TypeTongKet || lm.typ == TypeSoKet || !launch.found) {
			main, src, srcP = lm, lead, leadP
			if !launch.found {
				launch = ll
			}
		} else if !launch.found && ll.found {
			launch, src, srcP = ll, lead, leadP
		}
	}
	secondaryInLead := false
	if !secondary.found {
		secondary, secondaryInLead = ls, ls.found
	}
	pickAfter := func(ps []periodMention, tok int) *periodMention {
		cited := false
		for k := range ps {
			if ps[k].tokStart > tok {
				if inCitedSubject(ps[k].toks, tok, ps[k]) {
					cited = true
					continue
				}
				p := ps[k]
				return &p
			}
		}
		if len(ps) > 0 && !cited {
			p := ps[0]
			return &p
		}
		return nil
	}
	var cued *periodMention
	switch {
	case main.found && main.typ == typeReview && a.openingPeriod() != nil:
		// "Giao ban công tác dân vận ...": the kind of review follows the
		// period it reviews, which the text opens with.
		cued = a.openingPeriod()
		a.eventType = typeOfPeriod(cued)
	case main.found && main.typ == typeReview && a.briefingPeriod(src, srcP, main.tok) != nil:
		// "Hội nghị giao ban công tác dân vận quý III năm 2023"
		cued = a.briefingPeriod(src, srcP, main.tok)
		a.eventType = typeOfPeriod(cued)
	case main.found && main.typ == typeReview && lm.found && lm.typ == typeReview && a.briefingPeriod(lead, leadP, lm.tok) != nil:
		// "Hội nghị giao ban công tác mặt trận 6 tỉnh ..." over a lead
		// naming the period: "tổ chức hội nghị giao ban công tác mặt trận
		// 6 tháng đầu năm 2019".
		cued = a.briefingPeriod(lead, leadP, lm.tok)
		a.eventType = typeOfPeriod(cued)
	case main.found && main.typ == typeReview && launch.found:
		a.eventType = TypeTrienKhai // "giao ban ... và triển khai công tác trọng tâm năm 2023"
	case main.found && main.typ == TypeKhenThuong && len(src) > 0 && len(a.title) > 0 && &src[0] == &a.title[0] && findAny(a.title, ceremonyNouns) < 0 && a.leadReview(lead) != nil:
		// "Đảng ủy khối DN tỉnh tôn vinh doanh nhân ..." over "... tổ
		// chức Hội nghị BCH Đảng bộ lần thứ 18, đánh giá kết quả sản xuất
		// kinh doanh quý III, triển khai ...": the awards were given at a
		// meeting that reviews the period.
		cued = a.leadReview(lead)
		a.eventType = typeOfPeriod(cued)
	case main.found && main.typ == TypeChuyenDe && a.alsoReviews() != nil:
		// "Buổi tọa đàm ... ôn lại lịch sử ...; đồng thời tổng kết công
		// tác Mặt trận trong năm 2023": a talk held with the year's review
		// reviews the year.
		cued = a.alsoReviews()
		a.eventType = typeOfPeriod(cued)
	case main.found && main.typ != typeReview:
		a.eventType = main.typ
	case launch.found && !main.found && a.reviewBeforeLaunch(launch) != nil:
		// "nhằm báo cáo, đánh giá kết quả thực hiện nhiệm vụ 9 tháng đầu
		// năm và triển khai nhiệm vụ 3 tháng cuối năm 2025": a review
		// that launches what follows.
		cued = a.reviewBeforeLaunch(launch)
		a.eventType = typeOfPeriod(cued)
	case launch.found:
		a.eventType = TypeTrienKhai
	case main.found && main.typ == typeReview:
		// "giao ban công tác báo chí tháng 11": a briefing on a period
		// the schema cannot express (a month) is still an interim review.
		a.eventType = TypeSoKet
	case a.aboutModel():
		a.eventType = TypeMoHinh
	default:
		if p := a.reviewByCue(); p != nil {
			a.eventType, cued = typeOfPeriod(p), p
		} else if secondary.found {
			a.eventType = secondary.typ
			if a.eventType == typeReview {
				a.eventType = TypeOther
			}
			if (a.eventType == TypeTongKet || a.eventType == TypeSoKet) && !main.found {
				// "Hội nghị Ban Chấp hành ... gắn với tổng kết công tác đoàn
				// ... năm 2022": the review the meeting is held with names
				// the period, after its keyword.
				main = secondary
				if secondaryInLead {
					src, srcP = lead, leadP
				}
			}
		} else if a.midTermReview() {
			// "Qua nửa nhiệm kỳ đã vận động ..." with "Quang cảnh Hội
			// nghị": a meeting that reviews half a term is an interim
			// review, of no period the schema can express.
			a.eventType = TypeSoKet
		} else {
			a.eventType = TypeOther
		}
	}
	if a.eventType == TypeOther && !main.found && lead != nil && topicMeeting(lead) {
		// "tổ chức Hội nghị nhân dân tháng 5 năm 2022 với chủ đề “Phát
		// huy vai trò ...”": a meeting held on a topic is thematic.
		a.eventType = TypeChuyenDe
	}
	if a.eventType == TypeOther && containsAnyOf(a.low, medalWords) && (lead != nil && findAny(lead, gatheringNouns) >= 0 ||
		len(a.title) > 0 && (findAny(a.title, gatheringNouns) >= 0 || tokAt(a.title, 0).low == "kỷ" && tokAt(a.title, 1).low == "niệm")) {
		// "Kỷ niệm 91 năm Ngày thành lập Hội Nông dân Việt Nam" over "...
		// trao kỷ niệm chương ...": the headline names the gathering.
		// "Huyện ủy ... tổ chức họp mặt kỷ niệm 90 năm ..." and, in another
		// sentence, "trao Kỷ niệm chương ...": a ceremony that hands out
		// awards.
		a.eventType = TypeKhenThuong
	}
	if a.eventType == TypeKhenThuong {
		// "Hội nghị biểu dương phụ nữ điển hình tiên tiến giai đoạn 2010 -
		// 2015", "Hội nghị biểu dương Chủ tịch ... tiêu biểu toàn quốc giai
		// đoạn 2017-2022": a meeting of the exemplary people of a stage
		// reviews the stage (the calls of rounds three, ten and eleven).
		for _, toks := range [][]token{a.title, lead} {
			if p := a.exemplaryStage(toks); p != nil {
				a.eventType, cued = TypeTongKet, p
				a.warn("Hội nghị biểu dương điển hình của một giai đoạn: xếp là tổng kết giai đoạn đó.")
				break
			}
		}
	}
	switch a.eventType {
	case TypeTongKet, TypeSoKet:
		if main.found && tokAt(src, main.tok).low == "đại" {
			// "Đại hội thi đua yêu nước lần thứ VI (2020-2025)": an emulation
			// congress reviews the stage before it; the stage in its name
			// is the one it opens.
			break
		}
		if cued != nil {
			a.period = cued
			break
		}
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
		if a.period != nil && a.period.part == "year" && from != nil && lead != nil && &from[0] != &lead[0] {
			// "Sơ kết ... năm 2021" over a lead "sơ kết công tác dân vận 6
			// tháng đầu năm": the lead says which part of the year.
			for k := range leadP {
				if p := leadP[k]; isPart(p.part) && (p.year == 0 || p.year == a.period.year) && !launchedMention(lead, p) {
					p.year = a.period.year
					a.period = &p
					break
				}
			}
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
	case TypeKhenThuong:
		if len(srcP) == 0 {
			srcP = leadP
		}
		if len(srcP) > 0 {
			p := srcP[0]
			a.period = &p
		} else if a.period = a.awardsPeriod(); a.period != nil {
			a.awardPeriod = true
			a.warn("Kỳ báo cáo được lấy theo kỳ khen thưởng nêu trong bài.")
		}
		if a.period == nil || a.period.part == "" {
			// "... kỷ niệm 95 năm ...": no period the schema can express;
			// the year after the award's name may give one.
			if p := a.awardYear(); p != nil {
				a.period = p
				a.warn("Kỳ báo cáo là năm ghi sau tên danh hiệu được trao.")
			} else if p := a.awardTerm(); p != nil {
				a.period = p
				a.awardPeriod = true
				a.warn("Kỳ báo cáo là nhiệm kỳ mà khen thưởng ghi nhận.")
			}
		}
	case TypeOther:
		// An event that is no review names its own year ("Ngày hội Đại
		// đoàn kết toàn dân tộc năm 2025") without reviewing it; the work
		// it inspects ("kiểm tra việc thực hiện công tác dân vận 6 tháng
		// đầu năm 2023") or the results it reports give a period.
		if len(srcP) == 0 {
			srcP, src = leadP, lead
		}
		for _, p := range srcP {
			if findAny(src[max(0, p.tokStart-10):p.tokStart], workWords) >= 0 {
				q := p
				a.period = &q
				break
			}
		}
		if a.period == nil {
			a.period = a.resultsPeriod()
		}
	}
	if a.period != nil && a.period.part == "" {
		a.warn("Kỳ báo cáo không thuộc các loại được hỗ trợ (6 tháng, quý, năm, giai đoạn); để trống.")
		a.period = nil
	}
	if a.period != nil && a.period.part != "multi" && a.period.year == 0 {
		if y := a.yearNear(); y > 0 {
			a.period.year = y
		} else if y := a.yearOfDatesIn(a.period); y > 0 {
			a.period.year = y
			a.warn("Năm của kỳ báo cáo được suy từ ngày của các hoạt động nêu trong kỳ.")
		} else if y := a.yearOfNextPart(a.period); y > 0 {
			a.period.year = y
			a.warn("Năm của kỳ báo cáo được lấy theo kỳ tiếp theo nêu trong bài (cùng năm).")
		} else if y := a.yearFromPublished(a.period); y > 0 {
			a.period.year = y
			a.warn("Năm của kỳ báo cáo được lấy theo ngày đăng bài (--published).")
		} else {
			a.warn("Không rõ năm của kỳ báo cáo; để trống.")
			a.period = nil
		}
	}
}

// term reports a term of office ("Đại hội ... nhiệm kỳ 2025 - 2030",
// "giữa nhiệm kỳ 2018-2023"): no event reviews a term as a period the
// schema can express, and its years date nothing.
func term(p periodMention) bool {
	at := func(k int) string { return tokAt(p.toks, k).low }
	return at(p.tokStart-1) == "kỳ" && at(p.tokStart-2) == "nhiệm" || at(p.tokStart) == "nhiệm" && at(p.tokStart+1) == "kỳ" ||
		at(p.tokStart-1) == "khóa"
}

// isPart reports a part of a year: a half or a quarter.
func isPart(part string) bool {
	switch part {
	case "H1", "H2", "Q1", "Q2", "Q3", "Q4":
		return true
	}
	return false
}

// resultsPeriod is, for an event that is neither a review nor a launch
// (a working visit, a festival), the period whose results the text says
// it heard: "ghi nhận các kết quả đạt được trong năm 2018", "báo cáo kết
// quả thực hiện cuộc vận động ... năm 2019".
func (a *analyzer) resultsPeriod() *periodMention {
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		for i := range s.toks {
			if s.toks[i].low != "kết" || tokAt(s.toks, i+1).low != "quả" {
				continue
			}
			for _, p := range a.findPeriods(s.toks) {
				if p.tokStart > i && p.tokStart-i <= 25 && p.part != "" {
					q := p
					return &q
				}
			}
		}
	}
	return nil
}

// yearOfNextPart returns the year the text gives the part of the year
// after p, when p is the first half or a quarter before the fourth: a
// review of "6 tháng đầu năm" whose plans read "Trong 6 tháng cuối năm
// 2024, ..." reviews the first half of 2024. 0 if none.
func (a *analyzer) yearOfNextPart(p *periodMention) int {
	next := ""
	switch p.part {
	case "H1":
		next = "H2"
	case "Q1":
		next = "Q2"
	case "Q2":
		next = "Q3"
	case "Q3":
		next = "Q4"
	default:
		return 0
	}
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		for _, q := range a.findPeriods(s.toks) {
			if q.part == next && q.year > 0 {
				return q.year
			}
		}
	}
	return 0
}

// awardYear reads the year written bare after the name of the award a
// ceremony gives, in the headline or the lead: "tuyên dương điển hình
// “Dân vận khéo” 2025", "Tôn vinh Nông dân Việt Nam xuất sắc 2021". The
// ceremony is for that year. A year inside a date or a span
// ("15/10/1930-15/10/2025") is none.
func (a *analyzer) awardYear() *periodMention {
	for _, toks := range [][]token{a.title, a.leadSentence()} {
		for i := 1; i < len(toks); i++ {
			y := yearOf(toks[i])
			if y == 0 || a.dateTokens[toks[i].start] {
				continue
			}
			prev, next := toks[i-1], tokAt(toks, i+1)
			switch next.low {
			case "/", "-", "–", ")":
				continue
			}
			if closingQuote(prev.low) || prev.low == "sắc" || prev.low == "biểu" {
				return &periodMention{part: "year", year: y, toks: toks, tokStart: i, tokEnd: i + 1, start: toks[i].start, end: toks[i].end}
			}
		}
	}
	return nil
}

// awardTerm reads the term the awards are given for, written in a
// sentence that gives them ("tặng giấy khen 25 tập thể và 40 cá nhân có
// thành tích xuất sắc ..., nhiệm kỳ 2018-2023"): an award ceremony held at
// a congress honours the term just ended. It looks at the first body
// sentences only.
func (a *analyzer) awardTerm() *periodMention {
	n := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		if n++; n > 6 {
			break
		}
		if findAny(s.toks, awardObjects) < 0 {
			continue
		}
		for i := range s.toks {
			k, ok := phraseAt(s.toks, i, "nhiệm kỳ")
			if !ok {
				continue
			}
			from, to, end := termYears(s.toks, k)
			if from > 0 && to > from {
				return &periodMention{part: "multi", from: from, to: to, toks: s.toks, tokStart: i, tokEnd: end,
					start: s.toks[i].start, end: s.toks[end-1].end}
			}
		}
	}
	return nil
}

// midTermReview reports an article about a meeting ("hội nghị") that
// reviews half a term ("nửa nhiệm kỳ", "giữa nhiệm kỳ").
func (a *analyzer) midTermReview() bool {
	return strings.Contains(a.low, "hội nghị") && (strings.Contains(a.low, "nửa nhiệm kỳ") || strings.Contains(a.low, "giữa nhiệm kỳ"))
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
	for k := p.tokStart - 1; k >= 0 && k >= p.tokStart-6; k-- {
		switch toks[k].low {
		case "vụ":
			// "tổng kết (thực hiện) nhiệm vụ năm 2023" reviews the year's
			// tasks; "triển khai nhiệm vụ năm 2024" looks ahead.
			for m := k - 2; m >= 0 && m >= k-4; m-- {
				switch toks[m].low {
				case "khai", "hướng", "hoạch":
					return true
				case "kết", "giá", "hiện":
					return false
				}
			}
			return true
		case "khai", "hướng", "hoạch":
			return true
		case ",", ";", ".", "trị":
			// "nhiệm vụ chính trị 6 tháng đầu năm" is the work reviewed
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

var leadWords = newPhraseSet("tổ chức", "hội nghị", "tổng kết", "sơ kết", "diễn ra", "khai mạc", "khai giảng", "làm việc",
	"buổi", "đối thoại", "tập huấn", "lễ", "gặp mặt", "tiếp xúc", "họp", "kiểm tra", "giám sát", "khảo sát")

// leadSentence is the first body sentence that names the event: the one
// with "tổ chức", "hội nghị" or a review word, among the first few.
func (a *analyzer) leadSentence() []token {
	if a.lead != nil || a.leadDone {
		return a.lead
	}
	a.leadDone = true
	n := 0
	var first []token
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		n++
		if n > 3 {
			break
		}
		// The sentence where the organizer holds the meeting ("... tổ
		// chức hội nghị ...") is the lead, before one that only mentions a
		// meeting word ("Thực hiện quy chế làm việc ...").
		if vs := verbPositions(s.toks); len(vs) > 0 && !allPassive(s.toks, vs) && !directiveOpening(s.toks) {
			a.lead = s.toks
			return a.lead
		}
		// "Hội Nông dân (ND) TX.Bến Cát vừa sơ kết giữa nhiệm kỳ ...": a
		// body that reviews, the review written as its verb.
		for i := range s.toks {
			if w := s.toks[i].low; (w == "sơ" || w == "tổng") && tokAt(s.toks, i+1).low == "kết" && reviewVerb(s.toks, i) {
				a.lead = s.toks
				return a.lead
			}
		}
		if first == nil && findAny(s.toks, leadWords) >= 0 {
			first = s.toks
		}
	}
	a.lead = first
	return a.lead
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

// aboutModel reports whether the article is about a model rather than an
// event: its headline names a model and no meeting, or, when the headline
// names neither, the whole text names no meeting and tells of models or a
// movement ("mô hình “Dân vận khéo”", "phong trào hiến đất mở đường").
func (a *analyzer) aboutModel() bool {
	if len(a.title) > 0 {
		t := a.d.text[a.title[0].start:a.title[len(a.title)-1].end]
		l := lowerASCIIish(t)
		if strings.Contains(l, "hội nghị") || strings.Contains(l, "lễ ") || strings.HasPrefix(l, "lễ") {
			return false
		}
		if containsAnyOf(l, modelWords[:3]) {
			return true
		}
	}
	return !containsAnyOf(a.low, meetingWords) && containsAnyOf(a.low, modelWords)
}

// workWords name the work a period is about: "công tác dân vận 6 tháng
// đầu năm 2023", "việc thực hiện ...".
var workWords = newPhraseSet("công tác", "thực hiện", "kết quả")

// gatheringNouns name a gathering or a ceremony in a lead.
var gatheringNouns = newPhraseSet("họp mặt", "lễ kỷ niệm", "lễ kỉ niệm", "buổi lễ", "mít tinh")

// medalWords are awards handed out at a ceremony.
var medalWords = []string{"kỷ niệm chương", "bằng khen", "giấy khen", "huy hiệu", "huân chương", "giấy chứng nhận"}

// medalPhrases are medalWords as a phrase set.
var medalPhrases = newPhraseSet(medalWords...)

// modelWords name a model or a movement of mobilization; a headline is
// about a model with one of the first three.
var modelWords = []string{"mô hình", "dân vận khéo", "điển hình", "phong trào"}

// meetingWords name a meeting or a ceremony anywhere in a text, or the
// commendations one hands out ("Dịp này, ... tặng Bằng khen").
var meetingWords = []string{"hội nghị", "hội thảo", "hội thi", "đại hội", "lễ ", "buổi ", "cuộc họp", "họp mặt", "họp ",
	"tọa đàm", "tập huấn", "bồi dưỡng", "đối thoại", "khai mạc", "gặp mặt", "làm việc", "ngày hội", "giao ban", "tổng kết", "sơ kết",
	"dịp này", "bằng khen", "giấy khen", "thăm", "chúc mừng"}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// yearOfDatesIn finds the year of a half or quarter named without one
// from the full dates the body gives for the work done in it ("Phát động
// ... từ ngày 01 - 08/3/2024" in a review of "6 tháng đầu năm"): every
// such date must fall inside the period of one year.
func (a *analyzer) yearOfDatesIn(p *periodMention) int {
	year := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		for _, h := range a.datesIn(s.toks) {
			if h.year == 0 || h.day == 0 || isDocDate(s.toks, h) {
				continue
			}
			q := *p
			q.year = h.year
			from, ok1 := q.startDate()
			to, ok2 := q.endDate()
			t := time.Date(h.year, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
			if !ok1 || !ok2 || t.Before(from) || t.After(to) {
				return 0
			}
			if year != 0 && year != h.year {
				return 0
			}
			year = h.year
		}
	}
	return year
}

// inCitedSubject reports a period named in the subject of a document the
// sentence cites after from: "đánh giá 2 năm thực hiện Chỉ thị số
// 11-CT/TU ... về đẩy mạnh phong trào ... giai đoạn 2021 – 2025" (the span
// of the movement the directive is about, not the period reviewed). A
// stage as long as the years reviewed is the period: "tổng kết 5 năm thực
// hiện Chỉ thị số 16-CT/TU về ... giai đoạn 2019-2024".
func inCitedSubject(toks []token, from int, p periodMention) bool {
	num, years := false, 0
	at := p.tokStart
	for k := max(0, from+1); k < at && k < len(toks); k++ {
		switch toks[k].low {
		case "số":
			num = true
		case "năm":
			if n := tokAt(toks, k-1); n.kind == tNum && len(n.low) <= 2 {
				years = atoi(n.low)
			}
		case ";":
			num, years = false, 0
		case "về":
			if num {
				if p.part == "multi" && years > 0 && (p.to-p.from == years || p.to-p.from+1 == years) {
					return false
				}
				return true
			}
		}
	}
	return false
}

// docNounBefore reports a document's noun right before toks[i]: "nghị
// quyết chuyên đề", "kế hoạch chuyên đề".
func docNounBefore(toks []token, i int) bool {
	switch p1, p2 := tokAt(toks, i-1).low, tokAt(toks, i-2).low; {
	case p1 == "quyết" && p2 == "nghị", p1 == "thị" && p2 == "chỉ", p1 == "hoạch" && p2 == "kế", p1 == "án" && p2 == "đề":
		return true
	}
	return false
}

// giftNouns are what is handed out rather than awarded.
var giftNouns = newPhraseSet("suất quà", "phần quà", "quà", "suất", "nhà", "căn nhà", "ngôi nhà", "mái ấm", "kinh phí", "sổ tiết kiệm",
	"xe", "xe đạp", "học bổng", "tiền", "gạo", "bò", "con giống", "cây giống", "áo", "sách", "vở", "tủ sách", "máy")

// giftObject reports the object of "trao tặng" at toks[k] as a gift: a
// count, a quote mark or a measure word and a gift noun ("trao tặng 150
// suất quà và 3 “Mái ấm tình thương”").
func giftObject(toks []token, k int) bool {
	for n := 0; n < 3 && k < len(toks) && (toks[k].kind == tNum || toks[k].kind == tPunct || toks[k].low == "các" || toks[k].low == "những"); n++ {
		k++
	}
	_, _, ok := anyPhraseAt(toks, k, giftNouns)
	return ok
}

// allPassive reports whether every "tổ chức" at vs is passive ("Chiến
// dịch ... được tổ chức từ tháng 6 đến tháng 8"): the sentence tells of
// what is held, not of a body holding the meeting.
func allPassive(toks []token, vs []int) bool {
	for _, v := range vs {
		if tokAt(toks, v-1).low != "được" {
			return false
		}
	}
	return true
}

// directiveOpening reports a sentence that opens with what is to be done
// ("Tham mưu tổ chức tốt các cuộc tiếp xúc ...", "Đẩy mạnh ..."): it sets
// a task; its "tổ chức" holds no meeting. A sentence opening with
// "Tổ chức" or "Triển khai" may still tell the meeting.
func directiveOpening(toks []token) bool {
	_, p, ok := anyPhraseAt(toks, 0, directiveStarts)
	return ok && p != "tổ chức" && p != "triển khai" && p != "thực hiện" && p != "đồng thời"
}

// topicMeeting reports a lead that holds a meeting on a topic: "Hội nghị
// ... với chủ đề “...”".
func topicMeeting(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].low != "hội" || toks[i+1].low != "nghị" {
			continue
		}
		for k := i + 2; k+2 < len(toks) && k < i+16; k++ {
			if toks[k].kind == tPunct && toks[k].low != "," {
				break
			}
			if toks[k].low == "với" && toks[k+1].low == "chủ" && toks[k+2].low == "đề" {
				return true
			}
		}
	}
	return false
}
