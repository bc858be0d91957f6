package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/vntext"
)

// figureHit is one figure found in the text.
type figureHit struct {
	value float64
	unit  string
	about string
	span  Span
}

// units are the counted nouns a figure may have, lower case, longest
// first within each leading word so the first match is the longest.
var units = newPhraseSet(
	"vụ việc", "vụ án", "vụ", "cuộc", "lượt cán bộ", "lượt người", "lượt hội viên",
	"lượt đoàn viên", "lượt", "cán bộ", "công chức", "người dân", "người",
	"hộ gia đình", "hộ dân", "hộ", "đảng viên", "hội viên", "đoàn viên", "mô hình", "tập thể",
	"cá nhân", "xã", "phường", "thị trấn", "thôn", "bản", "ấp",
	"tổ dân phố", "khu dân cư", "khu phố", "đồng", "căn nhà", "ngôi nhà", "nhà đại đoàn kết", "nhà tình nghĩa", "nhà tiêu hợp vệ sinh", "nhà vệ sinh", "nhà văn hóa", "nhà sinh hoạt cộng đồng",
	"nhà", "suất quà", "suất học bổng", "suất", "phần quà", "phần", "buổi", "lớp", "công trình", "km", "mét",
	"m2", "m²", "ha", "héc-ta", "hecta", "tấn", "con", "cây", "ngày công", "học sinh",
	"sinh viên", "trẻ em", "gia đình", "giấy khen", "bằng khen", "kiến nghị", "đơn thư", "đơn",
	"tin bài", "bài viết", "văn bản", "điển hình", "gương", "tổ hòa giải", "tổ tự quản", "tổ", "dự án", "đề tài", "sáng kiến",
	"cơ sở", "doanh nghiệp", "hợp tác xã", "sản phẩm", "chi hội", "chi bộ", "tổ chức cơ sở đảng",
	"trường hợp", "tuyến đường", "tuyến", "cây cầu", "cầu", "phòng học", "con bò", "con giống", "chức sắc",
	"chức việc", "người có uy tín", "tín đồ", "cơ sở thờ tự", "hội nghị", "đợt", "chuyến", "thanh niên",
	"phụ nữ", "nông dân", "cựu chiến binh", "tổ chức", "đơn vị", "cơ quan", "trang", "tài liệu", "cuốn",
	"chỉ tiêu", "tiêu chí", "lao động", "việc làm", "xe", "chiếc", "bộ", "chương trình",
	"hoạt động", "phong trào", "đội", "câu lạc bộ", "clb", "nhóm", "điểm", "hồ sơ", "thủ tục", "lượt khách",
	"cuộc họp", "cuộc vận động", "tin, bài", "xã, phường, thị trấn", "xã, thị trấn", "xã, phường",
	"thành viên", "đối tượng", "lượt tổ", "lượt cán bộ, chiến sĩ", "cán bộ, chiến sĩ", "cán bộ, hội viên",
	"khẩu trang", "chai", "kg", "căn", "gương điển hình", "trang trại", "cháu", "thẻ", "mái ấm", "tổ, nhóm",
	"cán bộ, đảng viên", "cán bộ, công chức", "tập thể, cá nhân", "nhà tạm", "nhà ở", "hội viên, nông dân", "lượt hộ", "hộ đồng bào", "ngôi", "giờ công",
	"tổ hợp tác", "tht", "htx", "tổ hội", "tủ sách", "nguồn tin", "công viên", "nội dung",
	"ý tưởng", "thiếu nhi", "chi đoàn", "giấy chứng nhận", "đề án", "vũ khí",
	"huân chương", "huy chương", "kỷ niệm chương", "chị em", "huyện",
	// the genre's fixed compounds, not cut at their first noun: "60 phần
	// việc", "20 cán bộ đoàn", "33 thanh thiếu nhi"
	"phần việc", "cán bộ đoàn", "thanh thiếu nhi", "thanh thiếu niên",
	// "10 gương mặt trẻ tiêu biểu": a named kind, not "gương" alone
	"gương mặt trẻ",
)

var adminUnits = wordSet(`xã phường thị tỉnh huyện quận thôn ấp bản tổ khu xóm`)

var structureWords = newPhraseSet("sắp xếp", "đơn vị hành chính", "sáp nhập", "hợp nhất")

var resultWords = newPhraseSet("đạt", "hoàn thành", "được công nhận", "được", "đã")

// reachedWords say that indicators were reached.
var reachedWords = newPhraseSet("đạt", "hoàn thành", "vượt")

var atMeetingWords = newPhraseSet("tại hội nghị", "tại buổi", "tại lễ", "tại hội thảo", "tại tọa đàm")

var heardWords = newPhraseSet("nêu ý kiến", "ý kiến", "phát biểu", "thảo luận", "tham luận", "kiến nghị", "đặt câu hỏi")

var backgroundWords = newPhraseSet("dân số", "diện tích tự nhiên", "mật độ dân số")

// meetingUnits count only the meeting itself.
var meetingUnits = map[string]bool{"đại biểu": true, "điểm cầu": true, "tham luận": true,
	"khách mời": true, "phóng viên": true, "lượt ý kiến": true, "ý kiến": true}

// notFigureBefore are words that make the next number an ordinal, a name
// part, a code or a date: "lần thứ 5", "thôn 3", "Quyết định 12".
var notFigureBefore = wordSet(`phố thứ đợt khóa khoá số thôn ấp bản tổ khu xóm phường quận đội đường
	điều khoản mục chương phần kỳ năm tháng ngày quý lớp khối đoạn covid lúc hồi tuyến cấp hạng giải top
	phiên phòng mã lô căn tầng km lộ`)

// docSecond are second syllables of document and unit names: a number
// after them is a document or unit number when the first syllable is
// capitalized ("Chỉ thị 05", "Sư đoàn 2"), a count when it is a verb
// ("hướng dẫn 23 xã").
var docSecond = wordSet(`nghị thị luận định hoạch dẫn tư báo văn án trình đoàn khu`)

// notFigureUnits are nouns after a number that make it a time, a duration
// or an age: "5 ngày", "95 năm", "8 giờ".
var notFigureUnits = wordSet(`năm tháng ngày tuần giờ phút giây h g tuổi kỳ lần thứ quý`)

// measureUnit are the units of a building's or a road's size; sizeWords
// before them give the size of a thing, not a result ("có diện tích 80
// m2", "rộng 5 m"). A crop's area in hectares is a result.
var measureUnit = map[string]bool{"m2": true, "m²": true, "m": true, "mét": true}

var sizeWords = newPhraseSet("diện tích", "dài", "rộng")

// contestWords after a count of teams make them the contest's entrants.
var contestWords = newPhraseSet("dự thi", "tham gia", "tham dự")

// verbObject are words after "tổ chức" that make it the verb.
var verbObject = wordSet(`phần các hội lễ ngày buổi cuộc lớp được thành`)

// capitalizedUnit reports a counted noun written with a capital inside a
// sentence ("04 Công trình thanh niên", "150 Đoàn viên mới"): a compound
// of the list whose other words, and the word after it, are in lower
// case, so that no name ("3 Xã Bình Minh", "1 Nhà thờ") is read as one.
// A compound of three words or more may be written in capitals word by
// word as the name of a kind ("10 Nhà Đại đoàn kết", "7 Nhà Tình nghĩa
// nữa"): it is the listed noun when the word after it is in lower case.
func capitalizedUnit(toks []token, k int) bool {
	j, _, ok := anyPhraseAt(toks, k, units)
	if !ok || j-k < 2 {
		return false // "1 Nhà thờ": a one-word noun may begin a longer name
	}
	for i := k + 1; i < j && j-k < 3; i++ {
		if toks[i].cap {
			return false
		}
	}
	return !tokAt(toks, j).cap && !tokAt(toks, j).caps
}

// sharedAt is a share read in sentence sent, of what about names.
type sharedAt struct {
	sent  int
	about string
}

// restatedShare reports whether a share of the same value read in
// sentence si, of about, restates one read before (at): it does when
// the words of either's subject all stand in the other's sentence. A
// subject of fewer than two words tells too little to say so.
func (a *analyzer) restatedShare(at []sharedAt, si int, about string) bool {
	words := foldWords(about)
	for _, e := range at {
		if e.sent == si {
			continue
		}
		if len(words) >= 2 && a.sentenceHasWords(e.sent, words) {
			return true
		}
		if w := foldWords(e.about); len(w) >= 2 && a.sentenceHasWords(si, w) {
			return true
		}
	}
	return false
}

// sentenceHasWords reports whether every one of words (folded) stands in
// sentence si.
func (a *analyzer) sentenceHasWords(si int, words []string) bool {
	toks := a.sents[si].toks
	in := wordSet(strings.Join(foldWords(a.d.text[toks[0].start:toks[len(toks)-1].end]), " "))
	for _, w := range words {
		if !in[w] {
			return false
		}
	}
	return true
}

// readFigures finds the explicit quantities of the body.
func (a *analyzer) readFigures() {
	seen := map[string]int{}          // figure key -> sentence it was first read in
	shares := map[string][]sharedAt{} // a share's key -> where it was read
	for si, s := range a.sents {
		if a.kind(s) != kindBody || !hasNumber(s.toks) {
			continue
		}
		if a.gatheredSentence(s.toks) {
			continue
		}
		// Targets: the whole sentence, or, when it first says what was
		// done ("đã có 85/101 xã, phường, thị trấn tổ chức Đại hội ... và
		// phấn đấu đến 20/3/2019 sẽ hoàn tất ..."), what follows the
		// target word.
		targetFrom := -1
		if a.targetSentence(s.toks) {
			targetFrom = 0
			if t := targetIndex(s.toks); t > 0 && findAny(s.toks[:t], doneWords) >= 0 {
				targetFrom = s.toks[t].start
			}
			if targetFrom == 0 {
				continue
			}
		}
		// Attendance ("hơn 250 đại biểu cử tri tham dự") describes the
		// meeting its clause is about; the other clauses of a long
		// sentence, split at ";", still report results.
		attended := attendanceClauses(s.toks)
		from, to := s.toks[0].start, s.toks[len(s.toks)-1].end
		names := shortQuotes(s.toks)
		for _, m := range vntext.FindNumbers(a.d.text[from:to]) {
			m.Start += from
			m.End += from
			if a.inTask(m.Start) {
				continue // "tiếp tục xây dựng 100 mô hình": a target
			}
			if targetFrom > 0 && m.Start >= targetFrom {
				continue
			}
			if inSpans(names, m.Start) {
				continue // "Chương trình “1 triệu sáng kiến”": a name
			}
			if inSpans(attended, m.Start) {
				continue
			}
			f, ok := a.figureAt(s.toks, m)
			if !ok {
				continue
			}
			// A figure restated in another sentence (a sapo, a summary) is
			// counted once; two items of one list with the same value
			// ("11 tập thể, 21 cá nhân; và 11 tập thể, 11 cá nhân") are two.
			// A share is of what its sentence names: "vận động 100% ĐVTN
			// ..." and "100% chi đoàn có phần việc" are two results, while
			// a summary that names the same thing again ("... cho 100% học
			// sinh" and "100% giáo dục quốc phòng – an ninh") restates one.
			key := f.unit + "\x00" + formatKey(f.value)
			if f.unit == "%" {
				if a.restatedShare(shares[key], si, f.about) {
					continue
				}
				shares[key] = append(shares[key], sharedAt{si, f.about})
			} else if first, ok := seen[key]; ok && first != si {
				continue
			}
			seen[key] = si
			a.figures = append(a.figures, f)
		}
	}
	// The headline may carry a count the excerpt's body no longer does
	// ("Khen thưởng 58 tập thể, cá nhân có thành tích xuất sắc năm 2022");
	// one the body restates is counted once.
	if t := a.title; len(t) > 0 && hasNumber(t) && !a.targetSentence(t) && !a.meetingSentence(t) {
		unsure := len(a.unsure)
		for _, m := range vntext.FindNumbers(a.d.text[t[0].start:t[len(t)-1].end]) {
			m.Start += t[0].start
			m.End += t[0].start
			f, ok := a.figureAt(t, m)
			if !ok {
				continue
			}
			key := f.unit + "\x00" + formatKey(f.value)
			if _, ok := seen[key]; ok || a.partsInBody(f.unit) {
				continue
			}
			seen[key] = -1
			a.figures = append(a.figures, f)
		}
		a.unsure = a.unsure[:unsure] // the headline's words are read in the body
	}
	// A photo's caption that gives awards ("Đồng chí X trao Cờ thi đua
	// cho 4 tập thể có thành tích xuất sắc") tells those commended when
	// the body does not; a count the body has is counted once.
	for _, s := range a.sents {
		if a.kind(s) != kindCaption || !hasNumber(s.toks) {
			continue
		}
		from, to := s.toks[0].start, s.toks[len(s.toks)-1].end
		for _, m := range vntext.FindNumbers(a.d.text[from:to]) {
			m.Start += from
			m.End += from
			ti := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= m.Start })
			if ti >= len(s.toks) || s.toks[ti].start != m.Start || tokAt(s.toks, ti-1).low != "cho" {
				continue
			}
			f, ok := a.figureAt(s.toks, m)
			if !ok || !commendedAt(s.toks, ti, ti+2) {
				continue
			}
			key := f.unit + "\x00" + formatKey(f.value)
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = -1
			a.figures = append(a.figures, f)
			a.warn("Số tập thể, cá nhân được khen thưởng lấy từ chú thích ảnh: " + a.d.text[m.Start:f.span.End] + " " + f.unit + ".")
		}
	}
	if a.moneyGuessed {
		a.warn("Có số tiền ghi “triệu”/“tỷ” không kèm “đồng”; đã hiểu là đồng.")
	}
	if len(a.unsure) > 0 {
		a.warn("Chưa ghi nhận các số có đơn vị lạ, cần xem lại: " + strings.Join(a.unsure, "; ") + ".")
	}
}

// shortQuotes returns the spans of short quoted names in a sentence (at
// most eight tokens between the marks: a programme's or a movement's
// name, “1 triệu sáng kiến”); a longer quote is speech and may report.
func shortQuotes(toks []token) []Span {
	var out []Span
	quoted := inQuotes(toks)
	for i := 0; i < len(toks); {
		if !quoted[i] {
			i++
			continue
		}
		j := i
		for j < len(toks) && quoted[j] {
			j++
		}
		if j-i <= 8 || namedBefore(toks, i-1) {
			out = append(out, Span{toks[i].start, toks[j-1].end})
		}
		i = j
	}
	return out
}

// nameNouns introduce a quoted name: "Chương trình “1 triệu sáng kiến -
// nỗ lực vượt khó ...”", "phong trào “...”".
var nameNouns = newPhraseSet("chương trình", "phong trào", "cuộc vận động", "mô hình", "chủ đề", "đề án", "cuộc thi", "giải thưởng")

// namedBefore reports a name noun ending just before the opening mark at
// toks[q].
func namedBefore(toks []token, q int) bool {
	for k := max(0, q-3); k < q; k++ {
		if e, _, ok := anyPhraseAt(toks, k, nameNouns); ok && e == q {
			return true
		}
	}
	return false
}

func inSpans(spans []Span, off int) bool {
	for _, sp := range spans {
		if off >= sp.Start && off < sp.End {
			return true
		}
	}
	return false
}

// inTask reports whether off lies in a task (tasks are in text order).
func (a *analyzer) inTask(off int) bool {
	k := sort.Search(len(a.tasks), func(i int) bool { return a.tasks[i].End > off })
	return k < len(a.tasks) && a.tasks[k].Start <= off
}

func formatKey(v float64) string {
	return strings.TrimRight(strings.TrimRight(strings.Replace(
		strings.TrimSpace(strings.ToLower(floatString(v))), "+", "", 1), "0"), ".")
}

func floatString(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return vntext.FormatInt(int64(v))
	}
	return vntext.FormatNumber(v, 3)
}

// doneWords say that a clause reports what was done.
var doneWords = newPhraseSet("đã")

// targetIndex returns the index of the first word of targets in toks, or
// -1.
func targetIndex(toks []token) int {
	for i := range toks {
		if _, p, ok := anyPhraseAt(toks, i, targetWords); ok {
			if p == "mục tiêu" && tokAt(toks, i-1).low == "trình" {
				continue // "chương trình mục tiêu quốc gia": a programme's name
			}
			if (p == "chỉ tiêu đề ra" || p == "kế hoạch đề ra") && findAny(toks[max(0, i-3):i], reachedWords) >= 0 {
				continue // "được trên 10 tỷ đồng, vượt kế hoạch chỉ tiêu đề ra": a result against the plan
			}
			return i
		}
	}
	return -1
}

// targetSentence reports a sentence about targets, not results.
func (a *analyzer) targetSentence(toks []token) bool {
	return targetIndex(toks) >= 0
}

// figureAt decides whether the number m is a figure, and reads its unit.
func (a *analyzer) figureAt(toks []token, m vntext.NumberMatch) (figureHit, bool) {
	glued := ""
	if m.Attached {
		// Codes, ranges, dates, "Covid-19"; a ratio "16/20 xã", a measure
		// written against its number ("1.000m2", "4,5km") and a second
		// count after a slash ("163 vụ/299 đối tượng") are kept.
		glued = gluedUnit(a.d.text[m.End:])
		ratio := m.End < len(a.d.text) && a.d.text[m.End] == '/'
		if !ratio && glued == "" && !afterWordSlash(a.d.text, m.Start) || a.dateTokens[m.Start] {
			return figureHit{}, false
		}
	}
	// Token index of the first digit.
	ti := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.Start })
	for ti < len(toks) && toks[ti].kind != tNum && toks[ti].start < m.End {
		ti++
	}
	if ti >= len(toks) || toks[ti].kind != tNum || toks[ti].start >= m.End {
		return figureHit{}, false
	}
	nt := toks[ti]
	if a.dateTokens[nt.start] {
		return figureHit{}, false
	}
	if strings.Trim(nt.low, "0") == "" {
		return figureHit{}, false // "000": a piece of a number, not a count
	}
	if mt := a.d.text[m.Start:m.End]; (strings.Contains(mt, "ngàn") || strings.Contains(mt, "nghìn")) && strings.Count(nt.low, ".") >= 2 {
		// "163.200.000 ngàn đồng": millions written out and then
		// multiplied by a thousand cannot be read as meant.
		a.unsure = append(a.unsure, mt)
		return figureHit{}, false
	}
	if a.orgSpan.End > 0 && m.Start >= a.orgSpan.Start && m.Start < a.orgSpan.End {
		return figureHit{}, false // "Khối thi đua Mặt trận 13 xã, thị trấn": a name
	}
	if p1, p2 := tokAt(toks, ti-1).low, tokAt(toks, ti-2).low; m.Start == nt.start && (p1 == "trận" && p2 == "mặt" || p1 == "đua" && p2 == "thi") {
		return figureHit{}, false // "Khối Mặt trận 13 xã", "Cụm thi đua 5": a cluster's name
	}
	// A year on its own.
	if yearOf(nt) > 0 && !m.Number.Percent && !strings.Contains(a.d.text[m.Start:m.End], " ") {
		return figureHit{}, false
	}
	// Long digit strings: phone numbers, codes.
	if len(nt.low) >= 7 && !strings.ContainsAny(nt.low, ".,") {
		return figureHit{}, false
	}
	if prev := tokAt(toks, ti-1); prev.kind == tWord && docSecond[prev.low] && tokAt(toks, ti-2).cap && m.Start == nt.start {
		return figureHit{}, false
	}
	if prev := tokAt(toks, ti-1); prev.kind == tWord && notFigureBefore[prev.low] && m.Start == nt.start {
		if !(prev.low == "số" && (tokAt(toks, ti-2).low == "tổng" || tokAt(toks, ti-2).low == "với")) &&
			!(prev.low == "cấp" && tokAt(toks, ti-2).low == "nâng") {
			return figureHit{}, false
		}
	}
	if prev := tokAt(toks, ti-1); prev.cap && prev.kind == tWord && ti-1 > 0 && m.Start == nt.start && len(nt.low) <= 3 {
		// "Quân khu 5", "Sư đoàn 2": a number after a name.
		return figureHit{}, false
	}
	// A range "từ 50 đến 100 triệu đồng/năm" describes; it counts nothing.
	if tokAt(toks, ti-1).low == "từ" && tokAt(toks, ti+1).low == "đến" ||
		(tokAt(toks, ti-1).low == "đến" || tokAt(toks, ti-1).low == "-" || tokAt(toks, ti-1).low == "–") &&
			tokAt(toks, ti-2).kind == tNum && tokAt(toks, ti-3).low == "từ" {
		return figureHit{}, false
	}
	// Times: "8h30", "14 giờ".
	after := a.d.text[m.End:min(len(a.d.text), m.End+12)]
	if len(after) > 0 && (after[0] == 'h' || after[0] == 'g') && (len(after) == 1 || isDigitByte(after[1]) || after[1] == ' ' || after[1] == ',') {
		return figureHit{}, false
	}
	// The unit: the noun right after the number (after the multiplier).
	var unit string
	var uEnd int
	guessed := false // money written without "đồng"
	if m.Number.Percent {
		unit = "%"
		uEnd = m.End
	} else if glued != "" && glued != "đ" && glued != "đồng" {
		// "dài 1,8km", "rộng khoảng 3,5m": the size of a thing, not a result.
		for k := max(0, ti-3); k < ti; k++ {
			if dimensionWords[toks[k].low] {
				return figureHit{}, false
			}
		}
		unit = glued
		uEnd = m.End + len(glued)
	} else if glued != "" {
		unit = "đồng" // "164.860.000đ": money written against its number
		uEnd = m.End + len(glued)
	} else if a.moneyWithoutNoun(toks, ti, m) {
		unit, uEnd = "đồng", m.End
		guessed = true
	} else {
		k := ti + 1
		for k < len(toks) && toks[k].end <= m.End {
			k++
		}
		// a ratio "16/20 xã"
		if k+1 < len(toks) && toks[k].low == "/" && toks[k+1].kind == tNum && adjacent(toks[k-1], toks[k]) {
			k += 2
		}
		w := tokAt(toks, k)
		if w.kind != tWord || w.cap && !capitalizedUnit(toks, k) {
			return figureHit{}, false
		}
		delegates := 0 // the end of "đại biểu" given an award
		if e, p, ok := anyPhraseAt(toks, k, meetingUnitList); ok && meetingUnits[p] {
			// Delegates count the meeting, unless an award is given them:
			// "trao tặng Bằng khen cho 236 đại biểu tiêu biểu".
			if p != "đại biểu" || !commendedAt(toks, ti, e) {
				return figureHit{}, false
			}
			delegates = e
		}
		j, p, ok := anyPhraseAt(toks, k, units)
		if delegates > 0 {
			j, p, ok = delegates, "đại biểu", true
		}
		if !ok && !notFigureUnits[w.low] {
			// An open class: a noun the list does not hold, read as the
			// object of the verb before the number ("hoãn 29 đám cưới",
			// "xây dựng 16 vườn ươm").
			j, ok = openUnit(toks, ti, k)
			p = w.low
		} else if ok && classifiers[p] {
			// A measure word takes its noun: "100 suất ăn", "10.000 mét
			// vuông", "212.146 lượt cử tri", "9.934 đội viên".
			j = classifierNoun(toks, j)
		}
		if ok {
			j = pairedNoun(toks, j)
		}
		switch {
		case (w.low == "m" || w.low == "km") && k+1 < len(toks) && adjacent(w, toks[k+1]) && (toks[k+1].low == "2" || toks[k+1].low == "²"):
			j, ok = k+2, true // "3.500 m2"
		case ok && strings.Contains(p, " "):
			// "ngày công" is a unit although "ngày" alone is a duration.
		case notFigureUnits[w.low]:
			return figureHit{}, false
		}
		if !ok {
			if len(a.unsure) < 5 {
				e := w.end
				if nx := tokAt(toks, k+1); nx.kind == tWord && !nx.cap && nx.space {
					e = nx.end
				}
				a.unsure = append(a.unsure, a.d.text[m.Start:e])
			}
			return figureHit{}, false
		}
		unit = a.d.text[toks[k].start:toks[j-1].end]
		uEnd = toks[j-1].end
		if memberStock(toks, ti, unit) {
			return figureHit{}, false
		}
		// "cả 4 ngôi nhà đều được khởi công ...": all of those already
		// counted, restated; "tất cả 166 xã, phường đã ..." counts.
		if tokAt(toks, ti-1).low == "cả" && tokAt(toks, ti-2).low != "tất" && findAny(toks[j:min(len(toks), j+3)], allOfThem) >= 0 {
			return figureHit{}, false
		}
		if (p == "chỉ tiêu" || p == "tiêu chí") && !(m.End < len(a.d.text) && a.d.text[m.End] == '/') &&
			findAny(toks[j:min(len(toks), j+5)], reachedWords) < 0 {
			// "kết quả thực hiện 15 chỉ tiêu thi đua": how many indicators
			// there are; "15/15 chỉ tiêu đạt", "12 tiêu chí đạt chuẩn" are
			// results.
			return figureHit{}, false
		}
		if w := tokAt(toks, j).low; (w == "trưởng" || w == "phó") && !strings.Contains(p, " ") || p == "chi hội" && w == "trưởng" {
			return figureHit{}, false // "214 chi hội trưởng": people by their post, trainees here
		}
		if p == "đội" && (tokAt(toks, ti-1).low == "hút" || findAny(toks[j:min(len(toks), j+3)], contestWords) >= 0) {
			return figureHit{}, false // "thu hút 23 đội", "23 đội dự thi": the contest itself
		}
		if p == "tổ chức" && verbObject[tokAt(toks, j).low] {
			return figureHit{}, false // "10/10 tổ chức phần lễ": organized, not organizations
		}
		if p == "đồng" && tokAt(toks, j).low == "chí" {
			// "2 đồng chí": people, not money; those given an award are
			// commended ("trao kỷ niệm chương ... cho 10 đồng chí", "151
			// đồng chí được tặng Kỷ niệm chương").
			if !commendedAt(toks, ti, j+1) {
				return figureHit{}, false
			}
			unit = a.d.text[toks[k].start:toks[j].end]
			uEnd = toks[j].end
		}
		// "Sau khi sắp xếp ..., toàn tỉnh có 135 xã, phường": the shape of
		// the administrative map, not a result of the work.
		if adminUnits[toks[k].low] && a.sentHas(toks, structureWords) {
			return figureHit{}, false
		}
		// "tại cụm kinh tế số 5 gồm 04 đơn vị: ...": what a group is made of.
		if tokAt(toks, ti-1).low == "gồm" && p == "đơn vị" && m.Start == nt.start && !(m.End < len(a.d.text) && a.d.text[m.End] == '/') {
			return figureHit{}, false
		}
		// "Huyện có 21 xã, thị trấn", "gồm 156 thôn": the map again.
		if pw := tokAt(toks, ti-1).low; adminUnits[toks[k].low] && (pw == "có" || pw == "gồm") && m.Start == nt.start &&
			!(m.End < len(a.d.text) && a.d.text[m.End] == '/') && findAny(toks[j:min(len(toks), j+6)], resultWords) < 0 {
			return figureHit{}, false
		}
		// "dân số hơn 120.000 người", "diện tích 300 ha": background.
		if a.sentHas(toks, backgroundWords) {
			return figureHit{}, false
		}
		// "Ngôi nhà ... có diện tích 80 m2": the size of a thing.
		if measureUnit[strings.ToLower(unit)] && findAny(toks[max(0, ti-4):ti], sizeWords) >= 0 {
			return figureHit{}, false
		}
	}
	if describesNotResult(toks, ti, m.Number.Percent) || fundStock(toks, ti, unit == "đồng") || minimumAt(toks, ti) || holdersOfEvent(toks, ti) {
		return figureHit{}, false
	}
	f := figureHit{
		value: m.Number.Value,
		unit:  unit,
		span:  Span{m.Start, m.End},
		about: a.aboutFor(toks[max(0, ti-40):min(len(toks), ti+40)], m.Start, uEnd, unit),
	}
	a.moneyGuessed = a.moneyGuessed || guessed
	return f, true
}

// loanStockWords say that a clause tells what a fund holds or the loans
// a body manages, not what the work did: "các cấp hội đang quản lý trên
// 737 tỷ đồng cho gần 20 nghìn hộ hội viên vay". (The loans made, "cho
// ... hộ vay với tổng dư nợ ...", are the work's result.)
var loanStockWords = newPhraseSet("đang quản lý", "số dư")

// balanceWords say that money is a fund's balance: "quỹ ... hiện có
// khoảng 600 triệu đồng".
var balanceWords = newPhraseSet("hiện có", "hiện còn", "hiện nay có")

// fundStock reports a number in a clause (back to a semicolon or the
// sentence's start) that gives a fund's balance or the loans it manages:
// every count of the clause for loans, money only for a balance.
func fundStock(toks []token, ti int, money bool) bool {
	b := ti
	for b > 0 && toks[b-1].low != ";" {
		b--
	}
	if findAny(toks[b:ti], loanStockWords) >= 0 {
		return true
	}
	return money && findAny(toks[b:ti], balanceWords) >= 0
}

// holdersOfEvent reports a count that opens a sentence, after its date,
// as the subject of the event the article reports: "Ngày 7/1/2024, 5/5
// khu phố trên địa bàn phường ... đã đồng loạt tổ chức Hội nghị ...".
// Those who held it are not a result of the work.
func holdersOfEvent(toks []token, ti int) bool {
	if ti > 10 || ti > 0 && toks[ti-1].low != "," {
		return false
	}
	for k := ti + 1; k < len(toks) && k < ti+14; k++ {
		if toks[k].kind == tPunct && toks[k].low != "/" {
			return false
		}
		if _, ok := phraseAt(toks, k, "đồng loạt"); ok {
			_, _, held := anyPhraseAt(toks, k+2, heldVerbs)
			return held
		}
	}
	return false
}

// minimumAt reports "ít nhất" or "tối thiểu" right before the number at
// toks[ti]: a requirement or a size ("thực hiện ít nhất 01 hoạt động",
// "diện tích sử dụng tối thiểu 30m2"), no result.
func minimumAt(toks []token, ti int) bool {
	if ti < 2 {
		return false
	}
	for _, p := range []string{"ít nhất", "tối thiểu"} {
		if e, ok := phraseAt(toks, ti-2, p); ok && e == ti {
			return true
		}
	}
	return false
}

// allOfThem says that a count restates all of those counted before: "cả
// 4 ngôi nhà đều ...".
var allOfThem = newPhraseSet("đều")

// moneyWords say that a sentence is about money.
var moneyWords = newPhraseSet("số tiền", "kinh phí", "trị giá", "hỗ trợ", "ủng hộ", "đóng góp", "tổng giá trị", "quỹ", "nguồn vốn", "tiền mặt")

// moneyWithoutNoun reports millions or billions written with no noun
// after them in a sentence about money: "hỗ trợ mỗi nhà 30 triệu, số tiền
// còn lại ...", "ủng hộ 996 triệu, ...". They are đồng when the text
// writes đồng after them.
func (a *analyzer) moneyWithoutNoun(toks []token, ti int, m vntext.NumberMatch) bool {
	s := a.d.text[m.Start:m.End]
	if !strings.Contains(s, "triệu") && !strings.Contains(s, "tỷ") && !strings.Contains(s, "tỉ") {
		return false
	}
	k := ti + 1
	for k < len(toks) && toks[k].end <= m.End {
		k++
	}
	if w := tokAt(toks, k); w.kind == tWord && !(w.low == "số" && tokAt(toks, k+1).low == "tiền") {
		return false
	}
	// The currency must be written in the text after it ("... 100 triệu
	// đồng; ... mỗi nhà 30 triệu"): a unit is never made up.
	return a.sentHas(toks, moneyWords) && strings.Contains(a.d.text[m.End:], "đồng")
}

var meetingUnitList = newPhraseSet("đại biểu", "điểm cầu", "tham luận", "khách mời", "phóng viên", "lượt ý kiến", "ý kiến")

// sentHas reports whether the sentence toks holds a phrase of ps,
// remembering the answer for the sentence so that a sentence with many
// numbers is read once.
func (a *analyzer) sentHas(toks []token, ps *phraseSet) bool {
	key := sentKey{toks[0].start, ps}
	if v, ok := a.sentCache[key]; ok {
		return v
	}
	if a.sentCache == nil {
		a.sentCache = map[sentKey]bool{}
	}
	v := findAny(toks, ps) >= 0
	a.sentCache[key] = v
	return v
}

type sentKey struct {
	start int
	ps    *phraseSet
}

// measureUnits may be written against their number: "1.000m2", "4,5km".
var measureUnits = []string{"m2", "m²", "km2", "km", "ha", "kg", "m", "đồng", "đ"}

// gluedUnit returns the measure unit written right after a number, or "".
func gluedUnit(after string) string {
	for _, u := range measureUnits {
		if strings.HasPrefix(after, u) {
			rest := after[len(u):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isLetter(r) && !(r >= '0' && r <= '9') {
				return u
			}
		}
	}
	return ""
}

var dimensionWords = wordSet(`dài rộng cao sâu tích`)

// afterWordSlash reports a number right after "word/": the second count
// of "181.180 lượt tổ/405.194 lượt cán bộ".
func afterWordSlash(text string, start int) bool {
	if start < 2 || text[start-1] != '/' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start-1])
	return isLetter(r)
}

// stockWords say that a count is the size of an organization, not a
// result of its work: "hiện có trên 70.100 hội viên sinh hoạt ở 1.308 chi
// hội", "đưa tổng số hội viên đến nay là 3.290".
var stockWords = newPhraseSet("hiện có", "hiện nay là", "đến nay là", "đưa tổng số", "tổng số hội viên",
	"đại diện cho") // "60 đại biểu đại diện cho hơn 120 đoàn viên toàn xã": the members represented

// memberUnits count the members and branches of an organization.
var memberUnits = map[string]bool{"hội viên": true, "chi hội": true, "đảng viên": true, "đoàn viên": true,
	"chi bộ": true, "tổ chức cơ sở đảng": true, "thành viên": true, "chi đoàn": true}

// memberStock reports a count of members or branches in a clause about
// the organization's size, or a fall in their number ("giảm 42 hội viên").
func memberStock(toks []token, ti int, unit string) bool {
	// "hiện có 6.834 hội viên, tăng 682 hội viên so năm 2015": the growth
	// is the year's result, though the total beside it is not.
	if p := tokAt(toks, ti-1).low; p == "tăng" || p == "thêm" && tokAt(toks, ti-2).low == "tăng" {
		return false
	}
	b := ti
	for b > 0 && toks[b-1].low != ";" {
		b--
	}
	if h := findAny(toks[b:ti], inventoryWords); h >= 0 {
		// "Hiện có 14 doanh nghiệp, 34 tổ hợp tác, ..., 983 hộ kinh
		// doanh": the shape of the local economy, every item of the list.
		for k := b + h; k <= ti; k++ {
			if toks[k].kind == tNum {
				if _, _, ok := anyPhraseAt(toks, k+1, economicUnits); ok {
					return true
				}
				break
			}
		}
	}
	if findAny(toks[b:ti], memberTotals) >= 0 {
		return true // "nâng tổng số hội viên lên gần 14.500 người"
	}
	if !memberUnits[lowerASCIIish(unit)] {
		return false
	}
	if tokAt(toks, ti-1).low == "giảm" {
		return true
	}
	// "toàn Đảng bộ có 650 đảng viên, sinh hoạt tại 11 Chi bộ", "Chi bộ
	// làng Krông (xã Ia Mơr, huyện Chư Prông) có 13 đảng viên"
	if tokAt(toks, ti-1).low == "có" {
		k := ti - 2
		if tokAt(toks, k).low == ")" {
			for k > b && toks[k].low != "(" {
				k--
			}
			k--
		}
		if w := tokAt(toks, k).low; w == "bộ" || w == "hội" || k >= b && findAny(toks[b:k+1], memberBodies) >= 0 {
			return true
		}
		// "..., trong đó có 10 đảng viên người dân tộc thiểu số": a part
		// of the membership.
		if tokAt(toks, ti-2).low == "đó" && tokAt(toks, ti-3).low == "trong" {
			return true
		}
	}
	// "... sinh hoạt tại 11 Chi bộ": where the members meet.
	if w := tokAt(toks, ti-1).low; (w == "tại" || w == "ở") && tokAt(toks, ti-2).low == "hoạt" && tokAt(toks, ti-3).low == "sinh" {
		return true
	}
	return findAny(toks[b:ti], stockWords) >= 0
}

// memberBodies are the bodies whose members a count after "có" tells.
var memberBodies = newPhraseSet("chi bộ", "đảng bộ", "chi hội", "chi đoàn")

// memberTotals name an organization's whole membership, whatever noun
// counts it.
var memberTotals = newPhraseSet("tổng số hội viên", "tổng số đảng viên", "tổng số đoàn viên")

// inventoryWords open a count of what exists.
var inventoryWords = newPhraseSet("hiện có", "hiện nay có", "đến nay có")

// economicUnits are the establishments of a local economy.
var economicUnits = newPhraseSet("doanh nghiệp", "hợp tác xã", "tổ hợp tác", "trang trại", "gia trại", "cơ sở sản xuất", "hộ kinh doanh")

// meetingSentence reports a sentence that describes attendance: "Hội
// nghị có 150 người tham dự", "Cùng tham dự có ... và hơn 500 đoàn viên".
// Its counts describe the meeting itself, not results.
func (a *analyzer) meetingSentence(toks []token) bool {
	return attendanceAt(toks) || a.gatheredSentence(toks)
}

// attendanceAt reports an attendance word in toks.
func attendanceAt(toks []token) bool { return attendanceIndex(toks) >= 0 }

// attendanceClauses returns the spans of a sentence that tell attendance.
// A sentence whose first clause (to the first ";") tells it is all about
// those present, and so is the rest of one from a later clause that opens
// with it ("...; cùng dự có đồng chí ...; ... đại diện 18 phường"): the list
// runs on through its semicolons. An attendance word inside a later
// clause, after the clause has said what was done, covers only the count
// it follows ("...; tổ chức 01 buổi tiếp xúc cử tri ..., 06 hội nghị ...
// với hơn 250 đại biểu cử tri tham dự ...": the meetings held are results).
func attendanceClauses(toks []token) []Span {
	var out []Span
	b := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && toks[k].low != ";" {
			continue
		}
		if k > b {
			if at := attendanceIndex(toks[b:k]); at >= 0 && !activitiesHeld(toks[b:b+at]) {
				if b == 0 || at <= 3 {
					return append(out, Span{toks[b].start, toks[len(toks)-1].end})
				}
				// The count right before the word: back to the number.
				n := b + at
				for n > b && toks[n].kind != tNum {
					n--
				}
				if toks[n].kind == tNum {
					out = append(out, Span{toks[n].start, toks[b+at].end})
				}
			}
		}
		b = k + 1
	}
	return out
}

// activityNouns count activities held; heldVerbs hold them.
var activityNouns = newPhraseSet("buổi", "cuộc", "lớp", "hội nghị", "đợt")
var heldVerbs = newPhraseSet("tổ chức", "mở")

// activitiesHeld reports a clause that, before its attendance word,
// counts activities the work held ("các đơn vị đã tổ chức gần 7.700 buổi
// tuyên truyền ... với hơn 613 ngàn lượt người tham dự", "tổ chức được
// 3.320 cuộc tiếp xúc cử tri ..., có hơn 212.146 lượt cử tri tham dự"):
// those who attended them were reached by the work, they are not the
// meeting's own attendance.
func activitiesHeld(toks []token) bool {
	for i := range toks {
		if toks[i].kind != tNum {
			continue
		}
		k := i + 1
		for k < len(toks) && toks[k].kind == tNum {
			k++
		}
		if _, _, ok := anyPhraseAt(toks, k, activityNouns); !ok {
			continue
		}
		// The verb of holding may stand further back, before what was
		// held: "tổ chức tuyên truyền thực hiện các phong trào, ... được
		// hơn 200 cuộc với hơn 17.000 lượt người tham dự".
		for v := 0; v < i; v++ {
			if _, _, ok := anyPhraseAt(toks, v, heldVerbs); ok && (v >= i-4 || tokAt(toks, i-1).low == "được" || tokAt(toks, i-2).low == "được") {
				return true
			}
		}
	}
	return false
}

// attendanceIndex returns the index of the first attendance word in toks,
// -1 if none.
func attendanceIndex(toks []token) int {
	for i := range toks {
		if _, p, ok := anyPhraseAt(toks, i, attendanceWords); ok {
			if p == "dự" && duNot[tokAt(toks, i+1).low] {
				continue // "dự án"
			}
			if p == "dự" && delegationName(toks, i) {
				continue // "Đoàn đại biểu dự Đại hội ... tặng quà 10 hội viên": the delegation's name
			}
			return i
		}
	}
	return -1
}

// delegationName reports "dự" at toks[i] inside the name of a delegation
// called after the meeting it attends: "Đoàn đại biểu dự Đại hội đại
// biểu Hội Nông dân Việt Nam lần thứ VIII ... vừa ... tặng quà 10 hội
// viên". What the delegation did is told by the clause's own verb.
func delegationName(toks []token, i int) bool {
	return i >= 3 && tokAt(toks, i-1).low == "biểu" && tokAt(toks, i-2).low == "đại" && tokAt(toks, i-3).low == "đoàn" &&
		(i == 3 || tokAt(toks, i-4).kind == tPunct) && tokAt(toks, i+1).cap
}

// gatheredSentence reports a sentence about the people a meeting heard
// or gathered; its counts describe the meeting.
func (a *analyzer) gatheredSentence(toks []token) bool {
	// "Tại hội nghị, có 18 hộ dân đã nêu ý kiến": what the meeting heard;
	// "Tại Hội nghị, có hơn 100 cán bộ ... nghiên cứu": who took part.
	if k, _, at := anyPhraseAt(toks, 0, atMeetingWords); at {
		if findAny(toks, heardWords) >= 0 || tokAt(toks, k).low == "," && tokAt(toks, k+1).low == "có" && !awardedPassive(toks) {
			return true
		}
		// "Tại Hội nghị, 51 người uy tín tiêu biểu ... được nắm bắt":
		// the people the meeting gathered.
		if tokAt(toks, k).low == "," && tokAt(toks, k+1).kind == tNum && peopleNoun(toks, k+2) && !commendedAt(toks, k+1, k+4) {
			return true // not "Tại Hội nghị, 63 đại biểu xuất sắc nhất sẽ được tặng thưởng Bằng khen"
		}
	}
	// "tổ chức hội nghị gặp mặt 64 người có uy tín": those met.
	for i := range toks {
		if _, _, ok := anyPhraseAt(toks, i, meetWords); ok {
			if e, _, _ := anyPhraseAt(toks, i, meetWords); tokAt(toks, e).kind == tNum && peopleNoun(toks, e+1) {
				return true
			}
		}
	}
	return false
}

// awardVerbs give an award: the count they are said of is commended.
var awardVerbs = newPhraseSet("tặng", "trao", "khen thưởng", "tuyên dương", "công nhận")

// awardedPassive reports counts said to receive an award: "có 03 tập thể
// và 05 cá nhân được Chủ tịch UBND huyện tặng Giấy khen". "được" and then,
// within ten words, an award verb: those commended, a result of the
// year's work, not the people the meeting gathered.
func awardedPassive(toks []token) bool {
	for i := range toks {
		if toks[i].low != "được" || i == 0 || !countBefore(toks, i) {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+10; k++ {
			if toks[k].kind == tPunct && toks[k].low != "," && toks[k].low != "-" {
				break
			}
			if _, _, ok := anyPhraseAt(toks, k, awardVerbs); ok {
				return true
			}
		}
	}
	return false
}

// commendedAt reports a count of people at toks[ti] (its noun ending
// before toks[after]) who are given an award: after "cho" in a clause an
// award verb opens ("trao kỷ niệm chương ... cho 10 đồng chí"), or
// followed by "được" and an award verb ("151 đồng chí được tặng ...").
func commendedAt(toks []token, ti, after int) bool {
	if tokAt(toks, ti-1).low == "cho" {
		for k := ti - 2; k >= 0 && k >= ti-20; k-- {
			if toks[k].kind == tPunct && toks[k].low != "," && toks[k].low != "“" && toks[k].low != "”" && toks[k].low != "\"" {
				break
			}
			if _, _, ok := anyPhraseAt(toks, k, awardVerbs); ok {
				return true
			}
		}
		return false
	}
	// "được" may come after a few words of praise or tense: "63 đại biểu
	// xuất sắc nhất sẽ được tặng thưởng Bằng khen".
	d := after
	for d < len(toks) && d < after+5 && toks[d].kind == tWord && toks[d].low != "được" {
		d++
	}
	if tokAt(toks, d).low != "được" {
		return false
	}
	for k := d + 1; k < len(toks) && k <= d+3; k++ {
		if _, _, ok := anyPhraseAt(toks, k, awardVerbs); ok {
			return true
		}
	}
	return false
}

// countBefore reports a number among the four words before toks[i].
func countBefore(toks []token, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if toks[k].kind == tNum {
			return true
		}
	}
	return false
}

// meetWords gather people: the count after them is of those met.
var meetWords = newPhraseSet("gặp mặt", "gặp gỡ", "tiếp xúc", "đối thoại với")

// peopleNoun reports a noun of persons at toks[k]: "người", "đại biểu",
// "già làng", "chức sắc".
func peopleNoun(toks []token, k int) bool {
	switch tokAt(toks, k).low {
	case "người", "đại", "già", "chức", "trưởng", "cán", "hội", "đoàn", "học", "cử":
		return true
	}
	return false
}

// aboutFor is a short description: the words of the clause before the
// number, and when those are few, the counted noun and the words after it.
func (a *analyzer) aboutFor(toks []token, start, uEnd int, unit string) string {
	b := -1
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].end > start {
			continue
		}
		if toks[k].kind == tPunct && strings.Contains(",;:()", toks[k].low) {
			break
		}
		b = k
	}
	before := ""
	if b >= 0 {
		before = strings.TrimSpace(a.d.text[toks[b].start:start])
		for _, q := range []string{"trên", "hơn", "gần", "khoảng", "xấp xỉ", "được", "với", "có", "là", "đạt", "cho"} {
			before = strings.TrimSpace(strings.TrimSuffix(before, " "+q))
			if before == q {
				before = ""
			}
		}
	}
	if len(strings.Fields(before)) >= 3 {
		return trimWords(before, 12, true)
	}
	e := -1
	for k := range toks {
		if toks[k].start < uEnd {
			continue
		}
		if toks[k].kind == tPunct && strings.Contains(",;:.()", toks[k].low) {
			break
		}
		e = k
	}
	after := ""
	if e >= 0 && toks[e].end > uEnd {
		after = strings.TrimSpace(a.d.text[uEnd:toks[e].end])
	}
	if after == "" {
		return before
	}
	if unit == "%" {
		unit = ""
	}
	return trimWords(strings.Join(strings.Fields(before+" "+unit+" "+after), " "), 12, false)
}

// trimWords keeps at most n words, the last ones when tail is set.
func trimWords(s string, n int, tail bool) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	if tail {
		return strings.Join(f[len(f)-n:], " ")
	}
	return strings.Join(f[:n], " ")
}

var targetWords = newPhraseSet("phấn đấu", "mục tiêu", "chỉ tiêu đề ra", "dự kiến", "kế hoạch đề ra", "mục đích")

var attendanceWords = newPhraseSet("tham dự", "dự", "có mặt", "tham gia lớp", "học viên")

// partsInBody reports a headline total ("25 tập thể, cá nhân") whose
// parts the body counts ("10 tập thể", "15 cá nhân"): a summary.
func (a *analyzer) partsInBody(unit string) bool {
	parts := strings.Split(lowerASCIIish(unit), ", ")
	if len(parts) < 2 {
		return false
	}
	for _, f := range a.figures {
		u := lowerASCIIish(f.unit)
		for _, p := range parts {
			if u == p {
				return true
			}
		}
	}
	return false
}

// trainingWords name a class whose trainees are counted after "cho".
var trainingWords = newPhraseSet("tập huấn", "bồi dưỡng", "đào tạo", "lớp học", "khóa học")

// originWords say where the meeting's participants come from or which
// places it is connected to: "đến từ 11 xã", "kết nối với 91 xã".
var originWords = newPhraseSet("đến từ", "kết nối", "trực tuyến với")

// describesNotResult reports a count at toks[ti] that describes a class,
// the meeting or what exists, not what the work achieved:
//   - trainees after a class the clause counts ("mở 2 lớp tập huấn ... cho
//     120 hội viên": the classes are the figure); without a count of
//     classes the people trained are the result ("bồi dưỡng kiến thức ...
//     cho 5.112 cán bộ");
//   - where the participants come from or the places connected ("... đến
//     từ 11 xã, thị trấn", "kết nối trực tuyến với ... 91 xã");
//   - the participants of the event ("Tham gia hội thi có trên 300 cán
//     bộ, hội viên");
//   - what stands now, in a sentence opening with "Hiện" ("Hiện toàn tỉnh
//     có 127 mô hình, 2.341 tổ chức ...").
func describesNotResult(toks []token, ti int, percent bool) bool {
	before := func(n int) []token { return toks[max(0, ti-n):ti] }
	p1 := tokAt(toks, ti-1).low
	if p1 == "trên" || p1 == "hơn" || p1 == "gần" || p1 == "khoảng" {
		p1 = tokAt(toks, ti-2).low
	}
	if p1 == "cho" && peopleNoun(toks, ti+1) {
		clause := before(25)
		for k := len(clause) - 1; k >= 0; k-- {
			if clause[k].low == ";" {
				clause = clause[k+1:]
				break
			}
		}
		if findAny(clause, trainingWords) >= 0 && countedClass(clause) {
			return true
		}
	}
	if findAny(before(10), originWords) >= 0 {
		return true
	}
	if p1 == "có" {
		if findAny(before(8), contestWords) >= 0 {
			return true
		}
	}
	if p1 == "có" && placeSubject(toks, ti) {
		// "Bản Sáng, xã Quài Cang có gần 100 hộ ...", "Bản có hơn 60% hộ
		// thuộc diện nghèo": what a place is made of, not a result.
		return true
	}
	if !percent && tokAt(toks, 0).low == "hiện" && p1 == "có" || !percent && tokAt(toks, 0).low == "hiện" && hasTok(before(12), "có") && !hasTok(before(12), "đã") {
		return true
	}
	return false
}

// countedClass reports a number of classes in toks: "2 lớp", "01 lớp".
func countedClass(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].kind == tNum && toks[k+1].low == "lớp" {
			return true
		}
	}
	return false
}

// classifiers are the measure words whose noun belongs to the unit.
var classifiers = map[string]bool{"suất": true, "lượt": true, "mét": true, "đám": true, "tấm": true, "chiếc": true, "đội": true}

// nounEnd are the words that end a counted noun phrase: function words,
// verbs and qualifiers that follow a count ("100 suất ăn cùng ...", "196
// suất quà trị giá ...", "16 vườn ươm thanh niên").
var nounEnd = wordSet(`cho với của và hoặc được đã đang sẽ tại trong ở là có không các những mỗi từ đến
	trên dưới hơn gần khoảng trị giá tham dự nhận đạt tăng giảm so thuộc theo về do nhằm để như gồm tổng
	số đoàn này đó vào ra lên bị mà thì nên vì khi tới cùng hỗ trợ tặng trao mới nghèo khó thực hiện tại
	người thanh niên hộ gia đình xã phường huyện tỉnh thôn bản ấp khu cấp toàn năm tháng ngày lần
	đồng triệu tỷ tỉ nghìn ngàn trăm chục`)

// classifierNoun extends a measure word ending before toks[j] by its noun:
// a listed unit ("lượt" + "cử tri") or one word.
func classifierNoun(toks []token, j int) int {
	w := tokAt(toks, j)
	if w.kind != tWord || w.cap || !w.space || j > 0 && toks[j-1].end+1 < w.start {
		return j // "ĐVTN" in capitals is a noun: "4.000 lượt ĐVTN, học sinh"
	}
	if w.caps {
		return j + 1
	}
	if e, _, ok := anyPhraseAt(toks, j, peopleUnits); ok {
		return e
	}
	if nounEnd[w.low] {
		return j
	}
	if _, _, ok := anyPhraseAt(toks, j, units); ok {
		return j // "lượt hộ" is listed whole; a second count noun is not this one's
	}
	return j + 1
}

// makeVerbs are the verbs of work whose object, a count, is a result:
// what was made, given, held off or brought in ("làm 7.860 kính chắn giọt
// bắn", "vận động hoãn 29 đám cưới"). A count after "thực hiện", "tập
// trung" or "với" describes the work instead ("4 chuyên đề", "6 bước").
var makeVerbs = newPhraseSet("làm", "hoãn", "tổ chức", "xây dựng", "trồng", "phát", "tặng", "trao", "trao tặng", "sửa chữa",
	"lắp đặt", "cấp", "xây", "dựng", "thu gom", "quyên góp", "ủng hộ", "tiếp nhận", "giải quyết", "hòa giải",
	"thành lập", "ra mắt", "phát hiện", "vận động", "hỗ trợ", "phát động", "mở", "in", "treo", "đào", "đắp", "nạo vét",
	"tu sửa", "nâng cấp", "bàn giao", "khánh thành", "cứu", "khám", "cấp phát", "chăm lo", "thăm")

// peopleUnits are nouns for people that follow a measure word.
var peopleUnits = newPhraseSet("cử tri", "viên", "học sinh", "thiếu nhi", "đoàn viên", "hội viên", "ăn", "vuông")

// openUnit reads a counted noun the list does not hold, starting at
// toks[k] after the number at toks[ti]: one or two words up to a word of
// nounEnd, when the number is the object of a verb (a lower-case word
// before it that is not "có", "gồm", "với", "là" or a qualifier).
func openUnit(toks []token, ti, k int) (int, bool) {
	w := toks[k]
	if w.cap || w.caps || nounEnd[w.low] || len([]rune(w.low)) < 2 {
		return 0, false
	}
	if e, ok := resultSubject(toks, k); ok {
		return e, true
	}
	b := ti - 1
	for b >= 0 && (toks[b].low == "hơn" || toks[b].low == "trên" || toks[b].low == "gần" || toks[b].low == "khoảng" || toks[b].low == "được") {
		b--
	}
	if b < 0 || toks[b].kind != tWord || toks[b].caps || toks[b].cap && b > 0 && toks[b-1].kind != tPunct {
		return 0, false // a capital only opening the sentence: "Làm 7.860 kính chắn giọt bắn"
	}
	if _, _, ok := anyPhraseAt(toks, b, makeVerbs); !ok {
		if b == 0 {
			return 0, false
		}
		if _, _, ok := anyPhraseAt(toks, b-1, makeVerbs); !ok {
			return 0, false
		}
	}
	// Up to two words, to a word that ends the noun phrase or starts a
	// listed unit: "phiên chợ" before "đưa hàng", "vườn ươm" before
	// "thanh niên". (A longer name, "kính chắn giọt bắn", is cut: a verb
	// after the noun cannot be told from a verb inside it.)
	e := k + 1
	for e < k+2 {
		n := tokAt(toks, e)
		if n.kind != tWord || !n.space || n.cap || n.caps || nounEnd[n.low] || n.start != toks[e-1].end+1 {
			break
		}
		if _, _, ok := anyPhraseAt(toks, e, units); ok {
			break
		}
		e++
	}
	return e, true
}

// resultSubject reads a count as the subject of an achievement: the noun
// (one or two lower-case words, and one more after a comma: "xứ họ,
// giáo") right before "đạt", "hoàn thành" or "vượt" ("45 chùa đạt chuẩn",
// "29 xứ họ, giáo đạt ..."). It returns the end of the noun.
func resultSubject(toks []token, k int) (int, bool) {
	plain := func(t token, prev token) bool {
		return t.kind == tWord && !t.cap && !t.caps && !nounEnd[t.low] && t.space && t.start == prev.end+1
	}
	e := k + 1
	if n := tokAt(toks, e); e < len(toks) && plain(n, toks[e-1]) && !reachedAt(toks, e) {
		e++
	}
	if reachedAt(toks, e) {
		return e, true
	}
	if tokAt(toks, e).low == "," && adjacent(toks[e-1], tokAt(toks, e)) && e+1 < len(toks) && plain(toks[e+1], toks[e]) && reachedAt(toks, e+2) {
		return e + 2, true
	}
	return 0, false
}

func reachedAt(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	_, _, ok := anyPhraseAt(toks, k, reachedWords)
	return ok
}

// pairNouns are the people a count names together with the first noun:
// "9.934 đội viên, thiếu nhi", "1.000 đoàn viên, học sinh".
var pairNouns = newPhraseSet("thiếu nhi", "học sinh", "nông dân", "hội viên", "đoàn viên", "chiến sĩ", "phần việc", "đảng viên", "thanh niên")

// pairedNoun extends a unit ending before toks[j] by ", NOUN" when NOUN
// is one of pairNouns and the phrase ends there.
func pairedNoun(toks []token, j int) int {
	if tokAt(toks, j).low != "," || j == 0 || !adjacent(toks[j-1], toks[j]) {
		return j
	}
	e, _, ok := anyPhraseAt(toks, j+1, pairNouns)
	if !ok {
		return j
	}
	if n := tokAt(toks, e); n.low == "," || n.low == "và" {
		return j // "hội viên, nông dân, thanh niên và ...": a list, not a pair
	}
	return e
}

// placeSubjects are the words of a place that a sentence may open with.
var placeSubjects = wordSet(`bản thôn ấp xóm làng khu tổ xã phường huyện tỉnh quận buôn plei`)

// placeSubject reports a sentence whose subject, before the "có" ahead
// of the number at toks[ti], is a place: it opens with a place word and
// no verb of work stands between ("Bản Sáng, xã Quài Cang, huyện Tuần
// Giáo có gần 100 hộ").
func placeSubject(toks []token, ti int) bool {
	if len(toks) == 0 || !placeSubjects[toks[0].low] || toks[0].low == "tổ" && tokAt(toks, 1).low == "chức" {
		return false
	}
	if toks[0].low == "khu" && tokAt(toks, 1).low == "vực" {
		return false
	}
	for k := 1; k < ti; k++ {
		if _, _, ok := anyPhraseAt(toks, k, makeVerbs); ok {
			return false
		}
		if _, _, ok := anyPhraseAt(toks, k, resultWords); ok && toks[k].low != "có" {
			return false
		}
	}
	return true
}
