package extract

import (
	"sort"
	"strings"

	"github.com/danvan/danvan/internal/vntext"
)

type role uint8

const (
	roleNone role = iota
	roleAttend
	roleChair
)

// personHit is one person found in the text.
type personHit struct {
	name      Span
	nameText  string
	title     string // composed title, "" if none
	role      role
	i, j      int // name tokens
	te        int // token after the title (or the name)
	ts        int // first token of the pre-title (or the name)
	sentIndex int
}

func (p personHit) person(text string) Person {
	out := Person{Name: p.nameText}
	if p.title != "" {
		t := p.title
		out.Title = &t
	}
	return out
}

var chairWords = newPhraseSet("chủ trì", "chủ trị hội nghị", "chủ tọa")

var attendWords = newPhraseSet("tham dự", "dự", "phát biểu", "chỉ đạo", "báo cáo", "trình bày", "trao",
	"khai mạc", "bế mạc", "kết luận", "quán triệt", "truyền đạt", "nhấn mạnh", "đề nghị", "yêu cầu",
	"ghi nhận", "biểu dương", "đánh giá", "thay mặt", "lưu ý", "chúc mừng", "giải đáp", "trả lời",
	"đối thoại", "tiếp thu", "điều hành", "giới thiệu", "hướng dẫn", "khẳng định", "thông tin",
	"phát động", "gợi ý", "chia sẻ", "mong muốn", "đề xuất", "triển khai", "đọc diễn văn", "ôn lại",
	"tôn vinh", "khen thưởng", "trao tặng", "tặng", "dẫn đầu", "nghe đồng chí", "gặp mặt", "thông báo")

// subjectOnly are role verbs that give a role only to the person before
// them ("đồng chí A biểu dương ..."), never to one named after them.
var subjectOnly = newPhraseSet("biểu dương", "ghi nhận", "đánh giá", "nhấn mạnh", "đề nghị", "yêu cầu",
	"lưu ý", "chúc mừng", "trao", "khẳng định", "thông tin", "giới thiệu", "hướng dẫn", "gợi ý", "chia sẻ",
	"mong muốn", "đề xuất", "phát động", "giải đáp", "trả lời", "tiếp thu", "triển khai", "đọc diễn văn", "ôn lại",
	"tôn vinh", "khen thưởng", "trao tặng", "tặng", "gặp mặt", "thông báo")

// dựNot are words after "dự" that make it another word: "dự án".
var duNot = wordSet(`án báo kiến thảo toán bị phòng trữ định đoán thi tính`)

// roleAt returns the role keyword starting at toks[i], if any.
func roleAt(toks []token, i int) (role, int) {
	if toks[i].kind != tWord {
		return roleNone, i
	}
	if j, _, ok := anyPhraseAt(toks, i, chairWords); ok {
		return roleChair, j
	}
	if j, p, ok := anyPhraseAt(toks, i, attendWords); ok {
		if p == "điều hành" && tokAt(toks, i-1).low == "sự" && tokAt(toks, i-2).low == "dưới" {
			return roleChair, j // "dưới sự điều hành của các đồng chí: ...": they preside
		}
		if p == "chỉ đạo" && tokAt(toks, i-1).low == "ban" {
			return roleNone, i // "Trưởng Ban chỉ đạo chủ trì": the steering committee's name
		}
		if p == "dự" && duNot[tokAt(toks, i+1).low] {
			return roleNone, i
		}
		if (p == "dự" || p == "tham dự") && tokAt(toks, j).low == "và" {
			if k, _, ok := anyPhraseAt(toks, j+1, chairWords); ok {
				return roleChair, k // "dự và chủ trì hội nghị": the one who attends presides
			}
		}
		if p == "trao" && tokAt(toks, i+1).low == "đổi" {
			return roleNone, i
		}
		// "Chủ trì buổi đối thoại là ...": the event's name, not a role;
		// "định hướng chỉ đạo của Tổng Bí thư": a direction given
		// elsewhere, not one given here.
		if (p == "đối thoại" || p == "gặp mặt") && eventNounAt(toks, i-1) || p == "chỉ đạo" && tokAt(toks, j).low == "của" {
			return roleNone, i
		}
		if p == "khen thưởng" && tokAt(toks, i-1).low == "đua" {
			return roleNone, i // "Chủ tịch Hội đồng thi đua khen thưởng huyện": a title
		}
		// "được tặng Bằng khen", "được khen thưởng": a recipient, not
		// the one who gives.
		if i > 0 && (toks[i-1].low == "được" || toks[i-1].low == "nhận") {
			return roleNone, i
		}
		return roleAttend, j
	}
	return roleNone, i
}

// eventNounAt reports a noun that makes the word after it the name of
// an event: "buổi", "cuộc", "hội nghị".
func eventNounAt(toks []token, i int) bool {
	switch tokAt(toks, i).low {
	case "buổi", "cuộc", "nghị", "chương":
		return true
	}
	return false
}

// titleHeadAt reports whether a title starts at toks[i].
func titleHeadAt(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.caps && t.kind == tWord {
		return true // UVBTV, TUV, UBND
	}
	if !t.cap {
		return false
	}
	_, _, ok := anyPhraseAt(toks, i, titleHeads)
	return ok
}

// otherEventWords open a sentence about another, earlier event.
var otherEventWords = newPhraseSet("trước đó", "trước đây", "được biết", "năm ngoái", "năm trước")

func otherEvent(toks []token) bool {
	_, _, ok := anyPhraseAt(toks, 0, otherEventWords)
	return ok
}

// noteUnknownName remembers "đồng chí X Y Z" whose first word is not a
// known family name, for a warning: the extractor does not guess names.
func (a *analyzer) noteUnknownName(toks []token, p int) {
	if len(a.unknownNames) >= 3 || !toks[p].cap || titleHeadAt(toks, p) {
		return
	}
	if _, trig := triggerBefore(toks, p); !trig {
		return
	}
	j := p + 1
	for j < len(toks) && j-p < 4 && toks[j].cap && toks[j].space && !titleHeadAt(toks, j) {
		j++
	}
	if j-p < 2 || j < len(toks) && toks[j].cap && toks[j].space {
		return
	}
	a.unknownNames = append(a.unknownNames, a.d.text[toks[p].start:toks[j-1].end])
}

// titleOnlyMentions finds "đồng chí TITLE" with no name after it:
// "đồng chí Phó Bí thư Thường trực Tỉnh ủy nhấn mạnh". They carry roles
// for the named person with that title.
func (a *analyzer) titleOnlyMentions(toks []token, hits []personHit) []personHit {
	var out []personHit
	inHit := func(k int) bool {
		for _, h := range hits {
			if k >= h.ts && k < h.te {
				return true
			}
		}
		return false
	}
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].low != "đồng" || toks[k+1].low != "chí" || inHit(k) {
			continue
		}
		t, end := a.titleFrom(toks, k+2)
		if t == "" || inHit(end-1) {
			continue
		}
		out = append(out, personHit{title: t, ts: k, te: end, i: k + 2, j: end})
		k = end - 1
	}
	return out
}

// matchTitled gives the role of a title-only mention to the one person
// named earlier with the same title.
func (a *analyzer) matchTitled(titled, all []personHit, index map[string]int) {
	for _, m := range titled {
		if m.role == roleNone {
			continue
		}
		key := vntext.Fold(m.title)
		var found *personHit
		n := 0
		seen := map[string]bool{}
		for k := range all {
			h := &all[k]
			if h.title == "" || seen[h.nameText] {
				continue
			}
			ht := vntext.Fold(h.title)
			if ht == key || strings.HasSuffix(ht, ", "+key) || strings.HasPrefix(ht, key+", ") {
				seen[h.nameText] = true
				found = h
				n++
			}
		}
		if n != 1 {
			continue
		}
		if k, ok := index[found.nameText]; ok {
			if m.role == roleChair {
				a.people[k].role = roleChair
			}
			continue
		}
		p := *found
		p.role = m.role
		index[p.nameText] = len(a.people)
		a.people = append(a.people, p)
	}
}

// titleStartsName reports whether a title starts at toks[j] right after
// a name. A one-word head ("Nguyên", "Phó", "Trưởng") may also be a given
// name: it starts a title only when a capitalized word follows ("Nguyên
// Bí thư"), so "Lại Thế Nguyên và ..." keeps its last syllable.
func titleStartsName(toks []token, j int) bool {
	if !titleHeadAt(toks, j) {
		return false
	}
	if toks[j].caps {
		return true
	}
	_, p, _ := anyPhraseAt(toks, j, titleHeads)
	if strings.Contains(p, " ") {
		return true
	}
	nx := tokAt(toks, j+1)
	return nx.space && (nx.cap || nx.caps)
}

// isTitleToken reports whether toks[i] can continue a title.
func isTitleToken(toks []token, i int) bool {
	t := toks[i]
	switch t.kind {
	case tWord:
		if t.cap || t.caps {
			return true
		}
		if t.low == "và" {
			// "Trưởng ban Tuyên giáo và Dân vận": the name of a board.
			return i > 0 && titleWords[toks[i-1].low] && tokAt(toks, i+1).cap && tokAt(toks, i+2).low == "vận"
		}
		return titleWords[t.low] && !titleStops[t.low]
	case tNum:
		// "Quân khu 9", "Sư đoàn 2"
		return i > 0 && toks[i-1].cap && len(t.low) <= 3 && !strings.ContainsAny(t.low, ".,")
	}
	switch t.low {
	case "-", "–", "&":
		nx := tokAt(toks, i+1)
		if r, _ := roleAt(toks, i+1); r == roleChair {
			return false // "..., Trưởng Khối Dân vận – Chủ trì hội nghị": the role, not the title
		}
		return i > 0 && (nx.cap || nx.caps)
	case ".":
		// "TP.HCM", "Th.S"
		return i > 0 && adjacent(toks[i-1], t) && i+1 < len(toks) && adjacent(t, toks[i+1]) && toks[i+1].kind == tWord
	}
	return false
}

// nameAt reports a person's name starting at toks[p]: a family name and
// one to three more capitalized words. It returns the end index.
func nameAt(toks []token, p int, minLen int) (int, bool) {
	if p >= len(toks) || !toks[p].cap || !isFamily(toks[p].low) && !(minLen <= 2 && shortFamily[toks[p].low]) {
		return p, false
	}
	// A one-word name of the Central Highlands: "K’Điểu" (after a trigger).
	if minLen <= 2 && apostropheName(toks[p].low) && !(p+1 < len(toks) && toks[p+1].cap && toks[p+1].space) {
		return p + 1, true
	}
	if p > 0 && toks[p-1].cap && toks[p-1].kind == tWord && toks[p-1].space && commonFamily[tokAt(toks, p+1).low] && tokAt(toks, p+1).cap &&
		placeBefore(toks, p-1) {
		// "Hội Nông dân tỉnh An Giang Nguyễn Văn Nhiên": the place's last
		// word is a family name too ("Giang"), but the name starts at the
		// common family name after it.
		return p, false
	}
	j := p + 1
	for j < len(toks) && j-p < 4 && toks[j].cap && toks[j].kind == tWord && toks[j].space && !titleStartsName(toks, j) && (!notGivenAt(toks, j) || lastGivenDoan(toks, p, j)) {
		j++
	}
	if j-p < minLen {
		return p, false
	}
	// A name is followed by no further capitalized word of a run ("Hà Nội
	// Mới"), unless a title starts there.
	if j < len(toks) && toks[j].cap && toks[j].space && !titleStartsName(toks, j) && !notGivenAt(toks, j) {
		return p, false
	}
	name := lowerASCIIish(joinTokens(toks, p, j))
	if notNames[name] {
		return p, false
	}
	return j, true
}

// notGiven are capitalized words that cannot be part of a given name.
var notGiven = wordSet(`ban hội huyện tỉnh đảng ủy dân mặt tổ ubnd hđnd ngày sáng chiều tại và với
	trưởng phó bí chủ uỷ nhân đoàn khối sở`)

// commonFamily are the most common family names, those a name after a
// place whose last word is also a family name starts with.
var commonFamily = wordSet(`nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý`)

// lastGivenDoan reports "Đoàn" at toks[j] as the last given name of the
// name started at toks[p] ("ông Lương Quốc Đoàn, Chủ tịch ...", "ông
// Lương Quốc Đoàn gửi lời ..."): two words of the name before it, no
// level word right before it ("Huyện Đoàn"), and no capital after it
// ("Đoàn Thanh niên").
func lastGivenDoan(toks []token, p, j int) bool {
	if toks[j].low != "đoàn" || j-p < 2 || youthPrefix[toks[j-1].low] || levelWords[toks[j-1].low] {
		return false
	}
	n := tokAt(toks, j+1)
	return !n.cap && !n.caps
}

// notGivenAt reports a word at toks[j] that cannot go on with a name.
// "Nhân" is a given name ("Nguyễn Thiện Nhân") unless it opens a word of
// its own ("Nhân dân", "Nhân dịp").
func notGivenAt(toks []token, j int) bool {
	w := toks[j].low
	if (w == "sáng" || w == "chiều") && j >= 2 && toks[j-2].cap {
		// "Đinh Thị Minh Sáng, Phó Bí thư ...": a given name that ends the
		// name before its title; "Sáng 24/10" and "Sáng nay" are times.
		switch tokAt(toks, j+1).low {
		case ",", ";", "-", "–", "(":
			return false
		}
		return true
	}
	if w == "nhân" {
		switch tokAt(toks, j+1).low {
		case "dân", "dịp", "viên", "sự", "đạo", "lực", "văn", "rộng", "kỷ":
			return true
		}
		return false
	}
	return notGiven[w]
}

func isFamily(w string) bool {
	if familyNames[w] {
		return true
	}
	// Ê Đê, Jrai and Cơ Ho names: "H’Phiết", "K’Điểu" may stand first.
	return apostropheName(w)
}

// apostropheName reports a word like "h’phiết", "k'điểu": one letter, an
// apostrophe and a syllable.
func apostropheName(w string) bool {
	for _, p := range []string{"h’", "h'", "k’", "k'", "y’", "y'", "r’", "r'", "b’", "b'", "m’", "m'", "n’", "n'"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return true
		}
	}
	return false
}

func joinTokens(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].low)
	}
	return b.String()
}

// placeBefore reports whether the word before toks[p] introduces a place
// name, so that two capitalized words after it are a place: "tỉnh Hà
// Tĩnh", "Tỉnh ủy Lạng Sơn".
func placeBefore(toks []token, p int) bool {
	if p == 0 {
		return false
	}
	switch toks[p-1].low {
	case "tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố", "ủy", "uỷ", "thôn", "ấp", "bản", "xóm", "làng", "tp", "về", "ở", "tại", "xứ":
		return true
	}
	return false
}

// presenceBlocks marks the lines under a heading that announces who was
// present ("Về dự hội nghị:", "Thành phần tham dự:"): lists of people,
// one a line, each present.
func (a *analyzer) presenceBlocks() map[int]bool {
	var out map[int]bool
	for bi := 0; bi < len(a.d.blocks); bi++ {
		b := a.d.blocks[bi]
		if b.kind == kindMeta || b.kind == kindTitle {
			continue
		}
		line := strings.TrimSpace(a.d.text[b.start:b.end])
		if !strings.HasSuffix(line, ":") || len(line) > 120 {
			continue
		}
		if l := lowerASCIIish(line); !(strings.Contains(l, "dự") || strings.Contains(l, "thành phần")) {
			continue
		}
		for k := bi + 1; k < len(a.d.blocks); k++ {
			nb := a.d.blocks[k]
			t := a.d.text[nb.start:nb.end]
			lt := lowerASCIIish(t[:min(len(t), 24)])
			if nb.kind == kindMeta || paragraphLike(t) ||
				!(isListItem(t) || strings.HasPrefix(lt, "đại biểu") || strings.HasPrefix(lt, "đồng chí") || strings.HasPrefix(lt, "các đồng chí")) {
				break
			}
			if out == nil {
				out = map[int]bool{}
			}
			out[k] = true
			bi = k
		}
	}
	return out
}

// readPeople finds chairs and attendees.
func (a *analyzer) readPeople() {
	presence := a.presenceBlocks()
	var all, titled []personHit
	skipped := 0
	for si, s := range a.sents {
		toks := s.toks
		if otherEvent(toks) {
			continue // "Trước đó, đồng chí X đã dự lễ ra mắt ...": another event
		}
		var hits []personHit
		for p := 0; p < len(toks); p++ {
			if !toks[p].cap || !isFamily(toks[p].low) && !shortFamily[toks[p].low] && looseNameEnd(toks, p) == p {
				a.noteUnknownName(toks, p)
				continue
			}
			h, ok := a.personAt(toks, p, hits)
			if !ok {
				continue
			}
			h.sentIndex = si
			hits = append(hits, h)
			p = h.te - 1
		}
		hits = append(hits, a.titleOnlyMentions(toks, hits)...)
		sort.Slice(hits, func(i, j int) bool { return hits[i].ts < hits[j].ts })
		if len(hits) == 0 {
			continue
		}
		// Roles, with person spans masked.
		masked := make([]bool, len(toks))
		for _, h := range hits {
			for k := h.ts; k < h.te; k++ {
				masked[k] = true
			}
		}
		excluded := make([]bool, len(hits))
		present := presence[s.block] || presenceSentence(toks)
		closing := closingPresence(toks)
		for k := range hits {
			h := &hits[k]
			if a.notParticipant(toks, *h) || k > 0 && excluded[k-1] && joined(toks, hits[k-1], *h) {
				// An example or recipient, or the next one of their list.
				h.role = roleNone
				excluded[k] = true
				continue
			}
			h.role = roleFor(toks, masked, hits, k)
			if h.role == roleNone && (present || closing > h.te) {
				// "Về phía tỉnh có đồng chí A, ...", "TITLE A; TITLE B; ...
				// đã đến dự": named as present.
				h.role = roleAttend
			}
		}
		// "Đồng chí A - ... và đồng chí B - ... đồng chủ trì": the role
		// stated after a list belongs to every member.
		for k := len(hits) - 2; k >= 0; k-- {
			if hits[k].role == roleNone && hits[k+1].role != roleNone && (joined(toks, hits[k], hits[k+1]) || listedBefore(toks, hits[k], hits[k+1])) && !a.notParticipant(toks, hits[k]) {
				hits[k].role = hits[k+1].role
			}
		}
		for _, h := range hits {
			if h.nameText == "" {
				titled = append(titled, h)
				continue
			}
			if h.role == roleNone {
				skipped++
			}
			all = append(all, h)
		}
	}
	// One entry per person: chair wins, first title wins.
	index := map[string]int{}
	for _, h := range all {
		if h.role == roleNone {
			continue
		}
		if k, ok := index[h.nameText]; ok {
			if h.role == roleChair {
				a.people[k].role = roleChair
			}
			if a.people[k].title == "" && h.title != "" {
				a.people[k].title = h.title
			}
			continue
		}
		index[h.nameText] = len(a.people)
		a.people = append(a.people, h)
	}
	a.matchTitled(titled, all, index)
	// A person who gets a role in one mention keeps the title of an
	// earlier mention without a role.
	for k := range a.people {
		if a.people[k].title != "" {
			continue
		}
		for _, h := range all {
			if h.nameText == a.people[k].nameText && h.title != "" {
				a.people[k].title = h.title
				break
			}
		}
	}
	if skipped > 0 {
		a.warn("Có người được nêu tên nhưng không rõ vai trò tại sự kiện (chủ trì, dự); đã bỏ qua.")
	}
	if len(a.unknownNames) > 0 {
		a.warn("Có thể là tên người nhưng họ không có trong danh sách họ đã biết, chưa ghi nhận: " + strings.Join(a.unknownNames, "; ") + ".")
	}
}

// youthPrefix are the capitalized level words that make "Đoàn" after
// them the youth union's committee: "Thành Đoàn", "Tỉnh Đoàn".
var youthPrefix = wordSet(`thành tỉnh huyện quận thị`)

// personAt reads a person mention whose name may start at toks[p].
func (a *analyzer) personAt(toks []token, p int, prev []personHit) (personHit, bool) {
	if toks[p].low == "đoàn" && p > 0 && (levelWords[toks[p-1].low] || toks[p-1].low == "thành") && p+1 < len(toks) && toks[p+1].cap && isFamily(toks[p+1].low) {
		// "Phó Bí thư tỉnh Đoàn Nguyễn Trọng Lâm": the youth union of the
		// province ends the title; the name starts after it.
		return personHit{}, false
	}
	if toks[p].low == "đoàn" && p > 0 && toks[p-1].cap && youthPrefix[toks[p-1].low] {
		// "Thành Đoàn Tuy Hòa", "Huyện Đoàn Bù Đốp": the youth union's
		// committee and its place, not a person named Đoàn.
		return personHit{}, false
	}
	trigStart, trig := triggerBefore(toks, p)
	// Pre-title: title tokens right before the name, back to a trigger.
	pre := p
	for pre > 0 && pre > p-25 && isTitleToken(toks, pre-1) && !(toks[pre-1].low == "chí" && pre >= 2 && toks[pre-2].low == "đồng") {
		pre--
	}
	for pre < p && !titleHeadAt(toks, pre) {
		pre++
	}
	if !trig && pre < p {
		trigStart, trig = triggerBefore(toks, pre)
		_ = trig
	}
	preTitle := pre < p
	inPlace := placeBefore(toks, p)
	// A list: "các đồng chí: A, TITLE; B, TITLE và C", "TITLE A; TITLE B".
	list := false
	if len(prev) > 0 {
		last := prev[len(prev)-1]
		k := last.te
		for k < p && (toks[k].low == "," || toks[k].low == "và" || toks[k].low == ";") {
			k++
		}
		if (k == p || k == pre && k > last.te) && last.te < p {
			list = true // "TITLE A; TITLE B" as well as "A, B"
		}
	}
	minLen := 2
	if !trig && !list && !(preTitle && p-pre >= 3) {
		minLen = 3 // a two-word name needs "đồng chí", a list or a title before it: "Phó Bí thư Thường trực Huyện ủy Lê Phong"
	}
	end, ok := nameAt(toks, p, minLen)
	if !ok {
		// A family name outside the list, where the structure says it is
		// a name: "Bí thư Tỉnh ủy Chẩu Văn Lâm, ...".
		if end = looseNameEnd(toks, p); end == p || !(trig || preTitle) {
			return personHit{}, false
		}
	}
	if inPlace && !trig && !list {
		// "Tỉnh ủy Hoàng Văn Nghiệm" is a person, "tỉnh Lâm Đồng" a place;
		// in a list of people ("...; Phó Bí thư Thường trực Huyện ủy Lê
		// Phong;") a person. After a long title, two words the role
		// follows at once and the article never uses as a place are a
		// person too: "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lê Dũng chủ trì".
		if (end-p < 3 || !middleNames[toks[p+1].low]) && !(preTitle && p-pre >= 5 && roleRightAfter(toks, end) && a.placeUses(toks, p, end) == 0) &&
			!(preTitle && p-pre >= 4 && end-p >= 3 && tokAt(toks, end).low == ";" && titleHeadAt(toks, end+1) && a.placeUses(toks, p, end) <= 1) {
			// "Tỉnh ủy viên, Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam
			// tỉnh Trương Linh Phượng; Phó Chủ tịch ...": three words that
			// end a long title in a list of titled people, and stand as a
			// place nowhere else, are a person.
			return personHit{}, false
		}
	}
	// Post-title.
	post, postEnd := a.titleAfter(toks, end)
	if !(trig || preTitle || post != "" || list) {
		return personHit{}, false
	}
	if !trig && !list && !(preTitle && p-pre >= 3) && end-p < 3 && post == "" {
		return personHit{}, false
	}
	h := personHit{
		name: Span{toks[p].start, toks[end-1].end},
		i:    p, j: end, te: end, ts: p,
	}
	if trigStart < p {
		h.ts = trigStart
	}
	h.nameText = a.d.text[h.name.Start:h.name.End]
	var parts []string
	if preTitle {
		h.ts = min(h.ts, pre)
		parts = append(parts, a.d.text[toks[pre].start:toks[p-1].end])
	}
	if post != "" {
		parts = append(parts, post)
		h.te = postEnd
	}
	h.title = strings.Join(parts, ", ")
	return h, true
}

// titleAfter reads "- TITLE", ", TITLE" or "(TITLE)" after a name.
func (a *analyzer) titleAfter(toks []token, q int) (string, int) {
	if q >= len(toks) {
		return "", q
	}
	sep := toks[q].low
	if !(sep == "-" || sep == "–" || sep == "—" || sep == "," || sep == "(" || sep == "." && titleHeadAt(toks, q+1)) {
		return "", q
	}
	if (sep == "," || sep == ";") && a.segmentEndsWithName(toks, q+1) {
		return "", q // ", Phó Chủ tịch UBND thành phố Hồ Kỳ Minh": the next person
	}
	t, end := a.titleFrom(toks, q+1)
	if t == "" {
		return "", q
	}
	if sep == "(" && tokAt(toks, end).low == ")" {
		end++
	}
	return t, end
}

// titleFrom reads a title chain starting at toks[start]: segments
// separated by commas, each starting with a title head.
func (a *analyzer) titleFrom(toks []token, start int) (string, int) {
	if !titleHeadAt(toks, start) {
		return "", start
	}
	k := start
	last := start
	segStart := start // first token of the current segment
	for k < len(toks) {
		if toks[k].low == "," {
			if titleHeadAt(toks, k+1) && !a.nameStartsAt(toks, k+1) && !a.segmentEndsWithName(toks, k+1) {
				k++
				segStart = k
				continue
			}
			break
		}
		if !isTitleToken(toks, k) {
			break
		}
		if k > start && toks[k].cap && a.nameStartsAt(toks, k) {
			// "Tổng Bí thư Tô Lâm, Thường trực Ban Bí thư Trần Cầm Tú": the
			// segment before the next name is that person's title.
			if segStart > start {
				last = segStart - 1
			}
			break
		}
		k++
		last = k
	}
	if last <= start {
		return "", start
	}
	return a.d.text[toks[start].start:toks[last-1].end], last
}

// nameStartsAt reports whether a person's name starts at toks[k] inside a
// run of title words: a family name, a middle name and more ("Phó Chủ
// tịch UBND tỉnh Lê Đình Sơn"), also after a committee or a place word
// when the name has three words or more ("Trưởng Ban Dân vận Tỉnh ủy
// Trần Thị Kim Hoa"; "Tỉnh ủy Lạng Sơn" is a place), or a shorter name
// that ends the segment ("Thường trực Ban Bí thư Trần Cầm Tú, ...").
func (a *analyzer) nameStartsAt(toks []token, k int) bool {
	if !toks[k].cap {
		return false
	}
	if !isFamily(toks[k].low) {
		e := looseNameEnd(toks, k)
		return e > k && !placeBefore(toks, k)
	}
	e, ok := nameAt(toks, k, 2)
	if !ok || e-k < 2 {
		return false
	}
	middle := middleNames[tokAt(toks, k+1).low]
	if placeBefore(toks, k) {
		return e-k >= 3 && middle
	}
	return middle || nameEnds(toks, e)
}

// nameEnds reports whether a name may end before toks[e]: a separator, a
// bracket, "và", a role word or the end of the sentence, not a lower-case
// word that would go on with a name of a body ("Đoàn Thanh niên").
func nameEnds(toks []token, e int) bool {
	t := tokAt(toks, e)
	switch {
	case t.kind == tNone:
		return true
	case t.kind == tPunct:
		return strings.Contains(",;.:()-–—", t.low)
	case t.low == "và" || t.low == "cùng":
		return true
	}
	r, _ := roleAt(toks, e)
	return r != roleNone
}

// strongMiddle are middle names that mark a personal name whatever its
// family name: "Chẩu Văn Lâm", "Vừ Thị Dợ".
var strongMiddle = wordSet(`văn thị đức hữu đình bá công`)

// looseNameEnd reads a personal name whose family name is not in the
// list, where the structure leaves no doubt: three or four capitalized
// words, the second a strong middle name, ending as a name does. It
// returns the end, or p when there is none.
func looseNameEnd(toks []token, p int) int {
	t := toks[p]
	if !t.cap || t.kind != tWord || titleHeadAt(toks, p) || notGiven[t.low] || placeWordSet[t.low] || !strongMiddle[tokAt(toks, p+1).low] {
		return p
	}
	j := p + 1
	for j < len(toks) && j-p < 4 && toks[j].cap && toks[j].kind == tWord && toks[j].space && !titleStartsName(toks, j) && !notGivenAt(toks, j) {
		j++
	}
	if j-p < 3 || !nameEnds(toks, j) || notNames[lowerASCIIish(joinTokens(toks, p, j))] {
		return p
	}
	return j
}

// joined reports whether only ",", ";" or "và" stand between two people.
func joined(toks []token, a, b personHit) bool {
	for k := a.te; k < b.ts; k++ {
		switch toks[k].low {
		case ",", ";", "và":
		default:
			return false
		}
	}
	return a.te <= b.ts
}

// listedBefore reports two people of one list split by ';' whose first
// title ran on past what the title reader took ("Nguyễn Văn Bình -
// Trưởng Ban Kinh tế TW; Nguyễn Xuân Tiến - ... chủ trì"): the words
// between hold no role, no verb and no full stop.
func listedBefore(toks []token, a, b personHit) bool {
	if a.te > b.ts || b.ts == 0 || toks[b.ts-1].low != ";" || b.ts-a.te > 8 {
		return false
	}
	for k := a.te; k < b.ts-1; k++ {
		t := toks[k]
		if t.kind == tPunct && t.low != "," && t.low != "-" || titleStops[t.low] {
			return false
		}
		if r, _ := roleAt(toks, k); r != roleNone {
			return false
		}
	}
	return true
}

var presenceWords = newPhraseSet("có đồng chí", "có các đồng chí", "về phía", "cùng đi", "cùng đoàn có", "đón", "có sự tham dự của",
	"với sự tham dự của", "sự tham dự của", "sự hiện diện của", "sự có mặt của", "cùng họp có", "cùng dự có")

// presenceSentence reports a sentence that lists who was present.
func presenceSentence(toks []token) bool {
	if findAny(toks, examplesWords) >= 0 {
		return false
	}
	if findAny(toks, presenceWords) >= 0 {
		return true
	}
	// "Đại biểu huyện có: Đồng chí ..."
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low == "có" && toks[i+1].low == ":" {
			return true
		}
	}
	return false
}

// greetingWords bring the greetings of people who are not there.
var greetingWords = newPhraseSet("lẵng hoa", "hoa chúc mừng", "điện mừng", "thư chúc mừng", "điện chúc mừng", "thư khen")

var examplesWords = newPhraseSet("trong đó có", "tiêu biểu", "điển hình", "như")

// notParticipant reports recipients of awards and people named as
// examples.
func (a *analyzer) notParticipant(toks []token, h personHit) bool {
	if g := findAny(toks[:h.ts], greetingWords); g >= 0 && tokAt(toks, g-1).low != "tặng" {
		// "đón nhận lẵng hoa chúc mừng của các đồng chí: ...": sent, not
		// present; "Đồng chí X tặng hoa chúc mừng ..." is there.
		return true
	}
	for k := h.ts - 1; k >= 0 && k >= h.ts-4; k-- {
		switch toks[k].low {
		case "cho", "tặng", "như", "gương", "hộ", "đình":
			return true
		case "của":
			// "lời dạy của Tổng Bí thư X" names someone absent; "dưới sự
			// chủ trì của đồng chí X", "dưới sự điều hành của", "với sự tham
			// dự của" do not.
			switch tokAt(toks, k-1).low {
			case "trì", "dự", "tọa", "mặt", "đạo", "hành", "diện": // "có sự hiện diện của Bà X"
			default:
				return true
			}
		case "là":
			if w := tokAt(toks, k-1).low; w == "biểu" || w == "hình" || w == "gương" {
				return true // "tiêu biểu là", "điển hình là"
			}
		}
		if toks[k].kind == tPunct && toks[k].low != ":" {
			break
		}
	}
	// "... được tặng Bằng khen", "nhận Giấy khen"
	for k := h.te; k < len(toks) && k < h.te+4; k++ {
		w := toks[k].low
		if w == "nhận" && judgeAfterNhan[tokAt(toks, k+1).low] {
			break // "đồng chí X nhận định ...", "nhận xét", "nhận thấy": a speaker's judgement, not an award received
		}
		if w == "được" || w == "nhận" || w == "vinh" {
			nx := tokAt(toks, k+1).low
			if w == "nhận" || nx == "bằng" || nx == "giấy" || nx == "tặng" || nx == "trao" || nx == "khen" || nx == "tuyên" || nx == "công" || nx == "biểu" || nx == "vinh" || nx == "nhận" || w == "vinh" {
				return true
			}
		}
		if toks[k].kind == tPunct {
			break
		}
	}
	return false
}

// judgeAfterNhan make "nhận" a verb of judging: "nhận định", "nhận xét",
// "nhận thấy".
var judgeAfterNhan = wordSet(`định xét thấy`)

// roleFor decides the role of hits[k] from the keywords of its sentence.
func roleFor(toks []token, masked []bool, hits []personHit, k int) role {
	h := hits[k]
	// A keyword right after the person: "đồng chí X, TITLE chủ trì hội nghị".
	limit := len(toks)
	if k+1 < len(hits) {
		limit = hits[k+1].ts
	}
	after, afterAt := roleNone, -1
	for i := h.te; i < limit && i < h.te+60; i++ {
		if masked[i] {
			continue
		}
		if toks[i].low == ";" || toks[i].low == ":" {
			break
		}
		if r, _ := roleAt(toks, i); r != roleNone {
			after, afterAt = r, i
			break
		}
	}
	if after != roleNone && afterAt-h.te <= 3 {
		return after
	}
	semi := false // a ";" between the role word and the person
	for i := h.ts - 1; i >= 0 && i >= h.ts-200; i-- {
		if masked[i] {
			continue
		}
		if toks[i].low == ";" {
			semi = true
		}
		if r, _ := roleAt(toks, i); r != roleNone {
			if _, _, subj := anyPhraseAt(toks, i, subjectOnly); subj {
				continue // "biểu dương ... bà A": A is praised, not present in a role
			}
			if semi && ownRole(toks, hits[:k], i) {
				// "...; đồng chí A - TITLE, Chủ trì hội nghị; đồng chí B -
				// TITLE; ...": A's own role, stated in A's item, not B's.
				continue
			}
			return r
		}
	}
	if after == roleNone && k+1 < len(hits) && andNext(toks, h.te, hits[k+1].ts) {
		// "chị A - TITLE và chị B - TITLE, chia sẻ ...": the two share the
		// verb after the second.
		return roleFor(toks, masked, hits, k+1)
	}
	return after
}

// andNext reports that the next person, starting at s, is joined to the
// one whose name ends at e by "và" and an honorific ("chị A - TITLE,
// TITLE và chị B"), with no clause break between them.
func andNext(toks []token, e, s int) bool {
	k := s - 1
	for k >= e {
		switch toks[k].low {
		case "chị", "anh", "ông", "bà", "đồng", "chí":
			k--
			continue
		}
		break
	}
	if k < e || toks[k].low != "và" || s-e > 25 {
		return false
	}
	for i := e; i < k; i++ {
		if l := toks[i].low; l == ";" || l == ":" || l == "." || l == "và" {
			return false
		}
	}
	return true
}

// closingPresence is the index of the "dự" that ends a sentence listing
// who came ("..., Phó Bí thư Thường trực Huyện ủy Lê Phong; đại diện ...
// đã đến dự.", "... cùng tham dự hội nghị."), or -1.
func closingPresence(toks []token) int {
	n := len(toks)
	for n > 0 && toks[n-1].kind == tPunct {
		n--
	}
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		if toks[k].low != "dự" {
			continue
		}
		switch tokAt(toks, k-1).low {
		case "đến", "tham", "cùng", "đã", "về":
			return k
		}
		// "TITLE A; đại diện ...; các Ủy viên Đoàn Chủ tịch ... dự Hội
		// nghị": a list of those present closed by "dự" after a name.
		if p := tokAt(toks, k-1); p.kind == tWord && p.low != "được" && p.low != "không" && p.low != "chưa" && hasTok(toks[:k], ";") {
			return k
		}
		return -1
	}
	return -1
}

// roleRightAfter reports a chair's or an attendee's verb at toks[e].
func roleRightAfter(toks []token, e int) bool {
	if e >= len(toks) {
		return false
	}
	r, _ := roleAt(toks, e)
	return r != roleNone
}

// placeUses counts the places in the article where the words toks[p:e]
// stand as a place: after a place word and not before a role.
func (a *analyzer) placeUses(toks []token, p, e int) int {
	n, c := e-p, 0
	for _, s := range a.sents {
		t := s.toks
		for i := 1; i+n <= len(t); i++ {
			same := true
			for k := 0; k < n; k++ {
				if t[i+k].low != toks[p+k].low {
					same = false
					break
				}
			}
			if same && placeBefore(t, i) && !roleRightAfter(t, i+n) {
				c++
			}
		}
	}
	return c
}

// ownRole reports a role word at toks[i] stated right after one of the
// persons before it (within three words of the end of their mention).
func ownRole(toks []token, before []personHit, i int) bool {
	for _, p := range before {
		if i >= p.te && i-p.te <= 3 && !hasTok(toks[p.te:i], ";") {
			return true
		}
	}
	return false
}

// segmentEndsWithName reports a title segment starting at toks[s] that
// ends with a person's name, so that it is the next person's title, not
// more of the last one's: ", Phó Ban công tác phụ nữ phía Nam Hoàng Thị
// Ngân Hương,", ", Phó Chủ tịch UBND thành phố Hồ Kỳ Minh.". After a place
// word the name needs three words and no other use as a place.
func (a *analyzer) segmentEndsWithName(toks []token, s int) bool {
	end := s
	for end < len(toks) && !(toks[end].kind == tPunct && toks[end].low != "-" && toks[end].low != "–") && toks[end].low != "cùng" && toks[end].low != "và" {
		end++
	}
	for q := s + 2; q < end-1; q++ {
		if !toks[q].cap || !isFamily(toks[q].low) {
			continue
		}
		e, ok := nameAt(toks, q, 2)
		if !ok || e != end {
			continue
		}
		if placeBefore(toks, q) && (e-q < 3 || a.placeUses(toks, q, e) > 1) {
			return false
		}
		return true
	}
	return false
}
