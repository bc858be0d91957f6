package extract

import (
	"strings"
)

// bodyHeads begin the name of an organizing body (lower case).
var bodyHeads = newPhraseSet(
	"ban tuyên giáo và dân vận", "ban dân vận", "ban dv", "khối dân vận", "ban tuyên giáo", "ban tổ chức",
	"ban thường vụ", "ban thường trực", "thường trực", "đoàn chủ tịch", "hội đồng công tác quần chúng", "ban chỉ đạo", "đảng ủy khối", "đảng ủy", "đảng bộ",
	"huyện ủy", "tỉnh ủy", "thành ủy", "thị ủy", "quận ủy",
	"ủy ban trung ương mttqvn", "ủy ban trung ương mttq việt nam", "ủy ban trung ương mặt trận tổ quốc việt nam", "ủy ban trung ương mặt trận tổ quốc", "ủy ban trung ương mttq", "ubtư mttq việt nam", "ubtw mttq việt nam", "ubtư mttqvn", "ubtw mttqvn", "ubtư", "ubtw",
	"ủy ban mttq", "ủy ban mttqvn", "ủy ban mặt trận tổ quốc", "ubmttq", "ubmttqvn", "mttq", "mặt trận tổ quốc",
	"ub mttq", "ub mttqvn", "ub mặt trận tổ quốc", // "UB MTTQ": the committee's short form
	"ub . mttq", // "UB.MTTQ Việt Nam tỉnh": the same, with a full stop
	"ủy ban nhân dân", "ubnd", "hđnd", "hội đồng nhân dân", "ubkt", "ủy ban kiểm tra",
	"hội nông dân", "hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ",
	"hội cựu chiến binh", "hội ccb", "đoàn thanh niên", "đoàn tncs hồ chí minh", "đoàn tncs hcm", "huyện đoàn", "tỉnh đoàn", "thành đoàn",
	"xã đoàn", "phường đoàn", "quận đoàn", "thị đoàn", // a level word and "đoàn": the youth union's committee of that level
	"liên đoàn lao động", "công an", "bộ tư lệnh", "bộ chỉ huy quân sự", "ban chỉ huy quân sự", "bộ chqs", "ban chqs", "học viện", "sở",
	"trường chính trị", "trung tâm chính trị", "khối thi đua", "cụm thi đua", "khu phố", "tổ dân phố",
	"phòng", "đoàn khối", "ban cán sự đảng", "ban công tác mặt trận", "ban tôn giáo", "ban dân tộc", "khối vận", "đoàn xã", "đoàn phường", "đoàn thị trấn", "văn phòng quốc hội", "văn phòng chính phủ", "văn phòng trung ương đảng", "văn phòng trung ương",
)

// bodyPrefixes stand before the head of a mass organization's body:
// "Trung ương Hội Nông dân Việt Nam", "BCH Hội Nông dân huyện".
var bodyPrefixes = newPhraseSet("trung ương", "bch lâm thời", "ban chấp hành lâm thời", "bch", "ban chấp hành", "ban thường vụ", "btv")

// hamletWords name a neighbourhood or a hamlet.
var hamletWords = newPhraseSet("khu phố", "tổ dân phố", "ấp", "thôn", "bản", "khu dân cư", "khóm")

// youthCommittee are the Youth Union's committees named like a Party
// committee, with the place's bare name after them ("Huyện đoàn Đoan
// Hùng", "BTV Huyện đoàn Đoan Hùng").
var youthCommittee = map[string]bool{"huyện đoàn": true, "tỉnh đoàn": true, "thành đoàn": true,
	"xã đoàn": true, "phường đoàn": true, "quận đoàn": true, "thị đoàn": true}

// levelHeads are heads that end with their level word.
var levelHeads = map[string]bool{"đoàn xã": true, "đoàn phường": true, "đoàn thị trấn": true}

// committeeWords are Party committees that may follow a head:
// "Ban Dân vận Huyện ủy".
var committeeWords = newPhraseSet("huyện ủy", "tỉnh ủy", "thành ủy", "thị ủy", "quận ủy", "đảng ủy", "trung ương", "tw")

// placeWords introduce a place name: "huyện Mỹ Xuyên".
var placeWords = newPhraseSet("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "xã", "phường", "quận", "tp", "ttp", "tx", "đặc khu")

// levelWords are the place words that end a body when no name follows:
// "Hội Cựu chiến binh tỉnh", "Đảng ủy phường".
var levelWords = wordSet(`tỉnh huyện xã phường quận trấn xã`)

// agencyHeads follow "Đảng ủy" in the name of an agency's Party
// committee: "Đảng ủy Ban Quản lý ...", "Đảng ủy UBND thành phố".
var agencyHeads = newPhraseSet("ban quản lý", "ubnd", "ủy ban nhân dân", "cơ quan", "khối cơ quan", "khối doanh nghiệp",
	"doanh nghiệp", "công ty", "tổng công ty", "bệnh viện", "trường", "sở", "bộ", "cục", "tập đoàn", "ngân hàng",
	"học viện", "viện", "liên hiệp hội", "liên hiệp các hội", "văn phòng")

// agencyWords follow "Đảng ủy" in the name of an armed force's Party
// committee: "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an huyện".
var agencyWords = newPhraseSet("quân sự", "công an", "bộ đội biên phòng", "biên phòng", "cơ quan",
	"ủy ban nhân dân", "ubnd", "doanh nghiệp", "khối cơ quan", "khối doanh nghiệp")

// militaryCommands follow "Đảng ủy," in "Đảng ủy, Bộ CHQS tỉnh": the
// Party committee and the command written as one organizer.
var militaryCommands = newPhraseSet("bộ chqs", "ban chqs", "bộ chỉ huy quân sự", "ban chỉ huy quân sự",
	"bộ chỉ huy bộ đội biên phòng", "công an")

var bodyFiller = map[string]bool{"các": true, "cơ": true, "quan": true, "doanh": true, "nghiệp": true,
	"tỉnh": true, "huyện": true, "thành": true, "phố": true}

// parseBody reads the name of a body starting at toks[i]; it returns the
// index after it, or ok=false. With lower set the name may start in lower
// case ("hội cựu chiến binh huyện Chi Lăng tổ chức ...").
func parseBody(toks []token, i int, lower bool) (end int, ok bool) {
	if i >= len(toks) || !(toks[i].cap || toks[i].caps || lower && toks[i].kind == tWord) {
		return 0, false
	}
	if k, _, ok := anyPhraseAt(toks, i, bodyPrefixes); ok {
		// "Ban chấp hành (BCH) huyện Đoàn Bù Đốp": its abbreviation
		// between, and a youth committee written from its place word.
		k = skipAside(toks, k)
		_, yh, _ := anyPhraseAt(toks, k, bodyHeads)
		youth := youthCommittee[yh]
		if k >= len(toks) || !(toks[k].cap || toks[k].caps || youth) {
			k = len(toks)
		}
		// "Trung ương Hội Nông dân Việt Nam", "BCH Hội Nông dân huyện":
		// the body's own executive or central level before its head.
		if e, ok := parseBody(toks, k, youth); ok {
			if _, h, _ := anyPhraseAt(toks, k, bodyHeads); strings.HasPrefix(h, "hội") || strings.HasPrefix(h, "đoàn") ||
				h == "liên đoàn lao động" || youthCommittee[h] || h == "đảng bộ" {
				return e, true
			}
		}
	}
	j, head, ok := anyPhraseAt(toks, i, bodyHeads)
	if !ok {
		return 0, false
	}
	if w := tokAt(toks, j).low; (w == "các" || w == "những") && head != "đảng ủy khối" && head != "khối thi đua" && head != "cụm thi đua" {
		return 0, false // "Ban Dân vận các huyện", "Hội Nông dân các cấp": no one body
	}
	// The head's own words must be capitalized as a name ("Ban Dân vận",
	// not "ban dân vận các cấp"), unless a place or a committee follows it
	// ("Khối dân vận phường Hải Hòa").
	if !lower && head != "ban chỉ đạo" && head != "ban cán sự đảng" && (strings.HasPrefix(head, "ban ") || strings.HasPrefix(head, "khối ")) && !(toks[i+1].cap || toks[i+1].caps) {
		if _, _, p := anyPhraseAt(toks, j, placeWords); !p {
			if _, _, c := anyPhraseAt(toks, j, committeeWords); !c || !toks[j].cap {
				return 0, false
			}
		}
	}
	switch head {
	case "đoàn chủ tịch":
		// "Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam": the Front's
		// presidium, named with its committee.
		if e, ok := parseBody(toks, j, false); ok {
			return e, true
		}
		return 0, false
	case "ban thường trực", "thường trực", "ban thường vụ":
		// "Ban Thường trực Ủy ban MTTQ Việt Nam huyện", "Thường trực khối
		// Dân vận", "Ban Thường vụ Tỉnh ủy Quảng Ngãi".
		if tokAt(toks, j).low != "thường" {
			if e, ok := parseBody(toks, j, true); ok {
				return e, true
			}
		}
		return committeeAndPlace(toks, j, true), true
	case "đảng ủy khối", "đoàn khối":
		// "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp",
		// "Đoàn Khối Cơ quan và Doanh nghiệp tỉnh"
		// "Đoàn Khối CCQ Tỉnh": the bloc's abbreviation, in capitals.
		for j < len(toks) && toks[j].kind == tWord && (toks[j].cap || toks[j].caps || bodyFiller[toks[j].low] ||
			toks[j].low == "và" && tokAt(toks, j+1).cap) {
			j++
		}
		return j, true
	case "cụm thi đua", "khối thi đua":
		return clusterEnd(toks, j), true
	case "ban chỉ đạo":
		// "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã Hưng Thuận",
		// "Ban Chỉ đạo (BCĐ) thực hiện Quy chế dân chủ (QCDC) ở cơ sở tỉnh":
		// its remit, up to its place.
		if e := remitEnd(toks, j); e > j {
			return e, true
		}
		if e := steeringRemitEnd(toks, j); e > j {
			return e, true
		}
	case "học viện", "sở", "trường chính trị", "trung tâm chính trị", "công an":
		return properNameEnd(toks, j), true
	case "bộ tư lệnh":
		// "Bộ Tư lệnh Quân khu 7", "Bộ Tư lệnh Bộ đội Biên phòng tỉnh":
		// the command's name, with a numbered region.
		e := properNameEnd(toks, j)
		if e > j && tokAt(toks, e).kind == tNum && len(tokAt(toks, e).low) <= 2 {
			e++
		}
		return e, true
	case "phòng":
		// "Phòng Dân tộc huyện Kông Chro", "Phòng Văn hóa - Thông tin
		// huyện": a district's office, its field up to its place.
		if !toks[i].cap || !tokAt(toks, j).cap {
			return 0, false
		}
		return officeEnd(toks, j), true
	case "đảng ủy":
		// "Đảng ủy, Bộ CHQS tỉnh": the committee and its command.
		if tokAt(toks, j).low == "," {
			if k, _, ok := anyPhraseAt(toks, j+1, militaryCommands); ok && toks[j+1].cap {
				return placeAfter(toks, k, true), true
			}
		}
		if k, _, ok := anyPhraseAt(toks, j, agencyHeads); ok && (toks[j].cap || toks[j].caps) {
			// "Đảng ủy Ban Quản lý các Khu Chế xuất và Công nghiệp Thành
			// phố", "Đảng ủy UBND TP. Hồ Chí Minh".
			return agencyNameEnd(toks, j, k), true
		}
		if k, _, ok := anyPhraseAt(toks, j, agencyWords); ok && toks[j].cap {
			j = k
		}
	case "ban chỉ huy quân sự", "bộ chỉ huy quân sự", "bộ chqs", "ban chqs":
		if tokAt(toks, j).low == "(" && tokAt(toks, j+1).caps && tokAt(toks, j+2).low == ")" {
			if e := placeAfter(toks, j+3, true); e > j+3 {
				return e, true // "Bộ Chỉ huy Quân sự (CHQS) tỉnh"
			}
		}
		return placeAfter(toks, j, true), true
	case "ban cán sự đảng":
		// "Ban cán sự Đảng UBND tỉnh": the Party group of a government.
		if k, _, ok := anyPhraseAt(toks, j, agencyHeads); ok && (toks[j].cap || toks[j].caps) {
			return agencyNameEnd(toks, j, k), true
		}
		return 0, false
	case "ban tôn giáo", "ban dân tộc":
		// "Ban Tôn giáo tỉnh", "Ban Tôn giáo Chính phủ"
		if k, ok := phraseAt(toks, j, "chính phủ"); ok && toks[j].cap {
			return k, true
		}
		return placeAfter(toks, j, true), true
	case "ban công tác mặt trận":
		// "Ban Công tác Mặt trận khu phố 6", "... Khu phố 21 phường Bình
		// Phú", "... ấp Bình Lợi": the neighbourhood's front committee.
		if k, _, ok := anyPhraseAt(toks, j, hamletWords); ok {
			j = k
			if t := tokAt(toks, j); t.kind == tNum && len(t.low) <= 3 || t.cap {
				j++
			}
		}
		return placeAfter(toks, j, true), true
	case "khu phố", "tổ dân phố":
		// "Khu phố 5 phường Cầu Kho"
		if t := tokAt(toks, j); t.kind == tNum && len(t.low) <= 3 || t.cap {
			j++
		}
		return placeAfter(toks, j, true), true
	}
	// "(CCB)", "(MTQVN)": an abbreviation in brackets after the head.
	// "Đoàn xã Đông Sơn": a head that ends with its level word takes the
	// place's bare name after it, as a committee does.
	committee := strings.HasSuffix(head, "ủy") || head == "đảng bộ" || youthCommittee[head] || levelHeads[head]
	if tokAt(toks, j).low == "(" && tokAt(toks, j+1).caps && tokAt(toks, j+2).low == ")" {
		// Kept when the name goes on after it ("Hội Nông dân (ND)
		// TX.Bến Cát"), not when it closes the name.
		if e := committeeAndPlace(toks, j+3, committee); e > j+3 {
			return e, true
		}
	}
	return committeeAndPlace(toks, j, committee), true
}

// committeeAndPlace reads what may follow a head: Party committees
// ("Huyện ủy"), "Việt Nam", an abbreviation in brackets and a place
// ("huyện Mỹ Xuyên", "Quận 5", "tỉnh"). hasCommittee says the body is
// already a committee, so a bare proper name after it is its place
// ("Huyện ủy Quế Sơn").
func committeeAndPlace(toks []token, j int, hasCommittee bool) int {
	for {
		if k, _, ok := anyPhraseAt(toks, j, committeeWords); ok && (toks[j].cap || toks[j].caps ||
			k-j == 2 && tokAt(toks, k).cap && tokAt(toks, k).kind == tWord && !placeWordSet[tokAt(toks, k).low]) {
			// "Huyện ủy", or "huyện uỷ Bố Trạch": a committee written in
			// lower case with its place after it.
			j, hasCommittee = k, true
			continue
		}
		if k, ok := phraseAt(toks, j, "việt nam"); ok {
			j = k
			continue
		}
		if t := tokAt(toks, j); t.low == "vn" && t.caps {
			j++
			continue
		}
		if tokAt(toks, j).low == "(" && tokAt(toks, j+1).caps && tokAt(toks, j+2).low == ")" {
			// "Hội Nông dân (ND) TX.Bến Cát": kept when the name goes on
			// after it; "Trung ương Hội Nông dân Việt Nam (NDVN)" ends
			// before it.
			if e := committeeAndPlace(toks, j+3, hasCommittee); e > j+3 {
				return e
			}
			break
		}
		break
	}
	if k := placeAfter(toks, j, false); k > j {
		return k
	}
	if hasCommittee {
		if p := placeName(toks, j); p > j {
			return p
		}
		// "Quận ủy Quận 9"
		if t := tokAt(toks, j); t.cap && placeWordSet[t.low] && tokAt(toks, j+1).kind == tNum && len(tokAt(toks, j+1).low) <= 3 {
			return j + 2
		}
	} else if p := placeName(toks, j); p > j && isCentralCity(joinTokens(toks, j, p)) {
		// "Ban Dân vận Đà Nẵng"
		return p
	}
	return j
}

// placeAfter reads a place at toks[j]: a place word and its name ("huyện
// Mỹ Xuyên", "TP. Thủ Đức", "TP.HCM"), or number ("Quận 5", "phường 6"),
// or a place word alone when no name follows ("tỉnh" in "Hội Cựu chiến
// binh tỉnh"). It returns j when there is none. A name after a place word
// may be a person's name too ("huyện Trần Văn Thời"); after a committee
// the caller checks that (placeName).
func placeAfter(toks []token, j int, levelAlone bool) int {
	k, w, ok := anyPhraseAt(toks, j, placeWords)
	if !ok {
		return j
	}
	if w == "tp" || w == "ttp" || w == "tx" {
		// "TP. Thủ Đức", "TP.HCM", "TTP. Hồ Chí Minh", "TX.Bến Cát"
		if !(toks[j].caps || toks[j].cap) {
			return j
		}
		if tokAt(toks, k).low != "." {
			// "TP Hà Nội", "TP HCM": the name after a space.
			if t := tokAt(toks, k); toks[j].caps && t.caps && t.kind == tWord {
				return k + 1
			}
			if p := placeNameAfterLevel(toks, k); toks[j].caps && p > k {
				return p
			}
			return j
		}
		k++
		if t := tokAt(toks, k); t.caps && !t.space {
			return k + 1
		}
		if t := tokAt(toks, k); t.cap && !t.space {
			// "TX.Bến Cát": the name written against the dot.
			return placeNameAfterLevel(toks, k+1)
		}
		if p := placeNameAfterLevel(toks, k); p > k {
			return p
		}
		return j
	}
	if p := placeNameAfterLevel(toks, k); p > k {
		return p
	}
	if t := tokAt(toks, k); t.kind == tNum && len(t.low) <= 3 && !strings.ContainsAny(t.low, ".,") && t.space {
		return k + 1 // "Quận 5", "phường 6"
	}
	if nx := tokAt(toks, k); !(nx.cap || nx.caps) && (levelAlone || nx.low != ",") {
		// A place word alone: part of the body ("Hội Cựu chiến binh
		// tỉnh"), unless a list of levels follows ("tỉnh, huyện").
		return k
	}
	return j
}

// capsPlaceEnd reads, in a headline written in capitals, the place after
// a body up to the colon that ends the body ("ỦY BAN MTTQ VIỆT NAM HUYỆN
// NGHĨA HÀNH: NGHIỆM THU, BÀN GIAO ..."): a place word and one to four
// words in capitals. It returns e when there is none.
func capsPlaceEnd(toks []token, e int) int {
	k, _, ok := anyPhraseAt(toks, e, placeWords)
	if !ok || !toks[e].caps {
		return e
	}
	j := k
	for j < len(toks) && j-k < 4 && toks[j].caps && toks[j].kind == tWord {
		j++
	}
	if j == k || tokAt(toks, j).low != ":" {
		return e
	}
	return j
}

// placeNameAfterLevel reads one to four capitalized words of a place name
// after a place word.
func placeNameAfterLevel(toks []token, i int) int {
	j := i
	for j < len(toks) && j-i < 4 && toks[j].cap && toks[j].space {
		if notPlaceAt(toks, j) {
			break
		}
		j++
	}
	return j
}

// remitEnd reads a steering committee's remit and place after its head,
// up to the verb; it returns j when no place ends the remit.
func remitEnd(toks []token, j int) int {
	// "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong
	// trào ... tỉnh": a remit listed with commas.
	if e := listedRemitEnd(toks, j); e > j {
		return e
	}
	if reviewRemit(toks, j) {
		// "Ban Chỉ đạo tổng kết 10 năm thực hiện Kết luận 62": a committee
		// set up for a review, named by it; its name runs to the
		// capitalized words of what it reviews.
		k := j + 2
		for k < len(toks) && k < j+20 && (toks[k].kind != tPunct || toks[k].low == "-" || toks[k].low == "/") {
			if _, _, v := anyPhraseAt(toks, k, orgVerbs); v || toks[k].low == "tại" || toks[k].low == "đã" {
				break
			}
			if toks[k].low == "của" && !tokAt(toks, k+1).cap {
				break // "... của Bộ Chính trị" goes on with the remit's document
			}
			k++
		}
		return k
	}
	for k := j; k < len(toks) && k < j+20; k++ {
		t := toks[k]
		if _, p, v := anyPhraseAt(toks, k, orgVerbs); v && !(p == "phối hợp" && remitNoun[tokAt(toks, k+2).low]) || t.low == "đã" || t.low == "vừa" {
			break // "phối hợp công tác Dân vận" is part of the remit
		}
		if t.kind == tPunct && !strings.Contains("()“”\"", t.low) {
			break
		}
		if _, w, ok := anyPhraseAt(toks, k, placeWords); ok && !toks[k].cap && w != "tp" && w != "ttp" {
			if p := placeAfter(toks, k, true); p > k {
				if subjectOf(toks, p) || tokAt(toks, p).low == "," || p == len(toks) {
					return p
				}
			}
		}
	}
	return j
}

// listedRemitEnd reads a steering committee's remit that lists its fields
// with commas, up to a place word and its verb (or a bracketed short name
// before it); it returns j when there is none.
func listedRemitEnd(toks []token, j int) int {
	for k := j; k < len(toks) && k < j+40; k++ {
		t := toks[k]
		if t.kind == tPunct && t.low != "," && t.low != "-" {
			return j
		}
		if t.low == "," && (tokAt(toks, k+1).cap || tokAt(toks, k+1).kind != tWord) {
			return j
		}
		if _, w, ok := anyPhraseAt(toks, k, placeWords); ok && !t.cap && w != "tp" && w != "ttp" && k > j+3 {
			p := placeAfter(toks, k, true)
			if p <= k {
				continue
			}
			e := p
			if tokAt(toks, e).low == "(" {
				for e < len(toks) && toks[e].low != ")" {
					e++
				}
				e++
			}
			if subjectOf(toks, e) {
				return p
			}
		}
	}
	return j
}

// reviewRemit reports a review word right after "Ban Chỉ đạo" that names
// its remit, not what it did: "Ban Chỉ đạo tổng kết 10 năm thực hiện
// ...", "Ban Chỉ đạo sơ kết việc thực hiện ...".
func reviewRemit(toks []token, j int) bool {
	w := tokAt(toks, j).low + " " + tokAt(toks, j+1).low
	if w != "tổng kết" && w != "sơ kết" {
		return false
	}
	n := tokAt(toks, j+2)
	return n.kind == tNum || n.low == "việc" || n.low == "thực"
}

// officeEnd reads a district office's field and place after "Phòng":
// up to five words to a place word and the place ("Dân tộc huyện Kông
// Chro"), else its capitalized words.
func officeEnd(toks []token, j int) int {
	for k := j; k < len(toks) && k < j+6; k++ {
		t := toks[k]
		if _, w, ok := anyPhraseAt(toks, k, placeWords); ok && !t.cap && w != "tp" && w != "ttp" {
			if p := placeAfter(toks, k, true); p > k {
				return p
			}
			break
		}
		if t.kind == tPunct && t.low != "-" && t.low != "–" || t.kind == tNum {
			break
		}
		if _, _, v := anyPhraseAt(toks, k, orgVerbs); v {
			break
		}
	}
	return properNameEnd(toks, j)
}

// remitNoun follow "phối hợp" when it names a remit, not the verb: "Ban
// Chỉ đạo điều hành phối hợp công tác Dân vận tỉnh".
var remitNoun = wordSet(`công hoạt thực`)

// clusterEnd reads the rest of a competition cluster's name, up to the
// verb: "Cụm thi đua 1 (gồm ...)", "Khối thi đua Mặt trận 13 xã, thị trấn
// của huyện Vạn Ninh tổ chức". Without a verb close by it keeps the
// capitalized words and a number.
func clusterEnd(toks []token, j int) int {
	for k := j; k < len(toks) && k < j+16; k++ {
		t := toks[k]
		if t.low == "(" || t.low == ";" || t.low == ":" || t.low == "." {
			break
		}
		if t.low == "gồm" && k > j {
			return k // "Cụm thi đua Mặt trận 5 thành phố ... gồm: Hà Nội, ..."
		}
		if _, _, v := anyPhraseAt(toks, k, orgVerbs); v || t.low == "đã" || t.low == "vừa" {
			if k > j {
				return k
			}
			break
		}
	}
	for j < len(toks) && (toks[j].cap || toks[j].caps || toks[j].kind == tNum && len(toks[j].low) <= 3) {
		j++
	}
	return j
}

// properNameEnd reads the proper name of an academy, a department or a
// school: capitalized words, "khu vực" and a numeral ("Học viện Chính trị
// khu vực III", "Sở Nội vụ", "Công an tỉnh").
func properNameEnd(toks []token, j int) int {
	i := j
	for j < len(toks) && j-i < 12 {
		t := toks[j]
		if _, _, verb := anyPhraseAt(toks, j, orgVerbs); verb {
			break
		}
		if t.kind == tWord && (t.cap || t.caps) && !notPlaceAt(toks, j) {
			j++
			continue
		}
		if t.kind == tWord && j > i && toks[j-1].cap && !placeWordSet[t.low] && (titleWords[t.low] && !titleStops[t.low] || secondSyllable(toks, j)) {
			j++ // "Chính trị", "Thông tin"
			continue
		}
		if k, ok := phraseAt(toks, j, "khu vực"); ok {
			j = k
			continue
		}
		// "Sở Dân tộc và Tôn giáo", "Sở Văn hóa, Thể thao và Du lịch": a
		// department named after two fields; "và" before another body
		// ("Sở Nội vụ và Sở Tư pháp") joins two organizers instead.
		if (t.low == "và" || t.low == ",") && j > i && toks[j-1].kind == tWord && !notPlaceAt(toks, j+1) {
			if nx := tokAt(toks, j+1); nx.cap && nx.kind == tWord {
				if _, _, other := anyPhraseAt(toks, j+1, bodyHeads); !other && !placeWordSet[nx.low] {
					j++
					continue
				}
			}
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
	return j
}

// agencyNameEnd reads the name of the agency after "Đảng ủy" (its head
// from j to k): capitalized words, "các", "và" between capitalized words,
// abbreviations such as "TP." and a place.
func agencyNameEnd(toks []token, j, k int) int {
	for k < len(toks) {
		t := toks[k]
		if _, _, verb := anyPhraseAt(toks, k, orgVerbs); verb {
			break
		}
		switch {
		case t.kind == tWord && (t.cap || t.caps):
			if c, _, ok := anyPhraseAt(toks, k, committeeWords); ok {
				k = c // "Đảng ủy Văn phòng Tỉnh ủy"
				continue
			}
			if p := placeAfter(toks, k, false); p > k {
				return p
			}
			k++
			continue
		case t.low == "các":
			k++
			continue
		case t.low == "và" && tokAt(toks, k+1).cap:
			k++
			continue
		case t.kind == tWord && toks[k-1].cap && nameGoesOn(toks, k+1):
			k++ // the second syllable of a word of the name: "Quản lý", "Thành phố"
			continue
		}
		break
	}
	if p := placeAfter(toks, k, false); p > k {
		return p
	}
	return k
}

// nameGoesOn reports whether a proper name may go on through toks[k-1]
// to toks[k]: a capitalized word, a filler before one, or the end of the
// name (a bracket, a comma, the verb).
func nameGoesOn(toks []token, k int) bool {
	t := tokAt(toks, k)
	switch {
	case t.cap || t.caps:
		return true
	case t.low == "các" || t.low == "và":
		return tokAt(toks, k+1).cap
	case t.low == "(" || t.low == "," || t.low == "đã" || t.low == "vừa" || t.kind == tNone:
		return true
	}
	_, _, v := anyPhraseAt(toks, k, orgVerbs)
	return v
}

var placeWordSet = wordSet(`tỉnh huyện xã phường quận thành thị tp`)

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
	"triển": true, "tập": true, "cùng": true, "với": true, "phối": true, "đã": true, "hội": true, "ubnd": true,
	"hđnd": true, "tổ": true}

// chuWords follow "Chủ" in a title or a role: "Chủ tịch", "Chủ trì".
var chuWords = wordSet(`tịch trì nhiệm tọa tọa`)

// notPlacePhrases start with a capitalized word that may begin a place
// ("Đồng Nai", "Hội An", "Thường Tín", "Năm Căn") but are not one.
var notPlacePhrases = newPhraseSet("hội nghị", "hội thảo", "hội thi", "đồng chí", "tổ chức", "tuyên dương",
	"công tác", "quyết định", "thường trực", "đối thoại", "khen thưởng", "ngày", "năm", "thường vụ")

// notPlaceAt reports whether the capitalized word at toks[j] cannot
// start or continue a place name.
func notPlaceAt(toks []token, j int) bool {
	if notPlace[toks[j].low] {
		// "Hội An" is a place; "Hội nghị", "Hội Nông dân" are not.
		if toks[j].low == "hội" && tokAt(toks, j+1).low == "an" {
			return false
		}
		// "xã Dân Chủ" is a place; "Chủ tịch", "Chủ trì" are not.
		if toks[j].low == "chủ" && !chuWords[tokAt(toks, j+1).low] {
			return false
		}
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
	"có buổi làm việc", "làm việc", "gặp mặt", "tiếp xúc", "giao ban", "kiểm tra", "giám sát", "khảo sát",
	"ra quân", "họp mặt", "biểu dương", "quán triệt", "phát động", "chính thức", "tọa đàm", "hội thảo", "tiến hành", "ký kết", "bàn giao",
	"trân trọng đón tiếp", "đón tiếp")

// handoutVerbs say that a body gives what a hand-out gives: the body
// written before them is the one that holds the hand-out ("Hội Nông dân
// TP Hà Nội đã tặng ...", "Ban Thường trực ... vừa trích Quỹ ...", "Ban
// Chấp hành Hội Nông dân xã ... đã thăm, tặng quà").
var handoutVerbs = newPhraseSet("tặng", "trao tặng", "hỗ trợ", "trích", "xây tặng",
	"thăm, tặng", "thăm và tặng", "thăm, trao", "thăm và trao", "đến thăm, tặng", "đến thăm, trao",
	"đến thăm và tặng", "đến thăm và trao", "thăm, động viên và tặng", "thăm hỏi, tặng")

// jointGivers reads, after a body ending at toks[e], the others that
// give a hand-out with it though they are no bodies of the list: a fund,
// a firm, a newspaper ("Trung ương Hội Nông dân Việt Nam, Quỹ Thiện tâm
// (Tập đoàn Vingroup) và Báo Điện tử VTC News trao ..."). Each opens with
// a capital after a comma or "và", the last after "và"; it returns where
// the verb should stand.
func jointGivers(toks []token, e int) (int, bool) {
	q := e
	for n := 0; n < 4; n++ {
		sep := tokAt(toks, q).low
		if sep != "," && sep != "và" {
			return 0, false
		}
		q++
		if !tokAt(toks, q).cap && !tokAt(toks, q).caps {
			return 0, false
		}
		for k := 0; q < len(toks) && k < 10; k++ {
			t := toks[q]
			if t.low == "(" {
				for q < len(toks) && toks[q].low != ")" {
					q++
				}
				q++
				continue
			}
			if t.kind != tWord || t.low == "và" {
				break
			}
			if k > 0 && (t.low == "đã" || t.low == "vừa") {
				break
			}
			if _, _, ok := anyPhraseAt(toks, q, handoutVerbs); ok && k > 0 {
				break
			}
			if _, _, ok := anyPhraseAt(toks, q, orgVerbs); ok && k > 0 {
				break
			}
			q++
		}
		if sep == "và" {
			return q, true
		}
	}
	return 0, false
}

// delegateGives reports, after a body ending at toks[e] that follows
// "đại diện", a comma, "ông", "bà" or "đồng chí" and a name, then a
// hand-out verb: the official hands out for the body.
func delegateGives(toks []token, e int) bool {
	if tokAt(toks, e).low != "," {
		return false
	}
	k := e + 1
	switch tokAt(toks, k).low {
	case "ông", "bà":
		k++
	case "đồng":
		if tokAt(toks, k+1).low != "chí" {
			return false
		}
		k += 2
	default:
		return false
	}
	n := k
	for k < len(toks) && k-n < 4 && toks[k].cap && toks[k].kind == tWord {
		k++
	}
	if k-n < 2 {
		return false
	}
	for k < len(toks) && (toks[k].low == "đã" || toks[k].low == "vừa") {
		k++
	}
	if tokAt(toks, k).low == "trao" {
		_, _, award := anyPhraseAt(toks, k+1, awardObjects)
		return !award
	}
	return handoutSubject(toks, k)
}

// awardObjects are what a body gives as an award, not as a hand-out:
// "Giám đốc Công an tỉnh tặng giấy khen cho ...".
var awardObjects = newPhraseSet("bằng khen", "giấy khen", "cờ", "kỷ niệm chương", "danh hiệu", "hoa", "lẵng hoa", "huy hiệu")

// handoutSubject reports a hand-out verb at toks[e], after "đã", "vừa"
// or "cũng", whose object is no award: the body before e gives the
// hand-out. It is read in a headline and a lead only, where the giver of
// a hand-out report is named (readOrganizer).
func handoutSubject(toks []token, e int) bool {
	for e < len(toks) && (toks[e].low == "đã" || toks[e].low == "vừa" || toks[e].low == "cũng") {
		e++
	}
	k, _, ok := anyPhraseAt(toks, e, handoutVerbs)
	if !ok {
		return false
	}
	_, _, award := anyPhraseAt(toks, k, awardObjects)
	return !award
}

// nounTổChức reports whether "tổ chức" at toks[i] is the noun ("các tổ
// chức chính trị - xã hội", "tổ chức cơ sở đảng"), not the verb.
func nounToChuc(toks []token, i int) bool {
	switch tokAt(toks, i-1).low {
	case "các", "những", "ban", "đích", "về", "hoạch":
		return true // "Kế hoạch ... về tổ chức Đại hội": what a plan is about
	}
	switch tokAt(toks, i+2).low {
	case "thành":
		// "tổ chức thành viên" names members; "tổ chức thành công Đại
		// hội" is the verb and how it went.
		return tokAt(toks, i+3).low != "công"
	case "chính", "đoàn", "cơ", "đảng", "quần", "xã", "kinh", "bộ":
		return true
	}
	return false
}

// readOrganizer finds the body that organized the event, completes its
// place from elsewhere in the article when it stands without one, and
// reads its level.
func (a *analyzer) readOrganizer() {
	// A model report has no meeting; it has an organizer only when the
	// text says a body launched or reviewed it ("Ban Chỉ đạo ... huyện
	// Chợ Đồn vừa tổ chức bình xét ..."), not from its headline.
	model := a.eventType == TypeMoHinh
	var toks []token
	i0, i1, placeTok := -1, -1, -1
	bare := false // the organizer is a place ("xã Sơn Trà tổ chức")
	var occToks []token
	occ0, occ1, occPlace := -1, -1, -1
	n := 0
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		n++
		if n > 8 {
			break
		}
		if occasion(s.toks) {
			// "Dịp này, UBND huyện ... biểu dương": who gives awards; kept
			// only for an article that names no other organizer ("Tại buổi
			// họp mặt, Hội LHPN tỉnh đã phát động và tổ chức ký kết ...").
			if occ0 < 0 {
				if b, e, p, isPlace := a.organizerIn(s.toks); b >= 0 && !isPlace {
					occToks, occ0, occ1, occPlace = s.toks, b, e, p
				}
			}
			continue
		}
		a.handoutLead = n == 1
		b, e, p, isPlace := a.organizerIn(s.toks)
		a.handoutLead = false
		if b >= 0 && (i0 < 0 || !isPlace) && !(model && isPlace) {
			toks, i0, i1, placeTok, bare = s.toks, b, e, p, isPlace
			if !isPlace {
				break
			}
		}
	}
	if model && i0 < 0 {
		return
	}
	if (i0 < 0 || bare) && len(a.title) > 0 {
		// The headline: "Ban Dân vận Tỉnh ủy Sóc Trăng triển khai nhiệm vụ
		// năm 2021", "Đảng ủy - HĐND - UBND xã Hòa Lạc tổ chức ...".
		for i := 0; i < len(a.title) && i < 12; i++ {
			if e, ok := parseBody(a.title, i, false); ok {
				e = capsPlaceEnd(a.title, e)
				e2, p := jointPlace(a.title, i, e)
				if subjectOf(a.title, e2) || handoutSubject(a.title, e2) || e2 == len(a.title) && i == 0 || tokAt(a.title, e2).low == ":" {
					toks, i0, i1, placeTok, bare = a.title, i, e, p, false
				}
				break
			}
		}
	}
	if i0 < 0 && len(a.title) > 0 {
		// A headline written as a sentence: "Chiều ngày 30 tháng 5 năm 2022
		// xã Sơn Trà tổ chức hội nghị ...".
		if b, e, p, _ := a.organizerIn(a.title); b >= 0 {
			toks, i0, i1, placeTok = a.title, b, e, p
		}
	}
	if i0 < 0 && !model {
		// "Hội nghị tổng kết công tác Hội Cựu chiến binh huyện Phú Quý năm
		// 2023 diễn ra ...": with no body written as holding it, a review
		// named after a body's work is that body's own.
		lists := a.headlineAndBody(8)
		for _, ts := range lists {
			if b, e, ok := reviewedBody(ts); ok {
				toks, i0, i1, placeTok = ts, b, e, -1
				break
			}
		}
	}
	if i0 < 0 && occ0 >= 0 && !model {
		toks, i0, i1, placeTok = occToks, occ0, occ1, occPlace
	}
	if i0 < 0 {
		a.warn("Không xác định được đơn vị tổ chức.")
		return
	}
	a.orgSpan = Span{toks[i0].start, toks[i1-1].end}
	a.orgName = a.d.text[a.orgSpan.Start:a.orgSpan.End]
	if placeTok >= 0 {
		// Joint organizers sharing a place: "Đảng uỷ, HĐND, UBND xã Châu
		// Đình" gives "Đảng ủy xã Châu Đình".
		pe := placeAfter(toks, placeTok, true)
		ps := placeTok
		youth := i1-i0 >= 2 && youthCommittee[toks[i1-2].low+" "+toks[i1-1].low]
		if last := toks[i1-1]; (last.low == "ủy" || last.low == "uỷ") && tokAt(toks, i1-2).low != "đảng" || youth {
			// "Ban Dân vận Tỉnh ủy, Ủy ban MTTQ tỉnh Thanh Hóa": a
			// committee takes the place's name alone ("Tỉnh ủy Thanh Hóa").
			if _, w, ok := anyPhraseAt(toks, ps, placeWords); ok && !toks[ps].cap && w != "tp" && w != "tx" && w != "ttp" {
				if e, _, _ := anyPhraseAt(toks, ps, placeWords); e < pe {
					ps = e
				}
			}
		}
		a.orgPlace = Span{toks[ps].start, toks[pe-1].end}
		a.orgName += " " + a.d.text[a.orgPlace.Start:a.orgPlace.End]
	} else if needsPlace(toks[i0:i1]) {
		a.completePlace(toks[i0:i1])
	}
	a.level = a.levelOf(toks, i0, i1)
	a.fullestFront()
	l := lowerASCIIish(a.orgName)
	if a.level == LevelDistrict && strings.HasSuffix(l, "thành ủy") && a.cityOfDistricts() {
		// "Ban Dân vận Thành ủy ..., lãnh đạo Ban Dân vận các quận uỷ,
		// huyện ủy": a city with urban districts under it is governed by
		// the centre.
		a.level = LevelProvince
	} else if a.level == LevelDistrict && strings.HasSuffix(l, "thành ủy") {
		a.warn("Thành ủy không ghi tên thành phố: coi là thành phố thuộc tỉnh (cấp huyện); kiểm tra lại nếu là thành phố trực thuộc Trung ương.")
	} else if needsPlace(toks[i0:i1]) && a.orgPlace == (Span{}) && !bareLevel(l) {
		a.warn("Đơn vị tổ chức không kèm địa danh trong bài; cấp được suy từ loại cơ quan.")
	}
	if a.level == "" {
		a.warn("Không xác định được cấp của đơn vị tổ chức.")
	}
}

// agentVerb reports "chủ trì" or "tổ chức" at toks[k]: after "được
// BODY" the body is the one that organizes.
func agentVerb(toks []token, k int) bool {
	_, ok1 := phraseAt(toks, k, "chủ trì")
	_, ok2 := phraseAt(toks, k, "tổ chức")
	return ok1 || ok2
}

// skipAside skips a bracketed abbreviation after a body: "(NDVN)".
func skipAside(toks []token, e int) int {
	if tokAt(toks, e).low == "(" && tokAt(toks, e+2).low == ")" {
		return e + 3
	}
	return e
}

// occasionWords open a sentence about something done at the meeting,
// not by its organizer: "Dịp này, UBND huyện Châu Đức đã biểu dương ...".
var occasionWords = newPhraseSet("dịp này", "nhân dịp này", "trong dịp này", "tại hội nghị", "tại buổi", "cũng tại",
	"tại lễ", "tại đây", "trong khuôn khổ")

func occasion(toks []token) bool {
	_, _, ok := anyPhraseAt(toks, 0, occasionWords)
	return ok
}

// bareLevel reports an organizer that ends with its level word, the
// place being the portal's own ("Đảng ủy phường", "Hội Cựu chiến binh
// tỉnh"): no warning, the level is known.
func bareLevel(l string) bool {
	for w := range levelWords {
		if strings.HasSuffix(l, " "+w) {
			return true
		}
	}
	return false
}

// organizerIn finds the organizer in one sentence: "do BODY tổ chức",
// "BODY (đã) tổ chức/sơ kết/...", the first body before the verb "tổ
// chức", or a place as the subject ("xã Sơn Trà tổ chức"). It returns the
// body's token range, the start of a place it shares with joint
// organizers (-1 if none), and whether the organizer is a bare place.
func (a *analyzer) organizerIn(toks []token) (b, e, place int, bare bool) {
	verbs := verbPositions(toks)
	// "Hội nghị do Ban Dân vận Huyện ủy tổ chức"
	for _, v := range verbs {
		if toks[v].low != "tổ" {
			continue
		}
		for i := 0; i < v; i++ {
			if toks[i].low == "do" && eventNounBefore(toks, i) {
				if e, ok := parseBody(toks, i+1, false); ok {
					return i + 1, e, -1, false
				}
			}
		}
	}
	// A body as the subject of an organizing verb.
	depth := 0
	for i := 0; i < len(toks); i++ {
		switch toks[i].low {
		case "(":
			depth++
			continue
		case ")":
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		lower := clauseStart(toks, i)
		e, ok := parseBody(toks, i, lower)
		if !ok {
			continue
		}
		if tokAt(toks, i-1).low == "được" && agentVerb(toks, skipAside(toks, e)) {
			return i, e, -1, false // "được Trung ương Hội Nông dân Việt Nam chủ trì, tổ chức"
		}
		if passiveAgent(toks, i) {
			// "Đại hội ... được Ủy ban MTTQ huyện chọn làm điểm vừa tổ
			// chức": the agent of another passive verb chose, it did not
			// organize.
			i = e - 1
			continue
		}
		if representative(toks, i) && delegateGives(toks, e) {
			// "đại diện Trung ương Hội Nông dân Việt Nam, ông Lương Quốc
			// Đoàn đã trao 40 suất quà": the body its official stands for.
			return i, e, -1, false
		}
		if atPlace(toks, i) || issuerOf(toks, i) || representative(toks, i) || inTitle(toks, i) || otherEventDo(toks, i) {
			i = e - 1
			continue
		}
		e2, p := jointPlace(toks, i, e)
		if subjectOf(toks, e2) || a.handoutLead && handoutSubject(toks, e2) {
			return i, e, p, false
		}
		// Not the members a group is made of: "Đoàn Thanh niên 3 đơn vị
		// ... gồm Công an tỉnh, ... và ... phối hợp".
		if q, ok := jointGivers(toks, e2); a.handoutLead && ok && !hasTok(toks[:i], "gồm") && (subjectOf(toks, q) || handoutSubject(toks, q)) {
			return i, e, p, false
		}
		i = e - 1
	}
	// "Đoàn kiểm tra của Khối dân vận xã ...": the body the delegation
	// comes from.
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].low == "đoàn" && toks[i+2].low == "của" && (toks[i+1].low == "kiểm" || toks[i+1].low == "công") ||
			toks[i].low == "đoàn" && toks[i+3].low == "của" && (toks[i+1].low == "kiểm" || toks[i+1].low == "công" || toks[i+1].low == "giám") {
			k := i + 3
			if toks[k].low == "của" {
				k++
			}
			if e, ok := parseBody(toks, k, false); ok {
				return k, e, -1, false
			}
		}
	}
	// "Đoàn Ban Tôn giáo Chính phủ do ông ... đã thăm ...": the body whose
	// delegation visits.
	for i := range toks {
		if toks[i].low != "đoàn" || !toks[i].cap || i > 0 && toks[i-1].low != "," {
			continue
		}
		b := i + 1
		if k, ok := phraseAt(toks, b, "công tác"); ok {
			b = k // "Đoàn công tác Hội LHPN tỉnh do đồng chí ... làm trưởng đoàn đã đến thăm"
		}
		if e, ok := parseBody(toks, b, false); ok && findAny(toks[e:], visitVerbs) >= 0 {
			return b, e, -1, false
		}
	}
	// The first body before the verb "tổ chức" (not a venue or an issuer).
	for _, v := range verbs {
		if toks[v].low != "tổ" {
			continue
		}
		for i := 0; i < v; i++ {
			if e, ok := parseBody(toks, i, false); ok {
				if atPlace(toks, i) || issuerOf(toks, i) || representative(toks, i) || inBrackets(toks, i) || inTitle(toks, i) {
					i = e - 1
					continue
				}
				if v-e > 25 || hasTok(toks[e:v], ";") {
					break // too far from the verb to be its subject
				}
				if findAny(toks[e:v], directingVerbs) >= 0 {
					break // "... đã chỉ đạo, hướng dẫn tổ chức Đại hội": others organize
				}
				if agentBetween(toks, e, v) {
					break // "Đại hội MTTQ ... được Ủy ban MTTQ huyện chọn làm điểm vừa tổ chức": a passive
				}
				_, p := jointPlace(toks, i, e)
				return i, e, p, false
			}
		}
		break
	}
	// The meeting of a named body: "... chủ trì hội nghị Ban Thường trực
	// Ủy ban MTTQ tỉnh mở rộng", "phát biểu tại Hội nghị Đoàn Chủ tịch Ủy
	// ban Trung ương MTTQ Việt Nam": the body holds its own meeting.
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "hội" || toks[i+1].low != "nghị" {
			continue
		}
		if e, ok := parseBody(toks, i+2, false); ok && !inTitle(toks, i+2) {
			return i + 2, e, -1, false
		}
	}
	// "Phát biểu chỉ đạo tại Đại hội đại biểu MTTQ Việt Nam tỉnh Quảng
	// Nam lần thứ XI": a congress of a named body is that body's.
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "đại" || toks[i+1].low != "hội" || !toks[i].cap {
			continue
		}
		k := i + 2
		if tokAt(toks, k).low == "đại" && tokAt(toks, k+1).low == "biểu" {
			k += 2
		}
		e, ok := parseBody(toks, k, false)
		if !ok || inTitle(toks, k) {
			continue
		}
		// The congress is the event being held: "... khai mạc vào sáng
		// nay 28/8", "... diễn ra", not one named in passing.
		for q := e; q < len(toks) && q < e+15; q++ {
			if toks[q].kind == tPunct && toks[q].low != "," && toks[q].low != "-" && toks[q].low != "–" {
				break
			}
			if _, ok := phraseAt(toks, q, "khai mạc"); ok {
				return k, e, -1, false
			}
			if _, ok := phraseAt(toks, q, "diễn ra"); ok {
				return k, e, -1, false
			}
		}
	}
	// "Hội nghị sơ kết 6 tháng đầu năm ... của Hội đồng công tác quần
	// chúng TƯ diễn ra chiều qua": the meeting's own body after "của",
	// not a document's ("Nghị quyết ... của Tỉnh ủy").
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "hội" || toks[i+1].low != "nghị" || !toks[i].cap {
			continue
		}
		for k := i + 2; k < len(toks) && k < i+25; k++ {
			t := toks[k]
			if _, _, doc := anyPhraseAt(toks, k, docNouns); doc || t.kind == tPunct && t.low != "," {
				break
			}
			if _, ok := phraseAt(toks, k, "tổ chức"); ok {
				break // another body holds it
			}
			if t.low != "của" {
				continue
			}
			if e, ok := parseBody(toks, k+1, false); ok {
				if n := tokAt(toks, e); n.caps && (n.low == "tư" || n.low == "tw") {
					e++ // "Hội đồng công tác quần chúng TƯ": the central one
				}
				if n := tokAt(toks, e); n.kind == tPunct || n.low == "diễn" || n.low == "tại" || n.low == "được" {
					return k + 1, e, -1, false
				}
			}
			break
		}
	}
	// A place as the subject: "Chiều ngày 30 tháng 5 năm 2022 xã Sơn Trà
	// tổ chức hội nghị ...".
	for _, v := range verbs {
		if toks[v].low != "tổ" {
			continue
		}
		for i := max(0, v-5); i < v; i++ {
			if _, w, ok := anyPhraseAt(toks, i, placeWords); ok && w != "tp" && w != "ttp" {
				if pe := placeAfter(toks, i, false); pe > i && subjectOf(toks, pe) && pe-i >= 2 && !atPlace(toks, i) {
					return i, pe, -1, true
				}
			}
		}
		break
	}
	return -1, -1, -1, false
}

// visitVerbs say that a delegation visits.
var visitVerbs = newPhraseSet("thăm", "đến thăm", "làm việc")

// directingVerbs put a body above those who organize: "Hội Cựu chiến binh
// tỉnh đã chỉ đạo, hướng dẫn tổ chức Đại hội ...".
var directingVerbs = newPhraseSet("chỉ đạo", "hướng dẫn")

// eventNouns name a meeting: "Hội nghị do ... tổ chức".
var eventNouns = newPhraseSet("hội nghị", "buổi", "lớp", "lễ", "chương trình", "hội thảo", "tọa đàm", "đối thoại",
	"tập huấn", "cuộc họp", "họp mặt", "ngày hội", "hội nghị trực tuyến")

// eventNounBefore reports a meeting named in the words just before "do"
// at toks[i], or nothing before it but a date: the "do" clause names
// this event's organizer, not another's ("cuộc thi do ... tổ chức").
func eventNounBefore(toks []token, i int) bool {
	for k := max(0, i-6); k < i; k++ {
		if _, _, ok := anyPhraseAt(toks, k, eventNouns); ok {
			return true
		}
	}
	return false
}

// otherEventDo reports a body after "do" that organized something other
// than a meeting: "cuộc thi khu vực do Trung ương Hội Nông dân Việt Nam
// tổ chức".
func otherEventDo(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].low == "do" {
			return !eventNounBefore(toks, k)
		}
	}
	return false
}

// inTitle reports a body named inside a person's title: "Bí thư Đảng
// ủy", "Phó Trưởng ban Dân vận Huyện ủy".
func inTitle(toks []token, i int) bool {
	switch tokAt(toks, i-1).low {
	case "thư", "tịch", "trưởng", "phó", "viên", "nhiệm", "đốc":
		return true
	}
	return false
}

// verbPositions lists where the verb "tổ chức" (not the noun) stands in
// toks.
func verbPositions(toks []token) []int {
	var out []int
	for i := range toks {
		if toks[i].low == "tổ" && tokAt(toks, i+1).low == "chức" && (!toks[i].cap || capVerb(toks, i)) && !nounToChuc(toks, i) {
			out = append(out, i)
		}
	}
	return out
}

// capVerb reports "Tổ chức" capitalized inside a sentence before a
// meeting: "xã Thọ Sơn Tổ chức hội nghị đối thoại".
func capVerb(toks []token, i int) bool {
	if i == 0 || toks[i-1].kind != tWord {
		return false
	}
	_, _, ok := anyPhraseAt(toks, i+2, eventNouns)
	return ok
}

func hasTok(toks []token, low string) bool {
	for _, t := range toks {
		if t.low == low {
			return true
		}
	}
	return false
}

// subjectOf reports whether an organizing verb follows at toks[e], after
// "đã", "vừa", "long trọng", a comma or a bracketed aside: the body
// before e is its subject.
func subjectOf(toks []token, e int) bool {
	if tokAt(toks, e).low == "," {
		if _, p, v := anyPhraseAt(toks, e+1, orgVerbs); v && p != "phối hợp" && p != "triển khai" {
			return true // "Hội LHPN xã Chiềng En, tọa đàm kỷ niệm ..."
		}
		// "Ủy ban MTTQ Việt Nam xã Long Thành Bắc, huyện Hòa Thành tiến
		// hành hội nghị": the place above it, then the verb.
		if _, _, ok := anyPhraseAt(toks, e+1, placeWords); ok && !tokAt(toks, e+1).cap {
			if pe := placeAfter(toks, e+1, false); pe > e+2 && tokAt(toks, pe).low != "," {
				e = pe
			}
		}
	}
	if tokAt(toks, e).low == "gồm" {
		// a cluster's members named before the verb: "... gồm: Hà Nội,
		// TP Hồ Chí Minh, ..., Cần Thơ tổ chức"
		for k := e + 1; k < len(toks) && k < e+30 && toks[k].low != "."; k++ {
			if _, _, v := anyPhraseAt(toks, k, orgVerbs); v {
				e = k
				break
			}
		}
	}
	if tokAt(toks, e).low == "(" {
		for k := e + 1; k < len(toks) && k < e+30; k++ {
			if toks[k].low == ")" {
				e = k + 1
				break
			}
		}
	}
	e0 := e
	for e < len(toks) && (toks[e].low == "đã" || toks[e].low == "vừa" || toks[e].low == "cũng") {
		e++
	}
	_, p, v := anyPhraseAt(toks, e, orgVerbs)
	if !v {
		// "Ban Dân vận Huyện ủy Lục Ngạn vừa thông qua danh sách ...":
		// what a body has just done at its meeting.
		_, ok := phraseAt(toks, e, "thông qua")
		return ok && e > e0
	}
	if p == "tổ chức" && nounToChuc(toks, e) {
		return false
	}
	return true
}

// clauseStart reports whether toks[i] begins a clause: the sentence start
// or after a comma, so that a body written in lower case may stand there
// as the subject.
func clauseStart(toks []token, i int) bool {
	return i == 0 || toks[i-1].low == "," || toks[i-1].low == ":" || toks[i-1].kind == tNum
}

// dashedGroupPlace reads, from toks[s] after a dash, a few more bodies
// written short and parted by dashes ("Phòng GD&ĐT – Hội CTĐ huyện Nga
// Sơn"): each opens with a capital, and the last ends with the place the
// group shares, followed by the organizing verb. It returns where that
// place starts.
func dashedGroupPlace(toks []token, s int) (int, bool) {
	for q := s; q < len(toks) && q < s+14; q++ {
		t := toks[q]
		if t.kind == tPunct {
			if t.low == "-" || t.low == "–" {
				if !tokAt(toks, q+1).cap && !tokAt(toks, q+1).caps {
					return 0, false
				}
				continue
			}
			if t.low == "&" || t.low == "/" {
				continue
			}
			return 0, false
		}
		if _, w, ok := anyPhraseAt(toks, q, placeWords); ok && w != "tp" && !t.cap && q > s {
			pe := placeAfter(toks, q, false)
			return q, pe-q >= 2 && subjectOf(toks, pe)
		}
		if _, _, ok := anyPhraseAt(toks, q, orgVerbs); ok {
			return 0, false
		}
	}
	return 0, false
}

// jointPlace skips joint organizers after the body toks[i:e] ("Đảng uỷ,
// HĐND, UBND xã Châu Đình", "Ban Dân vận, Hội LHPN, Hội Nông dân ...
// huyện Đất Đỏ") and returns the index after the list and, when the list
// ends with a place that the first body lacks, where that place starts.
func jointPlace(toks []token, i, e int) (int, int) {
	k := e
	n := 0
	for n < 8 { // joint organizers are a few bodies, not a whole list
		s := k
		if s < len(toks) && (toks[s].low == "," || toks[s].low == "-" || toks[s].low == "–" || toks[s].low == "và") {
			s++
		} else {
			break
		}
		e2, ok := parseBody(toks, s, false)
		if !ok {
			// "Mặt trận Tổ quốc và các Đoàn thể chính trị xã hội huyện Võ
			// Nhai": the organizations as a group, then the shared place.
			if tokAt(toks, s).low == "các" && (tokAt(toks, s+1).low == "đoàn" && tokAt(toks, s+2).low == "thể" ||
				tokAt(toks, s+1).low == "tổ" && tokAt(toks, s+2).low == "chức") {
				for q := s + 3; q < len(toks) && q <= s+10; q++ {
					if toks[q].kind == tPunct && toks[q].low != "-" && toks[q].low != "–" {
						break
					}
					if toks[q].low == "xã" && tokAt(toks, q+1).low == "hội" {
						q++ // "chính trị xã hội"
						continue
					}
					if _, w, ok := anyPhraseAt(toks, q, placeWords); ok && w != "tp" && !toks[q].cap {
						pe := placeAfter(toks, q, false)
						v := pe
						if tokAt(toks, v).low == "đã" {
							v++
						}
						if _, holds := phraseAt(toks, v, "tổ chức"); pe-q >= 2 && holds {
							return pe, q // the group holds the meeting, not "... đã triển khai ..." its work
						}
						break
					}
				}
			}
			// "Huyện Đoàn – Phòng GD&ĐT – Hội CTĐ huyện Nga Sơn phối hợp
			// tổ chức": joint organizers written short, between dashes,
			// then the place they share and the verb.
			if toks[s-1].low == "-" || toks[s-1].low == "–" {
				if q, ok := dashedGroupPlace(toks, s); ok {
					return placeAfter(toks, q, false), q
				}
			}
			break
		}
		k, n = e2, n+1
	}
	if n == 0 {
		return e, -1
	}
	// The place written after the last body, if the bodies share it.
	last := k
	for last > e && !placeWordSet[toks[last-1].low] && !toks[last-1].cap {
		last--
	}
	if _, _, ok := anyPhraseAt(toks, e-1, placeWords); ok {
		return k, -1 // the first body has its own place
	}
	for p := e; p < k; p++ {
		if _, w, ok := anyPhraseAt(toks, p, placeWords); ok && w != "tp" && !toks[p].cap {
			if pe := placeAfter(toks, p, false); pe == k && pe-p >= 2 {
				return k, p
			}
		}
	}
	return k, -1
}

// issuerOf reports whether the body at toks[i] is named as the owner of
// something ("của Ban Dân vận Tỉnh ủy") or in a clause that cites a
// document ("Thực hiện ...", "Theo ...", "Căn cứ ...").
func issuerOf(toks []token, i int) bool {
	switch tokAt(toks, i-1).low {
	case "của", "theo", "với", "gồm", "lập", "được", "cho", "nghị", "xuất":
		// "Kế hoạch của ...", "ngày thành lập Đoàn TNCS ...", "Được Khối
		// Dân vận xã triển khai ..." (a model, not an event); "đề nghị
		// Ban Dân vận Tỉnh ủy biểu dương": the body asked, not the one
		// asking.
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

// representative reports a body named after "đại diện", "lãnh đạo":
// people speaking for it, not its organizing the event.
func representative(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].low {
		case "diện", "đạo":
			return true
		}
	}
	return false
}

// inBrackets reports whether toks[i] stands inside brackets.
func inBrackets(toks []token, i int) bool {
	depth := 0
	for k := max(0, i-60); k < i; k++ { // a bracketed aside is short
		switch toks[k].low {
		case "(":
			depth++
		case ")":
			depth = max(0, depth-1)
		}
	}
	return depth > 0
}

// atPlace reports whether the body at toks[i] names a venue: "tại trụ sở
// Huyện ủy", "ở Hội trường UBND huyện". A body that follows a complete
// venue ("tại hội trường xã Đảng ủy xã tổ chức") is not.
func atPlace(toks []token, i int) bool {
	if i > 0 && levelWords[toks[i-1].low] && !toks[i-1].cap {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].low {
		case "tại", "ở", "trường", "sở", "phòng":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return venueClause(toks, i)
}

// venueClause reports a body inside a clause that names where the event
// took place and that a comma closes before the subject: "Sáng ngày
// 20/3, tại Trung tâm Chính trị thành phố Huế và Trung tâm Chính trị
// huyện Quảng Điền, Ban Dân vận Tỉnh ủy phối hợp ... tổ chức".
func venueClause(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && toks[k].low != "," && toks[k].low != ";" && toks[k].low != ":" {
		k--
	}
	if w := tokAt(toks, k+1).low; w != "tại" && w != "ở" {
		return false
	}
	for j := i; j < len(toks); j++ {
		switch toks[j].low {
		case ",":
			return true
		case ".", ";", ":":
			return false
		}
	}
	return false
}

// needsPlace reports an organizer written without its place: a committee
// or a place word with no name after it ("Ban Dân vận Huyện ủy", "Ủy ban
// MTTQ Việt Nam huyện"), or a body with no place at all ("Khối dân vận",
// "Đảng ủy").
func needsPlace(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	if last.low == "ủy" || levelWords[last.low] && !last.cap {
		return true // "Ban Dân vận Huyện ủy", "Ủy ban MTTQ Việt Nam huyện"
	}
	for _, t := range toks {
		if placeWordSet[t.low] || t.kind == tNum || t.low == "ương" || t.low == "tw" {
			return false
		}
	}
	if nationalUnion(joinLows(toks)) {
		return false // "Hội LHPN Việt Nam": the national union
	}
	_, head, _ := anyPhraseAt(toks, 0, bodyHeads)
	switch head {
	case "khối dân vận", "đảng bộ", "thường trực", "ban thường trực", "ban dân vận", "ban dv", "ủy ban mttq",
		"ủy ban mttqvn", "ủy ban mặt trận tổ quốc", "ubmttq", "ubmttqvn", "mttq", "mặt trận tổ quốc", "hội nông dân",
		"ub mttq", "ub mttqvn", "ub mặt trận tổ quốc",
		"hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ", "hội cựu chiến binh", "hội ccb":
		return true
	}
	return false
}

// completePlace adds to an organizer without its place the place the
// article gives for it: the same body written with its place elsewhere
// ("Ủy ban MTTQ Việt Nam huyện Đông Giang"), the headline's place
// ("Đoàn Dân vận xã Vĩnh Bình làm việc ...") or a date line ("Đà Nẵng –
// Ngày 20-4, ..."). Never the site's banner or a byline.
func (a *analyzer) completePlace(org []token) {
	last := org[len(org)-1]
	endsLevel := levelWords[last.low] && !last.cap
	endsCommittee := last.low == "ủy"
	// The same body, or its last unit, followed by a place elsewhere.
	tail := org
	if endsCommittee && len(org) >= 2 {
		tail = org[len(org)-2:]
	} else if endsLevel && len(org) >= 3 {
		tail = org[len(org)-3:]
	}
	if endsCommittee || endsLevel {
		if sp, ok := a.findAfter(tail, true); ok {
			a.setPlace(sp)
			return
		}
	} else if sp, ok := a.findAfter(org, false); ok {
		a.setPlace(sp)
		return
	}
	// The headline's or a date line's place.
	sp, level, ok := a.articlePlace()
	if !ok {
		if endsLevel {
			// "được sự nhất trí của Đảng ủy phường Khương Thượng, Uỷ ban
			// MTTQ Việt Nam phường đã tổ chức ...": the one place of its
			// level the article names.
			if sp, ok := a.siblingPlace(org[0].start, last.low); ok {
				a.setPlace(sp)
				a.warn("Địa danh của đơn vị tổ chức được lấy theo đơn vị khác cùng câu; cần xem lại.")
			}
		}
		return
	}
	switch {
	case endsCommittee && tokAt(org, len(org)-2).low == "đảng" && level.End > 0:
		// "Đảng ủy" takes the level word with the name: "Đảng ủy phường
		// Tân Định", as "Thành ủy" takes the name alone.
		a.setPlace(Span{level.Start, sp.End})
	case endsCommittee || endsLevel:
		a.setPlace(sp)
	case level.End > 0:
		a.setPlace(Span{level.Start, sp.End})
	}
}

// dropPersonPlace takes back a place added to the organizer from
// elsewhere when the people read later find a person's name there: "Chủ
// tịch Ủy ban MTTQ Việt Nam tỉnh Trần Hải chủ trì" names a chair, not
// the province.
func (a *analyzer) dropPersonPlace() {
	if a.orgPlace.End == 0 {
		return
	}
	for _, p := range a.people {
		if p.name.Start < a.orgPlace.End && a.orgPlace.Start < p.name.End {
			a.orgName = strings.TrimSuffix(a.orgName, " "+a.d.text[a.orgPlace.Start:a.orgPlace.End])
			a.orgPlace = Span{}
			return
		}
	}
}

// setPlace appends the place text at sp to the organizer.
func (a *analyzer) setPlace(sp Span) {
	a.orgPlace = sp
	a.orgName += " " + a.d.text[sp.Start:sp.End]
}

// findAfter looks for the words of unit elsewhere in the article, the
// headline first, followed by a place: a name (nameOnly) or a place word
// and a name. It returns the place's span.
func (a *analyzer) findAfter(unit []token, nameOnly bool) (Span, bool) {
	lists := [][]token{a.title}
	for _, s := range a.sents {
		lists = append(lists, s.toks)
	}
	for _, toks := range lists {
		for i := 0; i+len(unit) <= len(toks); i++ {
			if toks[i].start == unit[0].start {
				continue
			}
			match := true
			for k := range unit {
				if toks[i+k].low != unit[k].low {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			k := i + len(unit)
			if nameOnly {
				if p := committeePlace(toks, k); p > k {
					return Span{toks[k].start, toks[p-1].end}, true
				}
				continue
			}
			if _, w, ok := anyPhraseAt(toks, k, placeWords); ok && w != "tp" && !toks[k].cap {
				if p := placeAfter(toks, k, false); p > k+1 {
					return Span{toks[k].start, toks[p-1].end}, true
				}
			}
		}
	}
	return Span{}, false
}

// committeePlace reads the place written after a committee: a name
// ("Huyện ủy Quế Sơn"), "TP.HCM", "TP. Thủ Đức" or "Quận 9". A person's
// name is not a place ("Huyện ủy Nguyễn Văn A").
func committeePlace(toks []token, k int) int {
	if t := tokAt(toks, k); t.low == "tp" || t.low == "ttp" || t.cap && placeWordSet[t.low] && tokAt(toks, k+1).kind == tNum {
		return placeAfter(toks, k, false)
	}
	p := placeNameAfterLevel(toks, k)
	if p > k && !(p-k >= 3 && familyNames[toks[k].low] && middleNames[toks[k+1].low]) {
		return p
	}
	return k
}

// articlePlace finds the place the article is about in its headline
// ("Quế Sơn: Hội nghị ...", "Hớn Quản tổ chức ...", "Đoàn Dân vận xã
// Vĩnh Bình làm việc ...") or in a date line opening the text ("Đà Nẵng
// – Ngày 20-4, ..."). level spans the place word when one is written.
func (a *analyzer) articlePlace() (name, level Span, ok bool) {
	if t := a.title; len(t) > 0 {
		// "Quế Sơn: ...", "Hớn Quản tổ chức ..."
		if p := placeName(t, 0); p > 0 && (tokAt(t, p).low == ":" || subjectOf(t, p)) {
			return Span{t[0].start, t[p-1].end}, Span{}, true
		}
		for i := range t {
			// "Phường 1 tổ chức ...", "... Quận 9": a place word and its
			// number, in any case.
			if k, w, ok := anyPhraseAt(t, i, placeWords); ok && w != "tp" && w != "ttp" && w != "tx" {
				if n := tokAt(t, k); n.kind == tNum && len(n.low) <= 3 && !strings.ContainsAny(n.low, ".,") && n.space &&
					!(tokAt(t, k+1).low == "/" || tokAt(t, k+1).low == ".") {
					return Span{t[i].start, n.end}, Span{t[i].start, t[i].end}, true
				}
			}
			if _, w, ok := anyPhraseAt(t, i, placeWords); ok && w != "tp" && w != "ttp" && !t[i].cap {
				k := i + 1
				if w == "thành phố" || w == "thị trấn" || w == "thị xã" || w == "đặc khu" {
					k = i + 2
				}
				if p := placeNameAfterLevel(t, k); p > k {
					return Span{t[k].start, t[p-1].end}, Span{t[i].start, t[i].end}, true
				}
			}
		}
	}
	// A date line: a place name and a dash opening the first sentence.
	for _, s := range a.sents {
		if a.kind(s) != kindBody {
			continue
		}
		t := s.toks
		if p := placeName(t, 0); p > 0 && p < 4 && (tokAt(t, p).low == "–" || tokAt(t, p).low == "-") && tokAt(t, p+1).space {
			return Span{t[0].start, t[p-1].end}, Span{}, true
		}
		break
	}
	return Span{}, Span{}, false
}

// centralCities are the cities governed by the centre, whose Thành ủy is
// a province-level committee.
var centralCities = []string{"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế", "tp.hcm", "tphcm", "tp hcm"}

func isCentralCity(s string) bool {
	l := lowerASCIIish(s)
	for _, c := range centralCities {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// levelOf maps the organizer to its level from the kind of body and its
// place. toks[i0:i1] is the body as written, for a cluster's members.
func (a *analyzer) levelOf(toks []token, i0, i1 int) string {
	l := " " + lowerASCIIish(a.orgName) + " "
	has := func(s string) bool { return strings.Contains(l, s) }
	if strings.Contains(l, "cụm thi đua") || strings.Contains(l, "khối thi đua") {
		// A competition cluster takes the level of its members: "Cụm thi
		// đua 1 (gồm Quận ủy 1, 3, ...)", "Cụm thi đua Mặt trận 5 thành phố
		// trực thuộc trung ương".
		if has("trực thuộc trung ương") || has("trực thuộc tw") {
			return LevelProvince
		}
		// "Khối thi đua Ban Dân vận các huyện, thị, thành ủy": its
		// members' level.
		switch {
		case has("các huyện") || has("huyện, thị"):
			return LevelDistrict
		case has("các xã") || has("xã, phường"):
			return LevelCommune
		}
		if tokAt(toks, i1).low == "(" {
			for k := i1 + 1; k < len(toks) && toks[k].low != ")"; k++ {
				if e, ok := parseBody(toks, k, true); ok {
					return plainLevel(" " + lowerASCIIish(a.d.text[toks[k].start:toks[e-1].end]) + " ")
				}
			}
		}
	}
	return plainLevel(l)
}

// plainLevel maps an organizer's name (lower case, with a space at each
// end) to its level.
func plainLevel(l string) string {
	// "tệ nạn xã hội", "chính trị - xã hội": society, not a commune.
	l = strings.ReplaceAll(l, " xã hội", " xã_hội")
	has := func(s string) bool { return strings.Contains(l, s) }
	switch {
	case has(" đảng ủy khối") || has(" đảng ủy cơ quan") || has(" đảng ủy công an") || has(" đảng ủy quân sự") ||
		has(" đảng ủy ubnd") || has(" đảng ủy ủy ban") || has(" đảng ủy ban ") || has(" đảng ủy bộ") || has(" đảng ủy sở") ||
		has(" đảng ủy công ty") || has(" đảng ủy tổng công ty") || has(" đảng ủy trường") || has(" đảng ủy bệnh viện") ||
		has(" đảng ủy doanh nghiệp") || has(" đảng ủy học viện") || has(" đảng ủy viện") || has(" đảng ủy, bộ") || has(" đảng ủy, ban") || has(" đảng ủy biên phòng") ||
		has(" đảng ủy liên hiệp") || has(" đảng ủy văn phòng") || has(" đoàn khối") ||
		strings.HasPrefix(l, " sở ") || strings.HasPrefix(l, " phòng ") || strings.HasPrefix(l, " công an") || has(" bộ chqs") || has(" ban chqs") ||
		strings.HasPrefix(l, " bộ chỉ huy") || strings.HasPrefix(l, " bộ tư lệnh") || strings.HasPrefix(l, " ban chỉ huy quân sự"):
		return LevelAgency
	case (has("trung ương") || has(" tw ") || has(" ubtư ") || has(" ubtw ") || strings.HasSuffix(strings.TrimSpace(l), " tư") || has(" t.ư ") || has(" t.w ") || has(" học viện") || has(" quốc hội") || has(" chính phủ") || has(" bộ chính trị")) &&
		!has("trực thuộc trung ương") || nationalUnion(strings.TrimSpace(l)):
		return LevelCentral
	case has(" xã ") || has(" xã,") || has(" phường") || has("thị trấn") || has(" khối dân vận") || has(" khu phố") ||
		has(" ban công tác mặt trận") ||
		has(" tổ dân phố") || has(" đặc khu"):
		return LevelCommune
	case has(" đảng ủy ") && !has(" tỉnh") && !has(" huyện") && !has(" quận") || strings.HasSuffix(l, " đảng ủy "):
		return LevelCommune
	case has(" thị đoàn "):
		return LevelDistrict // a town's youth union
	case has(" thành đoàn "):
		// A city's youth union: a province's when the city is centrally
		// governed, else a district's ("Thành Đoàn Tuy Hòa").
		if isCentralCity(l) {
			return LevelProvince
		}
		return LevelDistrict
	case has("tỉnh ủy") || has(" tỉnh ") || has(" tỉnh,"):
		return LevelProvince
	case has("thành ủy") || has("thành phố") || has(" tp") || has(" ttp") || has(" ban dân vận ") || has(" mttq") ||
		has(" mặt trận"):
		if isCentralCity(l) {
			return LevelProvince
		}
		if has("thành ủy") || has("thành phố") || has(" tp") {
			return LevelDistrict
		}
		fallthrough
	case has("huyện ủy") || has("thị ủy") || has("quận ủy") || has(" huyện") || has(" quận") || has("thị xã") || has(" tx"):
		if has("huyện ủy") || has("thị ủy") || has("quận ủy") || has(" huyện") || has(" quận") || has("thị xã") || has(" tx") {
			return LevelDistrict
		}
	}
	return ""
}

// nationalUnion reports a union named with "Việt Nam" and no place
// ("hội lhpn việt nam", "hội nông dân việt nam"): the national body. The
// Front's name always holds "Việt Nam" ("Ủy ban MTTQ Việt Nam" is a
// local committee with its place left out), so it is not one.
func nationalUnion(l string) bool {
	if !strings.HasSuffix(l, " việt nam") || !strings.HasPrefix(l, "hội ") {
		return false
	}
	for _, w := range strings.Fields(l) {
		if placeWordSet[w] {
			return false
		}
	}
	return true
}

// joinLows joins the tokens' lower-case forms with spaces.
func joinLows(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.low)
	}
	return b.String()
}

// passiveAgent reports a body at toks[i] inside the agent of a passive,
// "được" before it with only capitalized words between ("được Ủy ban
// MTTQ huyện ...").
func passiveAgent(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-3 && toks[k].kind == tWord && (toks[k].cap || toks[k].caps) {
		k--
	}
	return tokAt(toks, k).low == "được"
}

// agentBetween reports the agent of a passive, "được" and a body, in
// toks[e:v]: the verb after it is not said of a body before it.
func agentBetween(toks []token, e, v int) bool {
	for k := e; k < v; k++ {
		if toks[k].low == "được" {
			if _, ok := parseBody(toks, k+1, false); ok {
				return true
			}
		}
	}
	return false
}

// secondSyllable reports a lower-case word at toks[j] after a capitalized
// one that the name goes on through: another capitalized word, "và", a
// place or the verb follow it ("Sở Nội vụ và Thông tin tỉnh ...").
func secondSyllable(toks []token, j int) bool {
	if n := tokAt(toks, j+1); n.low == "và" || n.low == "," {
		return tokAt(toks, j+2).cap
	}
	if _, _, p := anyPhraseAt(toks, j+1, placeWords); p {
		return true
	}
	if _, _, v := anyPhraseAt(toks, j+1, orgVerbs); v {
		return true
	}
	n := tokAt(toks, j+1)
	return n.cap || n.caps || n.kind == tNone || n.low == "(" || n.low == "đã" || n.low == "vừa"
}

// reviewedBody finds a review meeting named after a body's work, "hội
// nghị tổng kết (sơ kết) công tác BODY", and returns the body's extent.
func reviewedBody(toks []token) (int, int, bool) {
	for i := 0; i+4 < len(toks); i++ {
		if toks[i].low != "hội" || toks[i+1].low != "nghị" {
			continue
		}
		k := i + 2
		if w := toks[k].low; (w != "tổng" && w != "sơ") || toks[k+1].low != "kết" || tokAt(toks, k+2).low != "công" || tokAt(toks, k+3).low != "tác" {
			continue
		}
		b := k + 4
		if b >= len(toks) || !toks[b].cap {
			continue
		}
		if e, ok := parseBody(toks, b, false); ok {
			return b, e, true
		}
	}
	return -1, -1, false
}

// frontHeads begin the name of a Front committee in its several forms.
var frontHeads = newPhraseSet("ủy ban mttq", "ủy ban mttqvn", "ủy ban mặt trận tổ quốc", "ubmttq", "ubmttqvn",
	"ub mttq", "ub mttqvn", "ub mặt trận tổ quốc")

// frontPlace returns, for a Front committee's name written with its
// place ("UB MTTQ Việt Nam xã Đội Cấn"), the place from its level word
// ("xã đội cấn", lower case), or "" for another body or one without a
// place.
func frontPlace(toks []token) string {
	if _, _, ok := anyPhraseAt(toks, 0, frontHeads); !ok {
		return ""
	}
	for k := len(toks) - 1; k > 0; k-- {
		if _, _, ok := anyPhraseAt(toks, k, placeWords); ok && k+1 < len(toks) {
			return joinLows(toks[k:])
		}
	}
	return ""
}

// fullestFront writes a Front committee named without "Việt Nam" in the
// form the headline or the first sentences give it with "Việt Nam" and
// the same place: "UB MTTQ Việt Nam xã Đội Cấn" in the headline over
// "UBMTTQ xã Đội Cấn" in the lead, "Uỷ ban MTTQ Việt Nam xã Thống Kênh"
// in the lead over "Ủy ban MTTQ xã Thống Kênh" in the headline. A form
// that only spells out the abbreviation is no fuller.
func (a *analyzer) fullestFront() {
	if a.orgName == "" || a.orgPlace != (Span{}) {
		return
	}
	cur := tokenize(a.d.text, a.orgSpan.Start, a.orgSpan.End, a.low)
	place := frontPlace(cur)
	if place == "" {
		return
	}
	best, bestLen := a.orgSpan, len(cur)
	lists := a.headlineAndBody(8)
	if namesCountry(cur) {
		return
	}
	for _, toks := range lists {
		for i := range toks {
			e, ok := parseBody(toks, i, false)
			if !ok || e-i <= bestLen || frontPlace(toks[i:e]) != place || !namesCountry(toks[i:e]) {
				continue
			}
			best, bestLen = Span{toks[i].start, toks[e-1].end}, e-i
		}
	}
	if best != a.orgSpan {
		a.orgSpan = best
		a.orgName = a.d.text[best.Start:best.End]
	}
}

// namesCountry reports a Front committee's name that ends its name with
// the country: "... MTTQ Việt Nam ...", "UBMTTQVN".
func namesCountry(toks []token) bool {
	for k, t := range toks {
		if t.low == "việt" && tokAt(toks, k+1).low == "nam" || strings.HasSuffix(t.low, "mttqvn") {
			return true
		}
	}
	return false
}

// siblingPlace returns the name of the place of level lw that another
// body of the organizer's sentence is written with ("Đảng ủy phường
// Khương Thượng, Uỷ ban MTTQ Việt Nam phường đã tổ chức ..."), when the
// sentence names one such place.
func (a *analyzer) siblingPlace(orgStart int, lw string) (Span, bool) {
	var toks []token
	for _, s := range a.sents {
		if len(s.toks) > 0 && s.toks[0].start <= orgStart && orgStart <= s.toks[len(s.toks)-1].start {
			toks = s.toks
			break
		}
	}
	var found Span
	name := ""
	for k := 1; k < len(toks); k++ {
		if toks[k].low != lw || toks[k].cap {
			continue
		}
		if b := toks[k-1].low; b != "ủy" && b != "uỷ" && b != "ubnd" && b != "hđnd" {
			continue // the place of another body: "Đảng ủy phường ...", "UBND xã ..."
		}
		p := placeAfter(toks, k, false)
		if p <= k+1 || roleRightAfter(toks, p) {
			continue
		}
		n := joinLows(toks[k+1 : p])
		switch {
		case name == "":
			name, found = n, Span{toks[k+1].start, toks[p-1].end}
		case n != name:
			return Span{}, false
		}
	}
	return found, name != ""
}

// cityOfDistricts reports an article that shows urban districts and rural
// districts under its city ("các quận uỷ, huyện ủy", "các quận, huyện"):
// only a city governed by the centre has both.
func (a *analyzer) cityOfDistricts() bool {
	l := a.low
	quan := strings.Contains(l, "quận ủy") || strings.Contains(l, "quận uỷ") || strings.Contains(l, "các quận")
	huyen := strings.Contains(l, "huyện ủy") || strings.Contains(l, "huyện uỷ") || strings.Contains(l, "các huyện") || strings.Contains(l, "quận, huyện")
	return quan && huyen
}

// steeringRemitEnd reads a steering committee's level and remit up to the
// verb it is the subject of, when no place ends it: "Ban Chỉ đạo T.Ư thực
// hiện quy chế dân chủ ở cơ sở (Ban Chỉ đạo) tổ chức ...", "Ban Chỉ đạo
// tỉnh về thực hiện Quy chế dân chủ ở cơ sở tổ chức ...". It returns j
// when the remit does not start at once or no verb ends it.
func steeringRemitEnd(toks []token, j int) int {
	k := j
	// Its level: the centre ("T.Ư", "TW", "Trung ương") or a bare level
	// word ("tỉnh").
	switch {
	case tokAt(toks, k).low == "t" && tokAt(toks, k+1).low == "." && tokAt(toks, k+2).low == "ư":
		k += 3
	case tokAt(toks, k).low == "tw" || tokAt(toks, k).low == "tư":
		k++
	case tokAt(toks, k).low == "trung" && tokAt(toks, k+1).low == "ương":
		k += 2
	case levelWords[tokAt(toks, k).low] && !tokAt(toks, k).cap:
		k++
	}
	if tokAt(toks, k).low == "về" {
		k++
	}
	if _, ok := phraseAt(toks, k, "thực hiện"); !ok {
		return j
	}
	for e := k + 2; e < len(toks) && e < k+20; e++ {
		t := toks[e]
		if t.low == "(" || t.low == "đã" || t.low == "vừa" {
			if subjectOf(toks, e) {
				return e
			}
			return j
		}
		if _, _, v := anyPhraseAt(toks, e, orgVerbs); v {
			if subjectOf(toks, e) {
				return e
			}
			return j
		}
		if t.kind == tPunct && t.low != "-" {
			return j
		}
	}
	return j
}

// docNouns name documents whose owner follows "của": "Nghị quyết ... của
// Tỉnh ủy".
var docNouns = newPhraseSet("nghị quyết", "chỉ thị", "kết luận", "kế hoạch", "quy chế", "đề án", "chương trình",
	"văn bản", "thông tri", "hướng dẫn", "quyết định")
