package extract

import (
	"strconv"
	"strings"
)

// taskHeads announce a list of key tasks.
var taskHeads = newPhraseSet("nhiệm vụ trọng tâm", "trọng tâm nhiệm vụ", "phương hướng, nhiệm vụ", "phương hướng nhiệm vụ",
	"nhiệm vụ, giải pháp", "một số nhiệm vụ", "các nhiệm vụ sau", "những nhiệm vụ sau", "nhiệm vụ chủ yếu",
	"giải pháp trọng tâm", "nhiệm vụ trong thời gian tới", "nhiệm vụ thời gian tới", "nội dung trọng tâm",
	"công tác trọng tâm", "nhiệm vụ sau", "giải pháp sau", "các nhiệm vụ cần", "những nhiệm vụ cần", "nhiệm vụ được đề ra gồm", "nhiệm vụ đề ra gồm")

// directionVerbs open a leader's closing directions.
var directionVerbs = newPhraseSet("đề nghị", "yêu cầu", "nhấn mạnh", "lưu ý", "nêu rõ", "mong rằng", "mong muốn")

// bodyAddressees are the parts of the system a leader's "mong muốn"
// directs, as against the people it wishes well ("mong muốn bà con ...",
// "mong muốn các chức sắc ...").
var bodyAddressees = newPhraseSet("các địa phương", "địa phương", "các cấp", "các đơn vị", "các cơ quan", "các ngành", "ngành",
	"các cấp ủy", "cấp ủy", "các tổ chức", "mặt trận", "các cấp hội", "các cấp mặt trận", "các ban", "ban dân vận")

// aheadMarkers speak of the period to come.
var aheadMarkers = newPhraseSet("thời gian tới", "thời gian đến", "năm tới", "cần", "sắp tới", "trước mắt",
	"sau khi hội nghị kết thúc", "sau khi kết thúc hội nghị", "sau hội nghị")

// readTasks collects the key tasks for the next period.
func (a *analyzer) readTasks() {
	var body []sentence
	for _, s := range a.sents {
		if a.kind(s) == kindBody && len(s.toks) > 0 {
			body = append(body, s)
		}
	}
	take := map[int]int{} // sentence index -> token index the task starts at
	headed := false       // a heading announced a list of tasks
	for i, s := range body {
		toks := s.toks
		// A heading: "... một số nhiệm vụ trọng tâm." / "... năm 2021. Đó là:"
		leadIn := i+1 < len(body) && body[i+1].block == s.block && afterLeadIn(body[i+1].toks) > listStart(body[i+1].toks)
		lastInBlock := i+1 == len(body) || body[i+1].block != s.block
		if head := findAny(toks, taskHeads); head >= 0 && a.isTaskHeading(toks, head, leadIn || lastInBlock) {
			headed = true
			colon := -1
			for k := head; k < len(toks); k++ {
				if toks[k].low == ":" {
					colon = k
					break
				}
			}
			if colon < 0 {
				if he, _, _ := anyPhraseAt(toks, head, taskHeads); listAfterNhu(toks, he) > 0 {
					colon = listAfterNhu(toks, he) - 1
				}
			}
			if colon >= 0 && colon+1 < len(toks) {
				take[i] = colon + 1
			}
			// The rest of the paragraph, or the next paragraph when the
			// heading ends its own.
			j := i + 1
			for j < len(body) && body[j].block == s.block {
				take[j] = afterOrdinal(body[j].toks, afterLeadIn(body[j].toks))
				j++
			}
			if colon < 0 || colon == len(toks)-1 || colon+1 == len(toks) {
				if (j < len(body) && j == i+1 || j < len(body) && body[j-1].block == s.block) && !a.opensReviewed(body[j].toks) && !opinionsRaised(body[j].toks) {
					nb := body[j].block
					for j < len(body) && body[j].block == nb {
						take[j] = afterAlso(body[j].toks)
						j++
					}
					// list items as separate lines, or numbered in words
					for j < len(body) && (isListItem(a.d.text[body[j].toks[0].start:body[j].toks[len(body[j].toks)-1].end]) ||
						ordinalAt(body[j].toks, listStart(body[j].toks)) > 0) {
						take[j] = afterOrdinal(body[j].toks, listStart(body[j].toks))
						j++
					}
				}
			}
			continue
		}
		// A meeting or a body fixing what comes next: "Hội nghị xác định
		// phương hướng trọng tâm của năm 2021 là ...", "... xác định trong
		// quý 2 sẽ ...". The directions after it in the paragraph go on.
		if k, ok := a.announcedTasks(toks); ok {
			headed = true
			take[i] = k
			for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
				take[j] = afterOrdinal(body[j].toks, afterAlso(body[j].toks))
			}
			continue
		}
		// A run of numbered items in words: "Một là, ...", "Thứ hai, ...",
		// after a sentence that announces them.
		if k := ordinalAt(toks, listStart(toks)); k > 0 && !isTaken(take, i) && i > 0 && a.announcesItems(body[i-1].toks) {
			headed = true
			for j := i; j < len(body); j++ {
				k := ordinalAt(body[j].toks, listStart(body[j].toks))
				if k == 0 && body[j].block != body[j-1].block {
					break // a new paragraph without a number ends the run
				}
				if k == 0 && !directiveFollowOn(body[j].toks) {
					break
				}
				take[j] = afterOrdinal(body[j].toks, listStart(body[j].toks))
			}
			continue
		}
		// A paragraph that opens with the next period: "Năm 2016, ...",
		// "Thời gian tới, ...".
		if k, ok := a.nextPeriodOpening(toks); ok && firstInBlock(body, i) {
			take[i] = k
			for j := i + 1; j < len(body) && body[j].block == s.block; j++ {
				take[j] = 0
			}
			continue
		}
		// A paragraph of plans written as what a body does, with no time
		// phrase opening it but a later time inside: "Mặt trận các cấp
		// tập trung tuyên truyền, triển khai Chỉ thị ... ngày 23/1/2026
		// ...; chủ động ...; tham gia tổ chức thành công cuộc bầu cử ...
		// nhiệm kỳ 2026 - 2031" in a review of 2025.
		if firstInBlock(body, i) && a.plansAhead(toks) {
			take[i] = 0
			continue
		}
		// Inside a paragraph, a sentence that names the tasks as its
		// topic: "... . Về nhiệm vụ trọng tâm trong năm 2024, Mặt trận
		// phường cần tiếp tục ...".
		if _, _, topic := anyPhraseAt(toks, 0, taskTopics); topic {
			if k, ok := a.nextPeriodOpening(toks); ok {
				take[i] = k
				for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
					take[j] = afterAlso(body[j].toks)
				}
				continue
			}
		}
		// Inside a paragraph, a sentence that opens with the next period
		// and goes on with what to do: "... . Năm 2021, Hội Nông dân huyện
		// phấn đấu 95% hội viên ...; xây dựng ...".
		if k, ok := a.nextPeriodOpening(toks); ok && !firstInBlock(body, i) && workSoon(toks, k) {
			take[i] = k
			for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
				take[j] = afterAlso(body[j].toks)
			}
			continue
		}
		// A sentence inside a paragraph that opens with the time ahead:
		// "... . Thời gian tới, Ban Dân vận Huyện ủy tiếp tục ...".
		if k, ok := aheadOpening(toks); ok {
			take[i] = k
			for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
				take[j] = afterAlso(body[j].toks)
			}
			continue
		}
		// A body's plan for the time ahead, told as news: "Được biết, từ
		// nay đến cuối năm 2020, MTTQ huyện ... sẽ tiếp tục hỗ trợ ...",
		// "Trong năm 2011, MTTQ huyện dự kiến trích quỹ ...".
		if k, ok := a.planOpening(toks); ok {
			if _, has := take[i]; !has {
				take[i] = k
			}
			for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
				take[j] = afterAlso(body[j].toks)
			}
			continue
		}
		// What the meeting drew for the time ahead: "... những vấn đề cần
		// quan tâm hơn trong thời gian đến đó là đội ngũ cán bộ cần ...".
		if k := aheadIsList(toks); k > 0 {
			take[i] = k
			for j := i + 1; j < len(body) && body[j].block == s.block && directiveFollowOn(body[j].toks); j++ {
				take[j] = afterAlso(body[j].toks)
			}
			continue
		}
		// The list of the tasks a sentence before launched or named:
		// "... triển khai nhiệm vụ trọng tâm công tác Mặt trận năm 2020.
		// Trong đó, tập trung vào việc ...".
		if k := focusAfterLaunch(toks); k > 0 && i > 0 && a.launchesTasks(body[i-1].toks) {
			take[i] = k
			continue
		}
		// "... báo cáo phương hướng ... nhiệm kỳ 2018 - 2023, trong đó chủ
		// yếu tập trung mở rộng ...", "Các hoạt động trọng điểm sẽ tập
		// trung vào việc ...": what the work ahead centres on.
		if k := a.focusList(toks); k > 0 {
			headed = true
			take[i] = k
			continue
		}
		// Leader's directions: "đồng chí X đề nghị, thời gian tới, ...".
		// "... phát biểu ôn lại truyền thống .... Đồng thời, đề nghị ...":
		// the speaker of the sentence before goes on.
		spoken := findAny(toks, speakerWords) >= 0 || i > 0 && body[i-1].block == s.block &&
			(tokAt(toks, 0).low == "đồng" && tokAt(toks, 1).low == "thời" || opensRequest(toks)) &&
			findAny(body[i-1].toks, speakerWords) >= 0
		// "... gợi mở một số thông tin, nội dung để HND huyện tiếp tục
		// triển khai thực hiện: HND từ huyện đến cơ sở ...; ...": what a
		// speaker lays out for a body to go on with, after a colon.
		if k := toContinueColon(toks); k > 0 && spoken {
			if _, has := take[i]; !has {
				take[i] = k
			}
			continue
		}
		// "phát biểu chỉ đạo Hội Cựu chiến binh huyện tiếp tục phát huy
		// ...": "chỉ đạo" with its addressee directs like "đề nghị".
		if k := directsAddressee(toks); k > 0 && spoken {
			if _, has := take[i]; !has {
				take[i] = k
			}
			continue
		}
		if v := findAny(toks, directionVerbs); v >= 0 && (spoken || requestWithNeed(toks, v)) && a.looksAhead(toks, v) {
			if _, has := take[i]; !has {
				take[i] = a.directionStart(toks, v)
			}
			j := i + 1
			for ; j < len(body) && body[j].block == s.block; j++ {
				if !directiveFollowOn(body[j].toks) {
					break
				}
				if _, has := take[j]; !has {
					take[j] = a.directionStart(body[j].toks, -1)
				}
			}
			// The directions run on into the next paragraph when the
			// paragraph ended with them and the next opens with one ("...
			// thực hiện tốt các mục tiêu, nhiệm vụ năm 2022.\nBan Dân vận
			// cấp ủy cấp huyện rà soát ...").
			if j < len(body) && body[j].block != s.block && body[j].block == body[j-1].block+1 && directiveFollowOn(body[j].toks) {
				nb := body[j].block
				for ; j < len(body) && body[j].block == nb && directiveFollowOn(body[j].toks); j++ {
					if _, has := take[j]; !has {
						k := a.directionStart(body[j].toks, -1)
						if e, ok := phraseAt(body[j].toks, k, "theo đó"); ok && tokAt(body[j].toks, e).low == "," {
							k = e + 1 // "Theo đó, Đảng bộ Khối ... cần ...": the link to what came before
						}
						take[j] = k
					}
				}
			}
		}
	}
	for i, s := range body {
		k, ok := take[i]
		if !ok || k >= len(s.toks) {
			continue
		}
		k = afterSpeakerRequest(s.toks, k)
		// "Đồng thời, trao đổi ...", "Cùng với đó, ...": a sentence that
		// goes on with the plans opens with a connective, no part of its task.
		for _, c := range []string{"đồng thời", "cùng với đó"} {
			if e, ok := phraseAt(s.toks, k, c); ok && tokAt(s.toks, e).low == "," {
				k = e + 1
			}
		}
		a.addTasks(s.toks[k:])
	}
	if len(a.tasks) == 0 && (headed || a.announcesTasks(body)) {
		a.warn("Bài có đoạn nêu nhiệm vụ nhưng không tách được thành từng nhiệm vụ; cần xem lại.")
	}
}

// listAfterNhu returns where a list of tasks starts after ", như" a few
// words past the heading ("thông qua phương hướng, nhiệm vụ năm 2025 với
// các mục tiêu trọng tâm, như tăng cường ..."), or 0.
func listAfterNhu(toks []token, he int) int {
	for k := he; k < len(toks) && k <= he+12; k++ {
		if toks[k].low == "." || toks[k].low == ";" {
			return 0
		}
		if toks[k].low == "như" && tokAt(toks, k-1).low == "," && k+1 < len(toks) && tokAt(toks, k+1).kind == tWord {
			return k + 1
		}
	}
	return 0
}

// announcesTasks reports a sentence that announces key tasks ("nhiệm vụ
// trọng tâm năm 2027:", "phương hướng, nhiệm vụ ... như sau"), for a
// warning when none could be read.
func (a *analyzer) announcesTasks(body []sentence) bool {
	for _, s := range body {
		h := findAny(s.toks, taskHeads)
		if h < 0 {
			continue
		}
		for k := h; k < len(s.toks); k++ {
			if s.toks[k].low == ":" {
				return true
			}
		}
	}
	return false
}

// directiveSoon reports a direction or a target within the first words
// from toks[k]: "Hội Nông dân huyện phấn đấu ...", "các cấp hội tiếp tục
// ...", "... sẽ ...". A sentence that only reports the year does not.
func directiveSoon(toks []token, k int) bool {
	end := min(len(toks), k+10)
	if k >= end {
		return false
	}
	return findAny(toks[k:end], directiveWords) >= 0 || hasTok(toks[k:end], "sẽ")
}

// opensRequest reports a sentence that opens with a request ("Đề nghị
// Thường trực Hội tiếp tục ..."): its speaker is in the sentence before.
func opensRequest(toks []token) bool {
	_, p, ok := anyPhraseAt(toks, listStart(toks), directionVerbs)
	return ok && (p == "đề nghị" || p == "yêu cầu")
}

// nounRequest reports "yêu cầu" or "đề nghị" at toks[v:e] used as a
// noun: "bám sát yêu cầu nhiệm vụ chính trị", "đáp ứng yêu cầu", "các
// đề nghị của ...".
func nounRequest(toks []token, v, e int) bool {
	switch tokAt(toks, v-1).low {
	case "sát", "ứng", "theo", "đúng", "các", "những", "mọi":
		return true
	}
	switch tokAt(toks, e).low {
	case "nhiệm", "của", "đặt", "đề":
		return true
	}
	return false
}

// focusAfterLaunch returns where the tasks start in a sentence that
// opens "Trong đó, tập trung ..." or "Trong đó, cần tập trung ...", or 0.
func focusAfterLaunch(toks []token) int {
	k := listStart(toks)
	e, ok := phraseAt(toks, k, "trong đó")
	if !ok {
		return 0
	}
	if tokAt(toks, e).low == "," {
		e++
	}
	if tokAt(toks, e).low == "cần" {
		e++
	}
	if _, ok := phraseAt(toks, e, "tập trung"); !ok {
		return 0
	}
	return e
}

// launchesTasks reports a sentence that launches or names the tasks of
// a period: a task heading with the period ahead or a launch verb
// ("tổ chức hội nghị triển khai nhiệm vụ trọng tâm công tác Mặt trận năm
// 2020").
func (a *analyzer) launchesTasks(toks []token) bool {
	h := findAny(toks, taskHeads)
	return h >= 0 && (findAny(toks[:h], launchVerbs) >= 0 || a.aheadBetween(toks, h, len(toks)))
}

// focusNouns name the work ahead whose centre a sentence states.
var focusNouns = newPhraseSet("trọng điểm", "trọng tâm", "phương hướng")

// focusList returns where the tasks start in a sentence that says what
// the work ahead centres on, or 0: a direction report's ", trong đó chủ
// yếu tập trung ...", or "Các hoạt động trọng điểm sẽ tập trung vào
// việc ...". The direction named before ("phương hướng", "trọng điểm")
// and, for "sẽ", the future tense keep a report of past work out
// ("... đã thực hiện các nhiệm vụ, trong đó tập trung ...").
func (a *analyzer) focusList(toks []token) int {
	for i := range toks {
		var e int
		if j, ok := phraseAt(toks, i, "trong đó"); ok && tokAt(toks, i-1).low == "," {
			e = j
			if tokAt(toks, e).low == "chủ" && tokAt(toks, e+1).low == "yếu" {
				e += 2
			}
			if findAny(toks[:i], focusNouns) < 0 && !a.aheadBetween(toks, 0, i) {
				continue
			}
		} else if tokAt(toks, i).low == "sẽ" && i > 0 {
			if _, p, ok := anyPhraseAt(toks, max(0, i-2), focusNouns); !ok || p == "phương hướng" {
				continue
			}
			e = i + 1
		} else {
			continue
		}
		j, ok := phraseAt(toks, e, "tập trung")
		if !ok {
			continue
		}
		if tokAt(toks, j).low == "vào" {
			j++
			if tokAt(toks, j).low == "việc" {
				j++
			}
		}
		if tokAt(toks, j).kind != tWord {
			continue
		}
		return j
	}
	return 0
}

// directiveFollowOn reports whether a sentence after a leader's direction
// continues it: no figures, no new person or award.
func directiveFollowOn(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].low {
	case "ông", "bà", "tại", "dịp", "nhân", "trước", "sau":
		return false
	case "hội":
		// "Hội nghị ...", "Hội thi ...": the meeting, not a direction; "Hội
		// sẽ tiếp tục ..." goes on with the union's plan.
		if w := tokAt(toks, 1).low; w == "nghị" || w == "thi" || w == "thảo" || w == "diễn" || !toks[0].cap {
			return false
		}
	case "cùng":
		if _, ok := phraseAt(toks, 0, "cùng với đó"); !ok {
			return false // "Cùng dự ...", "Cùng tham gia ..."
		}
	}
	_, target := phraseAt(toks, listStart(toks), "phấn đấu")
	for i, t := range toks {
		if t.kind == tNum && yearOf(t) == 0 && !target && !anniversaryAt(toks, i) && tokAt(toks, i+1).low != "năm" {
			// A figure reports; a year ("nhiệm kỳ 2024 - 2029"), a span of
			// years ("biên niên sự kiện 35 năm Hội CCB") or a target
			// ("Phấn đấu có 100% ...") does not.
			return false
		}
	}
	if findAny(toks, notDirective) >= 0 {
		return false
	}
	// It goes on with a direction: an imperative verb first ("Đẩy mạnh
	// ...", "Đồng thời, ..."), or a subject that "cần" or "phải" do
	// something. "Các đơn vị cũng suy tôn danh hiệu ..." reports.
	k := afterAlso(toks)
	if j, _, ok := anyPhraseAt(toks, k, consequenceWords); ok {
		k = j // "Do đó, xác định nhiệm vụ ...", "Vì vậy Mặt trận ... cần ..."
		if tokAt(toks, k).low == "," {
			k++
		}
	}
	if _, _, ok := anyPhraseAt(toks, k, directiveStarts); ok {
		return true
	}
	for i := k; i < len(toks) && i < k+16; i++ {
		if toks[i].low == "cần" || toks[i].low == "phải" {
			return true
		}
		if toks[i].kind == tPunct && toks[i].low != "," {
			break
		}
	}
	// A body named first, then what it is to do: "Ban Dân vận các Huyện
	// ủy, Thị ủy, Thành ủy đôn đốc ...". Not a report of what it did
	// ("... đã tổ chức").
	if k >= len(toks) || !toks[k].cap { // "... Do đó," ending the sentence
		return false
	}
	for i := k + 1; i < len(toks) && i < k+14; i++ {
		switch t := toks[i]; {
		case t.low == "đã" || t.low == "vừa" || t.low == "được" || t.low == "đang" || t.low == "có" || t.low == "là":
			return false
		case t.kind == tPunct && t.low != ",":
			return false
		}
		if _, p, ok := anyPhraseAt(toks, i, directiveStarts); ok && p != "tổ chức" && p != "cần" && p != "phải" {
			return true
		}
	}
	return false
}

// directiveStarts open a sentence that sets a task.
var directiveStarts = newPhraseSet("tiếp tục", "đẩy mạnh", "tăng cường", "nâng cao", "làm tốt", "thực hiện", "tập trung",
	"chú trọng", "quan tâm", "phát huy", "đổi mới", "chủ động", "kịp thời", "triển khai", "tổ chức", "xây dựng",
	"củng cố", "phối hợp", "tham mưu", "duy trì", "nắm chắc", "nắm bắt", "giải quyết", "tuyên truyền", "vận động",
	"bám sát", "đảm bảo", "bảo đảm", "phát hiện", "nhân rộng", "thường xuyên", "chỉ đạo", "rà soát", "kiện toàn",
	"hướng dẫn", "đồng thời", "mặt khác", "bên cạnh đó", "phấn đấu", "quán triệt", "đôn đốc", "theo dõi", "lãnh đạo",
	"cần", "phải", "đặc biệt", "chấn chỉnh", "khắc phục", "coi trọng", "gắn", "tích cực", "sâu sát", "huy động",
	"xác định")

var notDirective = newPhraseSet("được tặng", "được trao", "trao tặng", "khen thưởng", "bế mạc", "kết thúc")

func firstInBlock(body []sentence, i int) bool { return i == 0 || body[i-1].block != body[i].block }

func findAny(toks []token, phrases *phraseSet) int {
	for i := range toks {
		if _, _, ok := anyPhraseAt(toks, i, phrases); ok {
			return i
		}
	}
	return -1
}

// hearWords say that delegates or trainees are told something: what
// follows are the topics of a class or a conference, not tasks.
var hearWords = newPhraseSet("được nghe", "được truyền đạt", "được giới thiệu", "được học tập", "được quán triệt", "được bồi dưỡng", "được tập huấn")

// isTaskHeading reports a sentence that announces the list of tasks (the
// heading phrase near its end), not one that names a task in passing
// ("bám sát các nhiệm vụ trọng tâm") or the event ("triển khai nhiệm vụ
// trọng tâm 6 tháng cuối năm").
func (a *analyzer) isTaskHeading(toks []token, head int, listFollows bool) bool {
	he, hp, _ := anyPhraseAt(toks, head, taskHeads)
	if weakHeads[hp] && !a.aheadBetween(toks, head, len(toks)) && findAny(toks[:head], launchVerbs) < 0 {
		return false // "trao đổi những nội dung trọng tâm như: ...": topics, not tasks
	}
	if findAny(toks[:head], hearWords) >= 0 {
		// "các đại biểu sẽ được nghe ... các nhiệm vụ trọng tâm của Hội
		// gồm: Tổng quan ...; ...": what a class will hear, its topics.
		return false
	}
	for k := he; k < len(toks) && k <= he+3; k++ {
		if toks[k].low == ":" {
			return true // "... một số nhiệm vụ sau:", "... cụ thể như:"
		}
	}
	if listAfterNhu(toks, he) > 0 {
		return true // "... phương hướng, nhiệm vụ năm 2025 với các mục tiêu trọng tâm, như ..."
	}
	if colonList(toks, he) {
		return true // "... triển khai nhiệm vụ trọng tâm quý IV, trong đó lưu ý ... như: A; B; C"
	}
	if findAny(toks[:he], notHeadingWords) >= 0 {
		return false
	}
	end := len(toks)
	for k := head; k < len(toks); k++ {
		if toks[k].low == ":" {
			return true
		}
	}
	if end-he > 12 {
		return false
	}
	return listFollows && findAny(toks, headingWords) >= 0
}

// headingClause reports a clause that names the tasks to come without
// being one: "nhiệm vụ" and, ending the clause, the period ahead.
func (a *analyzer) headingClause(toks []token) bool {
	v := -1
	for i := range toks {
		if toks[i].low == "nhiệm" && tokAt(toks, i+1).low == "vụ" {
			v = i
		}
	}
	if v < 0 {
		return false
	}
	// The period ends the clause close after "nhiệm vụ": "tập trung các
	// nhiệm vụ trong 6 tháng cuối năm 2023". A clause that only ends with
	// the year ("tiếp tục bám sát nhiệm vụ chính trị, tình hình thực tế để
	// tiếp tục thực hiện ... trong năm 2022") is a task.
	if k := findAny(toks[v:], aheadPhrases); k >= 0 {
		e, _, _ := anyPhraseAt(toks, v+k, aheadPhrases)
		return e >= len(toks)-1 && k <= 6
	}
	for _, p := range a.findPeriods(toks) {
		if p.tokStart > v && p.tokStart-v <= 6 && p.tokEnd >= len(toks)-1 && (a.isNext(p) || a.period == nil) {
			return true
		}
	}
	return false
}

// weakHeads announce a list that may be of tasks or of topics: they head
// tasks only when a time ahead or a launch verb goes with them.
var weakHeads = map[string]bool{"nội dung trọng tâm": true, "công tác trọng tâm": true}

var launchVerbs = newPhraseSet("triển khai", "đề ra", "xác định", "thống nhất")

// aheadBetween reports a time ahead named in toks[i:j] before a colon: a
// period after the one reviewed or launched, or "thời gian tới".
func (a *analyzer) aheadBetween(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].low == ":" {
			j = k
			break
		}
	}
	if findAny(toks[i:j], aheadPhrases) >= 0 {
		return true
	}
	for _, p := range a.findPeriods(toks[i:j]) {
		if p.part != "" && (a.period == nil || a.isNext(p)) {
			return true
		}
	}
	return false
}

// afterLeadIn skips "Đó là:", "Cụ thể:", "Trong đó," and list markers.
func afterLeadIn(toks []token) int {
	for k := 0; k < len(toks) && k < 5; k++ {
		if toks[k].low == ":" {
			return k + 1
		}
	}
	if k, _, ok := anyPhraseAt(toks, 0, leadIns); ok && tokAt(toks, k).low == "," {
		return k + 1
	}
	return listStart(toks)
}

var leadIns = newPhraseSet("trong đó", "cụ thể", "đó là", "theo đó")

// looksAhead reports whether a direction speaks of the time to come (the
// caller has checked that it comes from a speaker).
func (a *analyzer) looksAhead(toks []token, v int) bool {
	if awardRequest(toks, v) {
		return false
	}
	// "mong muốn các địa phương chủ động tham mưu ...", "mong muốn ngành
	// tuyên giáo ... tiếp tục phát huy ...": a wish directs only when it
	// is addressed to a body of the system and asks for work, at a review
	// or a launch.
	if e, p, _ := anyPhraseAt(toks, v, directionVerbs); p == "mong muốn" {
		switch a.eventType {
		case TypeTongKet, TypeSoKet, TypeTrienKhai:
		default:
			return false
		}
		if _, _, ok := anyPhraseAt(toks, e, bodyAddressees); !ok {
			return false
		}
		for k := e + 1; k < len(toks) && k <= e+15; k++ {
			if toks[k].kind == tPunct && toks[k].low != "," {
				break
			}
			if toks[k].low == "tiếp" && tokAt(toks, k+1).low == "tục" {
				return true
			}
			if _, _, ok := anyPhraseAt(toks, k, requestVerbs); ok {
				return true
			}
		}
		return false
	}
	// "nêu rõ năm 2017, công tác dân vận ... sẽ ...": "nêu rõ" directs
	// only when the time ahead opens what it says ("Báo cáo nêu rõ ...
	// cần khắc phục" reports).
	if e, p, _ := anyPhraseAt(toks, v, directionVerbs); p == "nêu rõ" {
		for e < len(toks) && toks[e].low == "," {
			e++
		}
		if _, _, ok := anyPhraseAt(toks, e, aheadPhrases); ok {
			return true
		}
		ps := a.findPeriods(toks[e:])
		return len(ps) > 0 && ps[0].tokStart <= 1 && a.isNext(ps[0])
	}
	if findAny(toks[v:], aheadMarkers) >= 0 || findAny(toks[:v], aheadPhrases) >= 0 {
		return true
	}
	// "Đồng chí đề nghị Hội LHPN xã tiếp tục phát động thi đua ...": a
	// request to go on with the work looks ahead without naming a time.
	if e, p, _ := anyPhraseAt(toks, v, directionVerbs); (p == "đề nghị" || p == "yêu cầu" || p == "mong rằng") && !nounRequest(toks, v, e) {
		// Through the list of whom it asks: "đề nghị mỗi cán bộ, đảng
		// viên, công chức ... tiếp tục ...".
		for k := e; k < len(toks) && k <= e+40; k++ {
			if toks[k].kind == tPunct && toks[k].low != "," {
				break
			}
			if toks[k].low == "tiếp" && tokAt(toks, k+1).low == "tục" {
				return true
			}
			if _, _, ok := anyPhraseAt(toks, k, requestVerbs); ok && k > e {
				return true // "đề nghị các cơ quan, đơn vị ... tập trung thực hiện ..."
			}
		}
	}
	// "nhấn mạnh “Tiếp tục thực hiện tốt ...”": a quoted direction.
	if e, _, _ := anyPhraseAt(toks, v, directionVerbs); quoteAt(toks, e) {
		if _, _, d := anyPhraseAt(toks, e+1, directiveStarts); d {
			return true
		}
	}
	// "Về triển khai nhiệm vụ năm 2022, đồng chí ... đề nghị, ...", "...
	// tập trung các nhiệm vụ trong 6 tháng cuối năm 2023; ...": the
	// period after the one reviewed.
	for _, p := range a.findPeriods(toks) {
		if a.isNext(p) || launchedMention(toks, p) {
			return true
		}
	}
	return false
}

// isNext reports whether p is the period after the one reviewed: the
// next year, the second half after the first, a later stage.
func (a *analyzer) isNext(p periodMention) bool {
	r := a.period
	if r == nil {
		r = a.launched
		if r != nil && (p.part == r.part && p.year == r.year) {
			return true
		}
		return false
	}
	switch {
	case r.part == "year" && p.part == "year":
		return p.year == r.year+1
	case r.part == "H1" && p.part == "H2":
		return p.year == 0 || p.year == r.year
	case r.part == "multi" && p.part == "multi":
		return p.from >= r.to
	case r.part == "multi" && p.part == "year":
		return p.year > r.to
	case strings.HasPrefix(r.part, "Q") && strings.HasPrefix(p.part, "Q"):
		return p.year == r.year && p.part > r.part || p.year == r.year+1 && r.part == "Q4" && p.part == "Q1"
	}
	return false
}

// nextPeriodOpening reads "Năm 2016, ", "Thời gian tới, ", "6 tháng cuối
// năm, " at the start of a sentence and returns where the task starts.
func (a *analyzer) nextPeriodOpening(toks []token) (int, bool) {
	i := 0
	if w := tokAt(toks, 0).low; w == "trong" || w == "sang" {
		i = 1
	}
	if j, _, ok := anyPhraseAt(toks, i, taskTopics); ok {
		i = j // "Về nhiệm vụ 6 tháng cuối năm 2021, ..."
		// "Về nhiệm vụ trọng tâm trong năm 2024, ..."
		if k, ok := phraseAt(toks, i, "trọng tâm"); ok {
			i = k
		}
		if tokAt(toks, i).low == "trong" {
			i++
		}
	}
	if j, _, ok := anyPhraseAt(toks, i, aheadOpenings); ok && tokAt(toks, j).low == "," {
		return j + 1, true
	}
	if j, _, ok := anyPhraseAt(toks, i, restOfYear); ok && i > 0 {
		// "Về nhiệm vụ những tháng cuối năm 2020, Ban Dân vận ... tiếp tục
		// ...": the rest of the year, named as the tasks' topic.
		if yearOf(tokAt(toks, j)) > 0 {
			j++
		}
		if tokAt(toks, j).low == "," && workSoon(toks, j+1) {
			return j + 1, true
		}
	}
	if j, ok := a.nextMonthOpening(toks, i); ok {
		return j, true
	}
	if j, ok := a.nextTermOpening(toks, i); ok {
		return j, true
	}
	if a.period == nil && a.launched != nil && a.eventType == TypeTrienKhai {
		// A launch of a year's work: "Năm 2019, Ủy ban Trung ương ... tập
		// trung ...; ..." names the year launched, then what is to be done.
		ps := a.findPeriods(toks)
		if len(ps) > 0 && ps[0].tokStart == i && tokAt(toks, ps[0].tokEnd).low == "," && ps[0].part == a.launched.part &&
			ps[0].year == a.launched.year && workSoon(toks, ps[0].tokEnd+1) {
			return ps[0].tokEnd + 1, true
		}
		return 0, false
	}
	if a.period == nil {
		// "6 tháng cuối năm, các cấp hội ... tiếp tục ..." after a review
		// of the first half whose year the text does not give.
		if a.eventType != TypeSoKet {
			return 0, false
		}
		ps := a.findPeriods(toks)
		if len(ps) == 0 || ps[0].tokStart != i || ps[0].part != "H2" || tokAt(toks, ps[0].tokEnd).low != "," || findAny(toks, directiveWords) < 0 {
			return 0, false
		}
		return ps[0].tokEnd + 1, true
	}
	switch t := tokAt(toks, i); t.low {
	case "năm", "sáu", "quý", "giai", "nhiệm", "từ":
	default:
		if t.kind != tNum {
			return 0, false // no period opens the sentence
		}
	}
	ps := a.findPeriods(toks)
	if len(ps) == 0 || ps[0].tokStart != i || tokAt(toks, ps[0].tokEnd).low != "," {
		return 0, false
	}
	p := ps[0]
	next := false
	switch {
	case a.period.part == "year" && p.part == "year" && p.year == a.period.year+1:
		next = true
	case a.period.part == "H1" && p.part == "H2":
		next = true
	case a.period.part == "multi" && p.part == "multi" && p.from >= a.period.to:
		next = true
	case strings.HasPrefix(a.period.part, "Q") && strings.HasPrefix(p.part, "Q") && p.part > a.period.part &&
		(p.year == 0 || p.year == a.period.year):
		next = true // "Triển khai phương hướng nhiệm vụ quý IV, ..."
	}
	if !next {
		return 0, false
	}
	if findAny(toks, directiveWords) < 0 {
		return 0, false
	}
	return p.tokEnd + 1, true
}

// nextTermOpening reads "Nhiệm kỳ 2019 - 2024, ..." opening a sentence
// with a direction, in a congress's report that reviewed an earlier term
// ("Nhiệm kỳ 2013-2018, ..."): the new term's tasks start after it.
func (a *analyzer) nextTermOpening(toks []token, i int) (int, bool) {
	k, ok := phraseAt(toks, i, "nhiệm kỳ")
	if !ok || !strings.Contains(a.low, "đại hội") {
		return 0, false
	}
	from, to, end := termYears(toks, k)
	if from == 0 || tokAt(toks, end).low != "," || findAny(toks, directiveWords) < 0 {
		return 0, false
	}
	for _, s := range a.sents {
		for p := range s.toks {
			if q, ok := phraseAt(s.toks, p, "nhiệm kỳ"); ok {
				if f, t, _ := termYears(s.toks, q); f > 0 && f < from && t <= from && to > t {
					return end + 1, true
				}
				// "Nhiệm kỳ vừa qua, công tác đoàn ... có nhiều đổi mới.":
				// the term reviewed, named without its years.
				if _, _, past := anyPhraseAt(s.toks, q, pastTerm); past && s.toks[0].start < toks[0].start {
					return end + 1, true
				}
			}
		}
	}
	return 0, false
}

// pastTerm names the term just ended after "nhiệm kỳ".
var pastTerm = newPhraseSet("vừa qua", "qua", "trước")

// termYears reads "2019 - 2024" or "2013-2018" at toks[k]: the two years
// and the index after them.
func termYears(toks []token, k int) (from, to, end int) {
	from = yearOf(tokAt(toks, k))
	j := k + 1
	if l := tokAt(toks, j).low; l == "-" || l == "–" {
		j++
	}
	to = yearOf(tokAt(toks, j))
	if from == 0 || to <= from {
		return 0, 0, k
	}
	return from, to, j + 1
}

// requestVerbs, after the addressee of "đề nghị" or "yêu cầu", ask for
// work to be done.
var requestVerbs = newPhraseSet("tập trung", "đẩy mạnh", "tăng cường", "nâng cao", "chú trọng", "quan tâm",
	"phát huy", "triển khai", "làm tốt", "thực hiện tốt", "tham mưu", "chủ động", "đổi mới", "bám sát",
	"nắm chắc", "nắm bắt", "củng cố", "kiện toàn", "phối hợp", "tuyên truyền", "rà soát")

// aheadIsList returns where the matters for the time ahead start after
// "thời gian tới (đó) là" in a sentence, or 0.
func aheadIsList(toks []token) int {
	for i := range toks {
		e, _, ok := anyPhraseAt(toks, i, aheadPhrases)
		if !ok {
			continue
		}
		k := e
		if tokAt(toks, k).low == "đó" {
			k++
		}
		if tokAt(toks, k).low == "là" && tokAt(toks, k+1).kind == tWord && (findAny(toks[k:], directiveWords) >= 0 || startsDirective(toks, k+1)) {
			return k + 1
		}
	}
	return 0
}

// aheadOpening reads "Thời gian tới, ", "Trong thời gian tới, ", "Thời
// gian tới tăng cường ..." at the start of a sentence and returns where
// the task starts.
func aheadOpening(toks []token) (int, bool) {
	i := 0
	if tokAt(toks, 0).low == "trong" {
		i = 1
	}
	if j, ok := phraseAt(toks, i, "trước mắt"); ok && tokAt(toks, j).low == "," && directiveSoon(toks, j+1) {
		return j + 1, true // "Trước mắt, các cơ quan, đơn vị cần tập trung ..."
	}
	j, _, ok := anyPhraseAt(toks, i, aheadOpenings)
	if !ok {
		// "Những tháng cuối năm, Ban Dân vận các cấp tích cực, chủ động
		// triển khai ...": the rest of the year, with a direction in it.
		if j, _, ok = anyPhraseAt(toks, i, restOfYear); !ok || tokAt(toks, j).low != "," || findAny(toks[j:], directiveStarts) < 0 {
			return 0, false
		}
		return j + 1, true
	}
	if tokAt(toks, j).low == "," {
		return j + 1, true
	}
	if _, _, d := anyPhraseAt(toks, j, directiveStarts); d {
		return j, true
	}
	return 0, false
}

// reportLeadIns open a sentence that passes on what is known: "Được
// biết, ...", "Cũng theo Ủy ban MTTQ tỉnh, ...".
var reportLeadIns = newPhraseSet("được biết", "cũng theo", "theo")

// planWords say that what follows is planned, not done.
var planWords = newPhraseSet("sẽ", "dự kiến")

// planOpening reads a sentence that opens, after a lead-in that passes on
// news, with a time to come ("từ nay đến cuối năm 2020", "trong năm
// 2011", a year after the one reviewed) and goes on with a body and "sẽ"
// or "dự kiến": the body's plan, a task. It returns where the task starts
// (after the time phrase).
func (a *analyzer) planOpening(toks []token) (int, bool) {
	i := 0
	if j, p, ok := anyPhraseAt(toks, 0, reportLeadIns); ok {
		if p == "được biết" {
			i = j
		} else {
			for k := j; k < len(toks) && k < j+12; k++ {
				if toks[k].low == "," {
					i = k
					break
				}
			}
			if i == 0 {
				return 0, false
			}
		}
		if tokAt(toks, i).low == "," {
			i++
		}
	}
	year := 0
	j := i
	if k, ok := phraseAt(toks, j, "từ nay đến"); ok {
		j = k
		if k, ok := phraseAt(toks, j, "cuối"); ok {
			j = k
		}
	} else if tokAt(toks, j).low == "trong" {
		j++
	}
	if k, ok := phraseAt(toks, j, "năm"); ok && yearOf(tokAt(toks, k)) > 0 {
		year = yearOf(tokAt(toks, k))
		j = k + 1
	} else {
		return 0, false
	}
	if a.period != nil && a.period.year > 0 && year <= a.period.year {
		return 0, false // the year reviewed: results
	}
	if tokAt(toks, j).low == "," {
		j++
	}
	for k := j; k < len(toks) && k < j+10; k++ {
		if toks[k].kind == tPunct || toks[k].low == "đã" || toks[k].low == "được" {
			return 0, false
		}
		if _, _, ok := anyPhraseAt(toks, k, planWords); ok {
			return j, k > j
		}
	}
	return 0, false
}

// directionStart skips the speaker and the time phrase of a direction:
// "đồng chí X đề nghị, trong năm 2021 cần thực hiện ..." starts at
// "thực hiện".
func (a *analyzer) directionStart(toks []token, v int) int {
	k := 0
	if v >= 0 {
		// The last direction verb before the time to come.
		marker := findAny(toks, aheadMarkers)
		for i := v; i < len(toks) && (marker < 0 || i < marker); i++ {
			if j, _, ok := anyPhraseAt(toks, i, directionVerbs); ok {
				k = j
			}
		}
		if k == 0 {
			k, _, _ = anyPhraseAt(toks, v, directionVerbs)
		}
	} else if j := findAny(toks[:min(len(toks), 8)], directionVerbs); j >= 0 {
		// "Đồng chí cũng lưu ý, ..."
		k, _, _ = anyPhraseAt(toks, j, directionVerbs)
	}
	for {
		start := k
		for k < len(toks) && (toks[k].low == "," || toks[k].low == ":") {
			k++
		}
		if j, _, ok := anyPhraseAt(toks, k, aheadPhrases); ok {
			k = j
		} else if j, ok := phraseAt(toks, k, "trong thời gian"); ok && tokAt(toks, j).kind == tWord && !tokAt(toks, j).cap &&
			tokAt(toks, j+1).kind == tWord && v >= 0 {
			k = j + 1 // "trong thời gian trới": the time ahead misspelt
		} else if tokAt(toks, k).low == "trong" || tokAt(toks, k).low == "năm" {
			ps := a.findPeriods(toks[k:])
			if len(ps) > 0 && (ps[0].tokStart == 0 || ps[0].tokStart == 1) {
				k += ps[0].tokEnd
			}
		}
		if tokAt(toks, k).low == "để" {
			// "để hoàn thành tốt các nhiệm vụ, ..."
			j := k
			for j < len(toks) && toks[j].low != "," {
				j++
			}
			if j < len(toks) && j-k < 12 {
				k = j + 1
			}
		}
		if tokAt(toks, k).low == "cần" {
			k++
		}
		if quoteAt(toks, k) {
			if _, _, d := anyPhraseAt(toks, k+1, directiveStarts); d {
				k++ // the quoted direction's own words
			} else if _, _, t := anyPhraseAt(toks, k+1, aheadPhrases); t {
				k++ // the quoted plan opens with its time: "“Thời gian tới, ..."
			} else if w := tokAt(toks, k+1).low; w == "năm" || w == "trong" {
				if ps := a.findPeriods(toks[k+1:]); len(ps) > 0 && ps[0].tokStart <= 1 {
					k++ // "“Năm 2024, Hội CCB TP.HCM tiếp tục ...": the time phrase goes next
				}
			}
		}
		// "... năm 2020 là năm ..., vì vậy hệ thống dân vận cần ..."
		if j := findAny(toks[k:], consequenceWords); j > 0 && j < 40 && toks[k+j-1].low == "," {
			k += j + 2
		}
		if k == start {
			break
		}
	}
	// "lưu ý một số nội dung như: A; B", "đề nghị thực hiện tốt các nội
	// dung sau: ...": the list after the colon.
	if v >= 0 {
		for j := k; j < len(toks) && j < k+8; j++ {
			if toks[j].kind == tPunct && toks[j].low != ":" {
				break
			}
			if toks[j].low == ":" && j > k && (toks[j-1].low == "như" || toks[j-1].low == "sau") {
				k = j + 1
				break
			}
		}
	}
	// "nhấn mạnh năm 2020 là năm tổ chức Đại hội ...": what the year is,
	// not what to do (the directions follow: "Vì vậy ... cần ...").
	if v >= 0 && tokAt(toks, k).low == "là" && k > 0 && toks[k-1].kind == tNum {
		return len(toks)
	}
	// "Vì vậy Mặt trận ... cần ...": a direction that follows from the
	// sentence before starts after the linking words.
	if v < 0 {
		if k == 0 {
			k = afterAlso(toks) // "Đồng thời, tăng cường ..."
		}
		if j, _, ok := anyPhraseAt(toks, k, consequenceWords); ok {
			k = j
			if tokAt(toks, k).low == "," {
				k++
			}
		}
	}
	return k
}

// quoteAt reports an opening quotation mark at toks[k].
func quoteAt(toks []token, k int) bool {
	switch tokAt(toks, k).low {
	case "“", "\"", "«":
		return true
	}
	return false
}

// listStart skips a list marker: "- ", "1. ", "a) ".
func listStart(toks []token) int {
	if len(toks) == 0 {
		return 0
	}
	switch toks[0].low {
	case "-", "+", "*", "•", "–":
		return 1
	}
	if len(toks) > 2 && (toks[0].kind == tNum || len(toks[0].low) == 1) && (toks[1].low == "." || toks[1].low == ")") {
		return 2
	}
	return 0
}

// addTasks splits a sentence on ';' into tasks, wording as written. A
// clause that only announces the tasks ("... tập trung các nhiệm vụ trong
// 6 tháng cuối năm 2023; A; B") is left out with what comes before it.
func (a *analyzer) addTasks(toks []token) {
	from := 0
	var cuts []int
	quoted := inQuotes(toks)
	for i, t := range toks {
		if t.low == ";" && !quoted[i] {
			cuts = append(cuts, i)
		}
	}
	for k := len(cuts) - 1; k >= 0; k-- {
		start := 0
		if k > 0 {
			start = cuts[k-1] + 1
		}
		if a.headingClause(toks[start:cuts[k]]) {
			from = cuts[k] + 1
			break
		}
	}
	toks, quoted = toks[from:], quoted[from:]
	from = 0
	emit := func(i, j int) {
		for i < j && toks[i].kind == tPunct && strings.Contains(",;:", toks[i].low) {
			i++
		}
		// "...; trong đó, tiếp tục thực hiện ...": after a semicolon the
		// lead-in is no part of the task (a sentence keeps its own).
		if k, _, ok := anyPhraseAt(toks, i, leadIns); ok && i > 0 && k < j && tokAt(toks, k).low == "," {
			i = k + 1
		}
		// "...; đồng thời tiếp tục nắm bắt ...": the joining word neither.
		if k, ok := phraseAt(toks, i, "đồng thời"); ok && i > 0 && toks[i-1].low == ";" && k < j {
			i = k
			if tokAt(toks, i).low == "," {
				i++
			}
		}
		i = afterOrdinal(toks, i)
		end := j
		for end > i && toks[end-1].low == ";" {
			end--
		}
		// A quoted direction's closing mark (and the full stop inside it)
		// ends the quotation, not the task: '... 35 năm Hội CCB TP.HCM."'.
		if end-i >= 3 && closingQuote(toks[end-1].low) && !opensQuoteIn(toks[i:end-1]) {
			end--
			for end > i && (toks[end-1].low == "." || toks[end-1].low == ",") {
				end--
			}
		}
		// "... tại địa phương./": the text's closing mark after the full
		// stop is no part of its last task.
		if end-i >= 3 && toks[end-1].low == "/" && toks[end-2].low == "." {
			end--
		}
		if end-i < 3 {
			return
		}
		sp := Span{toks[i].start, toks[end-1].end}
		t := a.d.text[sp.Start:sp.End]
		if a.taskSeen == nil {
			a.taskSeen = map[string]bool{}
		}
		if a.taskSeen[t] {
			return
		}
		a.taskSeen[t] = true
		a.tasks = append(a.tasks, sp)
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.low == ";" && !quoted[i] && !docRefAt(toks, i+1) {
			emit(from, i)
			from = i + 1
			continue
		}
		// "X cần ..., đồng thời đề nghị Y ...": a second direction.
		if t.low == "," && !quoted[i] {
			if j, ok := phraseAt(toks, i+1, "đồng thời"); ok {
				if k, _, v := anyPhraseAt(toks, j, directionVerbs); v {
					emit(from, i)
					from, i = k, k-1
				}
			}
		}
	}
	emit(from, len(toks))
}

// docKinds name the documents a task may list: "... tổ chức thực hiện
// Luật thực hiện dân chủ ở cơ sở; Nghị định số 59/2023/NĐ-CP ...; Nghị
// định 61/2023/NĐ-CP ..." is one task, not three.
var docKinds = newPhraseSet("nghị định", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "thông tư",
	"kế hoạch", "hướng dẫn", "đề án", "luật", "quy định", "công văn")

// docRefAt reports a document cited by kind and number at toks[k]
// ("Nghị định số 59/2023/NĐ-CP", "Kết luận số 121"): a name, not a
// clause that sets a task.
func docRefAt(toks []token, k int) bool {
	e, _, ok := anyPhraseAt(toks, k, docKinds)
	if !ok || !tokAt(toks, k).cap {
		return false
	}
	if tokAt(toks, e).low == "số" {
		e++
	}
	return tokAt(toks, e).kind == tNum
}

// inQuotes marks the tokens inside quotation marks: the semicolons of a
// quoted slogan ("chủ đề năm 2023: “Nâng cao ...; thúc đẩy ...; đảm bảo
// ...”") split no task. An opening mark never closed marks nothing.
func inQuotes(toks []token) []bool {
	out := make([]bool, len(toks))
	open := -1
	for i, t := range toks {
		switch {
		case t.low == "“" || t.low == "\"" && open < 0:
			open = i
		case t.low == "”" || t.low == "\"" && open >= 0:
			if open >= 0 {
				for k := open + 1; k < i; k++ {
					out[k] = true
				}
			}
			open = -1
		}
	}
	return out
}

var notHeadingWords = newPhraseSet("tổ chức", "bám sát", "triển khai nhiệm vụ")

var headingWords = newPhraseSet("đề ra", "một số", "những", "các nhiệm vụ", "sau", "cần", "yêu cầu",
	"đề nghị", "gồm", "thống nhất", "thảo luận", "xác định")

var speakerWords = newPhraseSet("phát biểu", "kết luận", "đồng chí", "ông", "bà", "trưởng ban", "phó trưởng ban",
	"bí thư", "chủ tịch", "lãnh đạo", "thay mặt", "hội nghị")

var aheadOpenings = newPhraseSet("thời gian tới", "năm tới", "thời gian đến", "nhiệm kỳ tới")

// restOfYear open a paragraph about the months left in the year.
var restOfYear = newPhraseSet("những tháng cuối năm", "các tháng cuối năm", "những tháng còn lại", "thời gian còn lại của năm")

var directiveWords = newPhraseSet("tiếp tục", "tập trung", "đẩy mạnh", "nâng cao", "cần", "phấn đấu")

var aheadPhrases = newPhraseSet("trong thời gian tới", "thời gian tới", "thời gian đến", "trong năm tới", "năm tới", "trước mắt", "nhiệm kỳ tới",
	"sau khi hội nghị kết thúc", "sau khi kết thúc hội nghị", "sau hội nghị")

var consequenceWords = newPhraseSet("vì vậy", "do đó", "vì thế", "đòi hỏi")

// taskTopics open a sentence about the tasks of a period: "Về nhiệm vụ 6
// tháng cuối năm 2021, ...".
var taskTopics = newPhraseSet("về nhiệm vụ", "về phương hướng, nhiệm vụ", "về phương hướng nhiệm vụ",
	"triển khai phương hướng nhiệm vụ", "triển khai phương hướng, nhiệm vụ", "triển khai nhiệm vụ")

func isTaken(take map[int]int, i int) bool {
	_, ok := take[i]
	return ok
}

// fixVerbs say that a meeting or a body settles what comes next.
var fixVerbs = newPhraseSet("xác định", "thống nhất", "đề ra", "đặt ra")

// taskNouns name what a meeting settles for the time ahead.
var taskNouns = newPhraseSet("nhiệm vụ", "phương hướng", "mục tiêu", "giải pháp", "trọng tâm")

// announcedTasks reads a sentence in which the meeting or a body fixes
// the work ahead and then states it: "Hội nghị xác định phương hướng
// trọng tâm của năm 2021 là tăng cường ..." (after "là"), "Ban Dân vận
// Thành ủy xác định trong quý 2 sẽ đẩy mạnh ..." (from "sẽ"). It returns
// where the tasks start. "cần xác định rõ từng nhiệm vụ" states nothing.
func (a *analyzer) announcedTasks(toks []token) (int, bool) {
	// "Hội LHPN tỉnh xác định tiếp tục phát động ...": the decision is
	// the task, however long the sentence's opening.
	for i := range toks {
		e, p, ok := anyPhraseAt(toks, i, fixVerbs)
		if !ok || p != "xác định" && p != "thống nhất" || tokAt(toks, i-1).low == "cần" || tokAt(toks, i-1).low == "được" {
			continue
		}
		if _, d, ok := anyPhraseAt(toks, e, directiveStarts); ok && (d == "tiếp tục" || d == "tập trung" || d == "đẩy mạnh" || d == "tăng cường") {
			return e, true
		}
	}
	v := findAny(toks, fixVerbs)
	if v < 0 || v > 40 || tokAt(toks, v-1).low == "cần" || tokAt(toks, v-1).low == "được" {
		return 0, false
	}
	e, _, _ := anyPhraseAt(toks, v, fixVerbs)
	for k := e; k < len(toks) && k < e+16; k++ {
		switch toks[k].low {
		case ".", ";", ":", "(":
			return 0, false
		case "là":
			if k > e && findAny(toks[e:k], taskNouns) >= 0 && tokAt(toks, k+1).kind == tWord && (findAny(toks[k:], directiveWords) >= 0 || startsDirective(toks, k+1)) {
				return k + 1, true
			}
			return 0, false
		case "sẽ":
			if k > e && (findAny(toks[e:k], aheadPhrases) >= 0 || len(a.findPeriods(toks[e:k])) > 0) {
				return k, true
			}
			return 0, false
		}
	}
	return 0, false
}

// ordinals number items in words: "Một là, ...", "Thứ hai, ...".
var ordinals = newPhraseSet("một là", "hai là", "ba là", "bốn là", "năm là", "sáu là", "bảy là", "tám là",
	"thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ tám")

// ordinalAt returns the index after a number in words and its comma or
// colon at toks[k] ("Một là, ", "thứ hai: "), or 0.
func ordinalAt(toks []token, k int) int {
	e, p, ok := anyPhraseAt(toks, k, ordinals)
	if !ok {
		return 0
	}
	switch tokAt(toks, e).low {
	case ",", ":":
		return e + 1
	}
	if strings.HasSuffix(p, " là") && tokAt(toks, e).kind == tWord {
		return e // "Một là tăng cường ..."
	}
	return 0
}

// afterOrdinal skips a number in words at toks[k], if any.
func afterOrdinal(toks []token, k int) int {
	if e := ordinalAt(toks, k); e > 0 {
		return e
	}
	return k
}

// announcesItems reports a sentence that announces numbered work: it
// names tasks, solutions or directions, or asks for them.
func (a *analyzer) announcesItems(toks []token) bool {
	return findAny(toks, taskNouns) >= 0 || findAny(toks, directionVerbs) >= 0 || findAny(toks, aheadPhrases) >= 0
}

func startsDirective(toks []token, k int) bool {
	_, _, ok := anyPhraseAt(toks, k, directiveStarts)
	return ok
}

// afterAlso skips "Đồng thời, " or a list marker opening a direction
// that goes on from the sentence before.
func afterAlso(toks []token) int {
	k := listStart(toks)
	if e, ok := phraseAt(toks, k, "đồng thời"); ok && tokAt(toks, e).low == "," {
		return e + 1
	}
	if e, ok := phraseAt(toks, k, "cùng với đó"); ok && tokAt(toks, e).low == "," {
		return e + 1 // "Cùng với đó, triển khai ...": the connective is left out
	}
	return k
}

// colonList reports a colon after toks[he] followed by a list of at least
// two items split by semicolons: the heading's list, however far the
// colon stands from the heading phrase.
func colonList(toks []token, he int) bool {
	for k := he; k < len(toks); k++ {
		if toks[k].low == ":" {
			n := 0
			for _, t := range toks[k+1:] {
				if t.low == ";" {
					n++
				}
			}
			return n >= 1
		}
	}
	return false
}

// nextMonthOpening reads a month opening a sentence ("Trong tháng
// 7-2019, Ban Dân vận phối hợp ...", "Tháng 3/2021, ..."): the month
// of the meeting or one of the two after it, with what a body will do.
// A review's plans are often written as what the board does that month.
func (a *analyzer) nextMonthOpening(toks []token, i int) (int, bool) {
	if tokAt(toks, i).low != "tháng" || !a.dateOK {
		return 0, false
	}
	m, y, end := monthYearAt(toks, i+1)
	if m == 0 || tokAt(toks, end).low != "," {
		return 0, false
	}
	if y == 0 {
		y = a.date.Year()
	}
	d := (y*12 + m) - (a.date.Year()*12 + int(a.date.Month()))
	if d < 0 || d > 2 {
		return 0, false
	}
	if !workSoon(toks, end+1) {
		return 0, false
	}
	return end + 1, true
}

// monthYearAt reads "7-2019", "7/2019", "7 năm 2019" or "7" at toks[k]:
// the month, the year (0 if not written) and the index after them.
func monthYearAt(toks []token, k int) (m, y, end int) {
	t := tokAt(toks, k)
	if t.kind != tNum {
		return 0, 0, k
	}
	parts := strings.FieldsFunc(t.low, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) == 2 {
		m, _ = strconv.Atoi(parts[0])
		y, _ = strconv.Atoi(parts[1])
		if m < 1 || m > 12 || y < 1990 || y > 2100 {
			return 0, 0, k
		}
		return m, y, k + 1
	}
	m, _ = strconv.Atoi(t.low)
	if m < 1 || m > 12 {
		return 0, 0, k
	}
	end = k + 1
	switch nx := tokAt(toks, end); {
	case (nx.low == "-" || nx.low == "/") && yearOf(tokAt(toks, end+1)) > 0:
		y, end = yearOf(tokAt(toks, end+1)), end+2
	case nx.low == "năm" && yearOf(tokAt(toks, end+1)) > 0:
		y, end = yearOf(tokAt(toks, end+1)), end+2
	}
	return m, y, end
}

// workSoon reports what someone will do right after toks[k]: a direction
// word within a few words ("các cấp hội tiếp tục ..."), or a body's name
// followed by a verb of work ("Ban Dân vận phối hợp với ...").
func workSoon(toks []token, k int) bool {
	if directiveSoon(toks, k) {
		return true
	}
	if e, ok := parseBody(toks, k, false); ok {
		if _, _, ok := anyPhraseAt(toks, e, directiveStarts); ok {
			return true
		}
		// joint subjects: "Ban Dân vận Huyện ủy, các xã, thị trấn tiếp tục ..."
		end := min(len(toks), e+10)
		return tokAt(toks, e).low == "," && findAny(toks[e:end], directiveWords) >= 0
	}
	return false
}

// afterSpeakerRequest skips a speaker's request that opens a task after
// its time phrase ("Về nhiệm vụ trong thời gian tới, đồng chí đề nghị
// các địa phương ..."): the task is what is asked, from "các địa phương".
func afterSpeakerRequest(toks []token, k int) int {
	j := k
	switch tokAt(toks, j).low {
	case "đồng":
		if tokAt(toks, j+1).low != "chí" {
			return k
		}
		j += 2
	case "ông", "bà":
		j++
	default:
		return k
	}
	for n := 0; n < 5 && tokAt(toks, j).cap; n++ {
		j++ // the speaker's name, when written
	}
	v, _, ok := anyPhraseAt(toks, j, directionVerbs)
	if !ok || v >= len(toks) {
		return k
	}
	if tokAt(toks, v).low == "," {
		v++
	}
	return v
}

// anniversaryAt reports the count of years of an anniversary at toks[i]
// ("chào mừng kỷ niệm 96 năm Ngày thành lập Đảng"): not a result.
func anniversaryAt(toks []token, i int) bool {
	return tokAt(toks, i-1).low == "niệm" && tokAt(toks, i+1).low == "năm"
}

// requestWithNeed reports a request whose addressee is told what it needs
// to do, "yêu cầu mỗi cơ sở Đoàn cần tập trung ...", "đề nghị các xã cần
// ...": a direction whoever says it.
func requestWithNeed(toks []token, v int) bool {
	e, p, _ := anyPhraseAt(toks, v, directionVerbs)
	if p != "đề nghị" && p != "yêu cầu" || nounRequest(toks, v, e) {
		return false
	}
	for k := e; k < len(toks) && k <= e+10; k++ {
		if toks[k].kind == tPunct && toks[k].low != "," {
			return false
		}
		if toks[k].low == "cần" && k > e {
			_, _, ok := anyPhraseAt(toks, k+1, directiveStarts)
			return ok || tokAt(toks, k+1).kind == tWord && !tokAt(toks, k+1).cap
		}
	}
	return false
}

// opensReviewed reports a sentence that opens with the period the meeting
// reviewed ("Năm 2025, ..." at a review of 2025): a report of that period,
// not the list of tasks a heading before it announced.
func (a *analyzer) opensReviewed(toks []token) bool {
	if a.period == nil {
		return false
	}
	i := 0
	if w := tokAt(toks, 0).low; w == "trong" {
		i = 1
	}
	ps := a.findPeriods(toks)
	if len(ps) == 0 || ps[0].tokStart != i {
		return false
	}
	// "Năm 2023, ..." and "Năm 2023 mặc dù có nhiều khó khăn, ...": the
	// period reviewed opens the paragraph, with or without a comma.
	if nx := tokAt(toks, ps[0].tokEnd); nx.low != "," && (nx.kind != tWord || nx.cap) {
		return false
	}
	p := ps[0]
	return p.part == a.period.part && p.year == a.period.year
}

// plansAhead reports a sentence that opens with a subject and a verb of
// work (no "đã"), goes on in clauses joined by ";", and names a year
// after the period reviewed: plans, though no time phrase opens them.
func (a *analyzer) plansAhead(toks []token) bool {
	if a.period == nil || a.period.year == 0 || len(toks) == 0 || !(toks[0].cap || toks[0].caps) || !hasTok(toks, ";") {
		return false
	}
	if _, _, ev := anyPhraseAt(toks, 0, eventNouns); ev {
		return false // "Hội nghị tập trung đánh giá ...": what the meeting did
	}
	if findAny(toks, directionVerbs) >= 0 || findAny(toks[:min(len(toks), 3)], speakerWords) >= 0 {
		return false // "Đồng chí X phát biểu chỉ đạo, đề nghị năm 2017 ...": a speaker's direction, read as one
	}
	for k := 0; k < len(toks) && toks[k].low != ";"; k++ {
		if toks[k].low == "được" || toks[k].low == "đã" {
			return false // "Công tác xây dựng Đảng ... được triển khai đồng bộ": a report
		}
	}
	d := -1
	for k := 1; k < len(toks) && k <= 6; k++ {
		if toks[k].kind != tWord || toks[k].low == "đã" || toks[k].low == "được" {
			return false
		}
		if _, _, ok := anyPhraseAt(toks, k, directiveStarts); ok {
			d = k
			break
		}
	}
	if d < 0 {
		return false
	}
	last := a.period.year
	if a.period.part == "multi" {
		last = a.period.to
	}
	for k, t := range toks {
		if y := yearOf(t); y > last {
			if p := tokAt(toks, k-1).low; (p == "-" || p == "–") && yearOf(tokAt(toks, k-2)) > 0 && yearOf(tokAt(toks, k-2)) <= last {
				continue // "nhiệm kỳ 2025-2030": a term that began in the period reviewed
			}
			return true
		}
	}
	return false
}

// awardWords ask for an award: what a proposal to an emulation council
// or a higher body requests.
var awardWords = newPhraseSet("khen thưởng", "tặng bằng khen", "tặng giấy khen", "tặng cờ", "tặng danh hiệu", "công nhận danh hiệu")

// awardRequest reports a request at toks[v] that asks for awards, not for
// work: "đề nghị Hội đồng Thi đua - Khen thưởng các cấp xét khen thưởng
// cuối năm 2015". The clause after the verb (to its first stop) asks for
// an award and for nothing to go on ("tiếp tục").
func awardRequest(toks []token, v int) bool {
	e, p, ok := anyPhraseAt(toks, v, directionVerbs)
	if !ok || p != "đề nghị" {
		return false
	}
	award := false
	for k := e; k < len(toks); k++ {
		t := toks[k]
		if t.kind == tPunct && t.low != "," && t.low != "-" && t.low != "–" {
			break
		}
		if t.low == "tiếp" && tokAt(toks, k+1).low == "tục" {
			return false
		}
		if _, w, ok := anyPhraseAt(toks, k, awardWords); ok {
			// "Hội đồng Thi đua - Khen thưởng": the council's name, not the request.
			if w == "khen thưởng" && (tokAt(toks, k-1).low == "đua" || tokAt(toks, k-1).low == "-" || tokAt(toks, k-1).low == "–") {
				continue
			}
			award = true
		}
	}
	return award
}

// directsAddressee returns where the direction starts when "chỉ đạo" is
// followed by its addressee, a capitalized body or "các" and its nouns,
// and, in the same clause, "tiếp tục" ("phát biểu chỉ đạo Hội Cựu chiến
// binh huyện tiếp tục phát huy ..."); 0 if there is none. "chỉ đạo hội
// nghị" names where the speaker spoke, not whom.
func directsAddressee(toks []token) int {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "chỉ" || toks[i+1].low != "đạo" {
			continue
		}
		a := i + 2
		if t := toks[a]; t.kind != tWord || !(t.cap || t.caps || t.low == "các") || eventNounAt(toks, a) || t.low == "hội" && tokAt(toks, a+1).low == "nghị" {
			continue
		}
		for k := a + 1; k < len(toks) && k <= a+12; k++ {
			if toks[k].kind == tPunct && toks[k].low != "," {
				break
			}
			if toks[k].low == "tiếp" && tokAt(toks, k+1).low == "tục" {
				return a
			}
		}
	}
	return 0
}

// closingQuote reports a mark that may close a quotation.
func closingQuote(p string) bool { return p == "\"" || p == "”" || p == "»" }

// opensQuoteIn reports a quotation mark inside toks that the closing one
// at their end would pair with: the task holds the whole quotation.
func opensQuoteIn(toks []token) bool {
	for _, t := range toks {
		if t.low == "\"" || t.low == "“" || t.low == "«" {
			return true
		}
	}
	return false
}

// toContinueColon returns where a list starts after "để BODY tiếp tục
// (triển khai) thực hiện:" in a sentence, or 0.
func toContinueColon(toks []token) int {
	for c := range toks {
		if toks[c].low != ":" || c+1 >= len(toks) {
			continue
		}
		de, tiep := false, false
		for k := max(0, c-14); k < c; k++ {
			if toks[k].low == "để" {
				de = true
			}
			if de && toks[k].low == "tiếp" && tokAt(toks, k+1).low == "tục" {
				tiep = true
			}
		}
		if de && tiep && (toks[c-1].low == "hiện" || toks[c-1].low == "khai") {
			return c + 1
		}
		return 0
	}
	return 0
}

// opinionsRaised reports a paragraph that opens with what the people
// raised: "Tại hội nghị, nhiều ý kiến, kiến nghị được nhân dân thôn Văn
// Minh nêu lên thẳng thắn, tập trung vào các lĩnh vực như: ...". What
// they asked for sets no task.
func opinionsRaised(toks []token) bool {
	end := min(len(toks), 16)
	for k := 0; k < end; k++ {
		if _, p, ok := anyPhraseAt(toks, k, heardWords); ok && (p == "ý kiến" || p == "kiến nghị") {
			for q := k; q < end+6 && q < len(toks); q++ {
				if w := toks[q].low; w == "nêu" || w == "phản" && tokAt(toks, q+1).low == "ánh" {
					return true
				}
			}
		}
	}
	return false
}
