package extract

import (
	"strings"
)

// bodyHeads begin the name of an organizing body (lower case).
var bodyHeads = newPhraseSet(
	"ban tuyên giáo và dân vận", "ban dân vận", "ban dv", "khối dân vận", "ban tuyên giáo", "ban tổ chức",
	"ban thường vụ", "thường trực", "ban chỉ đạo", "đảng ủy khối", "đảng ủy", "huyện ủy", "tỉnh ủy", "thành ủy",
	"thị ủy", "quận ủy", "ủy ban mttq", "ủy ban mặt trận tổ quốc", "ubmttq", "mttq", "mặt trận tổ quốc",
	"ủy ban nhân dân", "ubnd", "hội nông dân", "hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ",
	"hội cựu chiến binh", "hội ccb", "đoàn thanh niên", "huyện đoàn", "tỉnh đoàn", "thành đoàn",
	"liên đoàn lao động", "công an", "bộ chỉ huy quân sự", "ban chỉ huy quân sự", "học viện", "sở",
	"trường chính trị", "trung tâm chính trị",
)

// committeeWords are Party committees that may follow a head:
// "Ban Dân vận Huyện ủy".
var committeeWords = newPhraseSet("huyện ủy", "tỉnh ủy", "thành ủy", "thị ủy", "quận ủy", "đảng ủy", "trung ương")

// placeWords introduce a place name: "huyện Mỹ Xuyên".
var placeWords = newPhraseSet("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "xã", "phường", "quận", "tp")

// parseBody reads the name of a body starting at toks[i]; it returns the
// index after it, or ok=false.
func parseBody(toks []token, i int) (end int, ok bool) {
	if i >= len(toks) || !(toks[i].cap || toks[i].caps) {
		return 0, false
	}
	j, head, ok := anyPhraseAt(toks, i, bodyHeads)
	if !ok {
		return 0, false
	}
	// The head's own words must be capitalized as a name ("Ban Dân vận",
	// not "ban dân vận các cấp").
	if (strings.HasPrefix(head, "ban ") || strings.HasPrefix(head, "khối ")) && !(toks[i+1].cap || toks[i+1].caps) {
		return 0, false
	}
	hasCommittee := strings.HasSuffix(head, "ủy") || head == "thường trực"
	if head == "đảng ủy khối" {
		// "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp"
		for j < len(toks) && toks[j].kind == tWord && (toks[j].cap || bodyFiller[toks[j].low]) {
			j++
		}
		return j, true
	}
	if head == "học viện" || head == "sở" || head == "trường chính trị" || head == "trung tâm chính trị" || head == "công an" {
		// "Học viện Chính trị khu vực III", "Sở Nội vụ", "Công an tỉnh": the
		// proper name follows in capitals, with "khu vực" and a numeral.
		for j < len(toks) && j-i < 12 {
			t := toks[j]
			if _, _, verb := anyPhraseAt(toks, j, orgVerbs); verb {
				break
			}
			if t.kind == tWord && (t.cap || t.caps) && !notPlaceAt(toks, j) {
				j++
				continue
			}
			if t.kind == tWord && j > i+1 && toks[j-1].cap && titleWords[t.low] && !titleStops[t.low] && !placeWordSet[t.low] {
				j++ // "Chính trị"
				continue
			}
			if k, ok := phraseAt(toks, j, "khu vực"); ok {
				j = k
				continue
			}
			break
		}
		if k, _, ok := anyPhraseAt(toks, j, placeWords); ok {
			if p := placeName(toks, k); p > k {
				j = p
			} else if nx := tokAt(toks, k); !(nx.cap || nx.caps) {
				j = k
			}
		}
		return j, true
	}
	if strings.HasPrefix(head, "đảng ủy") || head == "ban chỉ huy quân sự" || head == "bộ chỉ huy quân sự" {
		// "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an huyện", "Đảng ủy Bộ đội Biên phòng tỉnh"
		if k, _, ok := anyPhraseAt(toks, j, agencyWords); ok && toks[j].cap {
			j = k
		}
	}
	for {
		if k, _, ok := anyPhraseAt(toks, j, committeeWords); ok && (toks[j].cap || toks[j].caps) {
			j, hasCommittee = k, true
			continue
		}
		if k, ok := phraseAt(toks, j, "việt nam"); ok {
			j = k
			continue
		}
		if k, _, ok := anyPhraseAt(toks, j, placeWords); ok {
			if p := placeName(toks, k); p > k {
				j = p
				break
			}
			if k < len(toks) && toks[j].low == "tỉnh" || toks[j].low == "huyện" || toks[j].low == "xã" {
				// "Ủy ban MTTQ Việt Nam tỉnh" with no name: the level word is part of the body.
				if nx := tokAt(toks, k); !(nx.cap || nx.caps) {
					j = k
				}
			}
			break
		}
		if hasCommittee {
			if p := placeName(toks, j); p > j {
				j = p
			}
		}
		break
	}
	return j, true
}

var placeWordSet = wordSet(`tỉnh huyện xã phường quận thành thị tp`)

// agencyWords follow "Đảng ủy" in the name of an agency's Party committee.
var agencyWords = newPhraseSet("quân sự", "công an", "bộ đội biên phòng", "biên phòng", "cơ quan",
	"ủy ban nhân dân", "ubnd", "doanh nghiệp", "khối cơ quan", "khối doanh nghiệp")

var bodyFiller = map[string]bool{"các": true, "cơ": true, "quan": true, "doanh": true, "nghiệp": true,
	"tỉnh": true, "huyện": true, "thành": true, "phố": true, "và": false}

// placeName reads one to three capitalized words of a place at toks[i]
// that are not the start of another name or a meeting word.
func placeName(toks []token, i int) int {
	j := i
	for j < len(toks) && j-i < 3 && toks[j].cap && toks[j].space {
		if notPlaceAt(toks, j) {
			break
		}
		j++
	}
	if j-i >= 1 && j-i <= 3 {
		// A person right after: "Huyện ủy Nguyễn Văn A" is not a place.
		if j-i == 3 && familyNames[toks[i].low] && middleNames[toks[i+1].low] {
			return i
		}
		return j
	}
	return i
}

// notPlace are capitalized words that end a place name.
var notPlace = map[string]bool{"lễ": true, "ban": true,
	"chủ": true, "dự": true, "phó": true, "trưởng": true, "ủy": true, "bí": true, "đảng": true,
	"mặt": true, "sáng": true, "chiều": true, "tại": true, "và": true, "tổng": true, "sơ": true,
	"triển": true, "tập": true, "cùng": true, "với": true, "phối": true, "đã": true}

// notPlacePhrases start with a capitalized word that may begin a place
// ("Đồng Nai", "Hội An", "Thường Tín", "Năm Căn") but are not one.
var notPlacePhrases = newPhraseSet("hội nghị", "hội thảo", "hội thi", "đồng chí", "tổ chức", "tuyên dương",
	"công tác", "quyết định", "thường trực", "đối thoại", "khen thưởng", "ngày", "năm", "thường vụ")

// notPlaceAt reports whether the capitalized word at toks[j] cannot
// start or continue a place name.
func notPlaceAt(toks []token, j int) bool {
	if notPlace[toks[j].low] {
		return true
	}
	e, p, ok := anyPhraseAt(toks, j, notPlacePhrases)
	if !ok {
		return false
	}
	if p == "ngày" || p == "năm" {
		return tokAt(toks, e).kind == tNum // "Ngày 5/6", "Năm 2023"
	}
	return true
}

// orgVerbs follow the organizer in a lead sentence or a headline.
var orgVerbs = newPhraseSet("tổ chức", "phối hợp", "long trọng", "đã tổ chức", "vừa tổ chức", "triển khai",
	"tổng kết", "sơ kết", "khai mạc", "mở lớp", "ra mắt", "họp", "đối thoại", "tập huấn", "tuyên dương", "trao",
	"có buổi làm việc", "làm việc", "gặp mặt", "tiếp xúc", "giao ban", "kiểm tra", "giám sát", "khảo sát")

// readOrganizer finds the body that organized the event.
func (a *analyzer) readOrganizer() {
	var toks []token
	i0, i1 := -1, -1
	// "do BODY tổ chức" and "BODY (phối hợp ...) tổ chức" in the first body sentences.
	n := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		n++
		if n > 8 {
			break
		}
		if b, e := firstOrganizer(s.toks); b >= 0 {
			toks, i0, i1 = s.toks, b, e
			break
		}
		// "Ngày 5/1, Ban Dân vận Huyện ủy Quế Sơn tổng kết công tác ..."
		if b, e := subjectBody(s.toks); b >= 0 {
			toks, i0, i1 = s.toks, b, e
			break
		}
	}
	if i0 < 0 && len(a.title) > 0 {
		// The headline: "Ban Dân vận Tỉnh ủy Sóc Trăng triển khai nhiệm vụ năm 2021".
		for i := 0; i < len(a.title) && i < 12; i++ {
			if e, ok := parseBody(a.title, i); ok {
				if _, _, v := anyPhraseAt(a.title, e, orgVerbs); v || e == len(a.title) || a.title[e].low == ":" {
					toks, i0, i1 = a.title, i, e
				}
				break
			}
		}
	}
	if i0 < 0 {
		a.warn("Không xác định được đơn vị tổ chức.")
		return
	}
	a.orgSpan = Span{toks[i0].start, toks[i1-1].end}
	a.orgName = a.d.text[a.orgSpan.Start:a.orgSpan.End]
	// The headline may give the same body with its place name.
	a.addPlaceFromTitle()
	a.level = levelOf(a.orgName)
	if a.level == LevelDistrict && strings.Contains(lowerASCIIish(a.orgName), "thành ủy") && !strings.Contains(lowerASCIIish(a.orgName), "thành ủy ") {
		a.warn("Thành ủy không ghi tên thành phố: coi là thành phố thuộc tỉnh (cấp huyện); kiểm tra lại nếu là thành phố trực thuộc Trung ương.")
	}
	if a.level == "" {
		a.warn("Không xác định được cấp của đơn vị tổ chức.")
	}
}

// firstOrganizer finds, in one sentence, the first body named before
// "tổ chức" (joint organizers: the first), or after "do".
func firstOrganizer(toks []token) (int, int) {
	verb := -1
	for i := range toks {
		if _, ok := phraseAt(toks, i, "tổ chức"); ok && toks[i].low == "tổ" && !toks[i].cap {
			if i > 0 && toks[i-1].low == "ban" {
				continue
			}
			verb = i
			break
		}
	}
	if verb < 0 {
		return -1, -1
	}
	// "Hội nghị do Ban Dân vận Huyện ủy tổ chức"
	for i := 0; i < verb; i++ {
		if toks[i].low == "do" {
			if e, ok := parseBody(toks, i+1); ok {
				return i + 1, e
			}
		}
	}
	for i := 0; i < verb; i++ {
		if e, ok := parseBody(toks, i); ok {
			if atPlace(toks, i) || issuerOf(toks, i) {
				// "tại Hội trường Huyện ủy": a venue; "Thực hiện Kế hoạch
				// ... của Ban Dân vận Tỉnh ủy": the issuer of a document.
				i = e - 1
				continue
			}
			return i, e
		}
	}
	return -1, -1
}

// issuerOf reports whether the body at toks[i] is named as the owner of
// something ("của Ban Dân vận Tỉnh ủy") or in a clause that cites a
// document ("Thực hiện ...", "Theo ...", "Căn cứ ...").
func issuerOf(toks []token, i int) bool {
	if i > 0 && (toks[i-1].low == "của" || toks[i-1].low == "theo") {
		return true
	}
	k := i - 1
	for k >= 0 && toks[k].low != "," && toks[k].low != ";" {
		k--
	}
	_, _, cites := anyPhraseAt(toks, k+1, citeWords)
	return cites
}

var citeWords = newPhraseSet("thực hiện", "theo", "căn cứ", "triển khai", "nhằm")

// atPlace reports whether the body at toks[i] names a venue: "tại trụ sở
// Huyện ủy", "ở Hội trường UBND huyện".
func atPlace(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].low {
		case "tại", "ở", "trường", "sở", "phòng":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// subjectBody finds a body directly followed by an event verb.
func subjectBody(toks []token) (int, int) {
	for i := 0; i < len(toks) && i < 30; i++ {
		e, ok := parseBody(toks, i)
		if !ok {
			continue
		}
		if atPlace(toks, i) {
			i = e - 1
			continue
		}
		k := e
		for k < len(toks) && (toks[k].low == "đã" || toks[k].low == "vừa") {
			k++
		}
		if _, _, v := anyPhraseAt(toks, k, orgVerbs); v {
			return i, e
		}
		i = e - 1
	}
	return -1, -1
}

// addPlaceFromTitle extends an organizer without a place name with the
// one the headline writes beside the same body.
func (a *analyzer) addPlaceFromTitle() {
	if len(a.title) == 0 {
		return
	}
	ts := a.d.text[a.title[0].start:a.title[len(a.title)-1].end]
	k := strings.Index(ts, a.orgName+" ")
	if k < 0 {
		return
	}
	off := a.title[0].start + k + len(a.orgName)
	for i, t := range a.title {
		if t.start < off {
			continue
		}
		if p := placeName(a.title, i); p > i && t.start == off+1 {
			a.orgSpan = Span{a.title[0].start + k, a.title[p-1].end}
			a.orgName = a.d.text[a.orgSpan.Start:a.orgSpan.End]
		}
		break
	}
}

// centralCities are the cities governed by the centre, whose Thành ủy is
// a province-level committee.
var centralCities = []string{"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế", "tp.hcm", "tphcm"}

// levelOf maps an organizer to its level.
func levelOf(org string) string {
	l := lowerASCIIish(org)
	has := func(s string) bool { return strings.Contains(l, s) }
	switch {
	case has("trung ương") || has("học viện"):
		return LevelCentral
	case has("đảng ủy khối") || strings.HasPrefix(l, "sở ") || strings.HasPrefix(l, "công an") ||
		strings.HasPrefix(l, "bộ chỉ huy") || strings.HasPrefix(l, "ban chỉ huy quân sự") || has("đảng ủy cơ quan") || has("đảng ủy công an") ||
		has("đảng ủy quân sự") || has("đảng ủy ubnd") || has("đảng ủy ủy ban"):
		return LevelAgency
	case has(" xã") || has(" phường") || has("thị trấn") || strings.HasPrefix(l, "khối dân vận") || has("đảng ủy"):
		return LevelCommune
	case has("tỉnh ủy") || has(" tỉnh") || strings.HasPrefix(l, "tỉnh "):
		return LevelProvince
	case has("thành ủy") || has("thành phố"):
		for _, c := range centralCities {
			if has(c) {
				return LevelProvince
			}
		}
		return LevelDistrict
	case has("huyện ủy") || has("thị ủy") || has("quận ủy") || has(" huyện") || has(" quận") || has("thị xã") ||
		strings.HasPrefix(l, "huyện ") || strings.HasPrefix(l, "quận "):
		return LevelDistrict
	}
	return ""
}
