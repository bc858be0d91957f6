package extract

import "strings"

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// familyNames are Vietnamese family names (họ), lower case, including
// common ones of the Khmer, Tày, Thái, H'Mông, Jrai, Ê Đê and Bahnar
// peoples. A person's name must start with one of them.
var familyNames = wordSet(`nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý
	đinh đoàn lâm mai trịnh đào cao lương hà tô tạ chu kiều quách thái triệu lưu vương phùng nông
	lò lường hứa la tăng thạch kim danh lục nghiêm đàm châu giang khổng mạc tống trương trình thân
	âu doãn ninh vi lã lại từ bế hầu mã cù khúc quan tôn bạch diệp đồng dư lộc sầm ma hoàng lục
	giàng vàng thào mùa sùng hờ lầu cứ lù tẩn bàn chảo triệu siu ksor rmah rơ nay kpă rah puih
	niê mlô êban byă h’ y lý tiêu lữ văn đầu thích điểu pờ lỳ sần quàng cầm vừ sình phàn đèo rcom alăng bhling zơ khương phó chế thiều viên mẫn yên ưng âu thới nhan
	trà cát phí văn lạc ngụy nguỵ giáp bành kha hạ thủy chung liêu hàn cung ôn tào biện mông
	tiết lều ly chau néang sơn lâm tằng chử`)

// shortFamily are one-letter family words of Bahnar, Jrai and Ê Đê names
// ("A Pớt", "Y Ngọc"): names only right after "đồng chí", "ông", "bà".
var shortFamily = map[string]bool{"a": true}

// middleNames are frequent second syllables of a name (tên đệm).
var middleNames = wordSet(`văn thị đức hữu công minh quang xuân thanh ngọc hồng kim đình bá trọng
	tiến mạnh quốc hoàng anh thế viết duy như phương thu thúy thùy trung huy hải sỹ sĩ khắc
	đăng tuấn thành tấn chí đại gia cẩm mỹ hoài bích diệu lệ thái tường việt vĩnh xuân ánh
	mai hà hùng nam long phúc thiện cao ngọc nhật quý khánh phước bảo lan mộng ái hương huyền vân tất
	ích hoa thiên chiến sơn đắc nguyên tâm trí phi lâm hiếu đông trường hạnh diễm uyên tố quỳnh khải
	trần lê phạm nguyễn võ vũ đỗ hồ huỳnh phan`)

// notNames are famous names that are places or streets more often than
// people at an event.
var notNames = map[string]bool{"hồ chí minh": true, "võ nguyên giáp": true, "tôn đức thắng": true,
	"lê lợi": true, "trần hưng đạo": true, "lý thường kiệt": true, "nguyễn huệ": true, "quang trung": true,
	"hai bà trưng": true, "lê duẩn": true, "phan bội châu": true, "nguyễn trãi": true}

// titleHeads begin a title (chức danh), lower case; a title chain
// segment must start with one.
var titleHeads = newPhraseSet(
	"phó", "trưởng", "bí thư", "chủ tịch", "chủ nhiệm", "ủy viên", "uỷ viên", "giám đốc", "chánh",
	"thứ trưởng", "bộ trưởng", "thủ tướng", "phó thủ tướng", "tổng", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy",
	"thượng úy", "trung úy", "thiếu úy", "thiếu tướng", "trung tướng", "thượng tướng", "đại tướng",
	"chính ủy", "chỉ huy trưởng", "tư lệnh", "đại biểu", "thành viên", "chuyên viên", "cán bộ",
	"báo cáo viên", "nguyên", "đồng chí", "giáo sư", "tiến sĩ", "thạc sĩ", "pgs", "ts", "ths", "gs",
	"thường trực", "thường vụ", "kiêm", "hiệu trưởng", "viện trưởng", "bác sĩ", "đại đức", "thượng tọa",
	"hòa thượng", "linh mục", "mục sư", "già làng", "người có uy tín", "trưởng thôn", "trưởng ấp", "trưởng bản",
	"chủ nhiệm", "giám mục", "cục trưởng", "vụ trưởng", "ủy ban", "thư ký", "đảng ủy viên", "huyện ủy viên",
	"tỉnh ủy viên", "thành ủy viên", "quận ủy viên", "thị ủy viên", "nhà giáo", "nghệ nhân", "cựu", "thẩm phán", "kiểm sát viên",
	"quản xứ", "chánh xứ", "trụ trì", "ni sư", "sư cô", "trưởng ban trị sự", "phó ban trị sự", "chức sắc",
)

// titleWords may appear inside a title in lower case: "Phó Bí thư
// thường trực Huyện ủy", "Giám đốc Trung tâm Chính trị huyện".
var titleWords = wordSet(`thư trực thường ban giáo vận dân tịch đốc tâm trị huyện tỉnh xã phường thị trấn
	thành phố quận khối viên vụ kiêm nhân chỉ đạo huy sự quân an công đảng ủy uỷ bộ cơ sở quan
	trưởng phó chánh văn phòng hội nông phụ nữ cựu chiến binh đoàn niên thanh liên hiệp mặt trận
	tổ quốc việt nam ấp thôn bản khu ngành đại biểu kiểm tra tuyên hành chính nhiệm trung ương
	mục sư xứ tọa trì sự chùa tịnh thất niệm phật đường
	lao động tướng tá úy hòa giải mttq ngoại tôn
	tộc dân tộc tôn giáo tịch thường vụ điều hành học viện hành chính sĩ phòng chức thủ tổng nước phủ tế`)

// stopAfterName are words that end a title: verbs and prepositions that
// commonly follow "đồng chí NAME, TITLE".
var titleStops = wordSet(`dự tham phát chủ yêu đề ghi nhấn cho lưu trao tặng khẳng biểu thay đánh nhận
	đã cũng cùng về tới đến tại trong với là có được và hoặc như mong kêu chúc giới trình báo
	quán truyền khai bế kết giải trả tiếp điều thông hướng chia nêu đọc chỉ bày`)

// triggers introduce a person: "đồng chí", "đ/c", "ông", "bà".
func triggerBefore(toks []token, p int) (int, bool) {
	k := p - 1
	if k >= 0 && toks[k].low == ":" {
		if sharedTitleBefore(toks, k) {
			return p, true // "các Phó Trưởng ban Dân vận Trung ương: Đỗ Văn Phới, ..."
		}
		k--
	}
	if k < 0 {
		return p, false
	}
	switch toks[k].low {
	case "ông", "bà", "anh", "chị":
		return k, true
	case "chí":
		if k >= 1 && toks[k-1].low == "đồng" {
			return k - 1, true
		}
	case "c":
		if k >= 2 && toks[k-1].low == "/" && toks[k-2].low == "đ" {
			return k - 2, true
		}
	}
	return p, false
}

// sharedTitleBefore reports a title shared by the names after the colon
// at toks[colon]: "các Phó Trưởng ban Dân vận Trung ương: A, B, C".
func sharedTitleBefore(toks []token, colon int) bool {
	j := colon
	for j > 0 && colon-j < 15 && isTitleToken(toks, j-1) {
		j--
	}
	for j < colon && !titleHeadAt(toks, j) {
		j++
	}
	return j < colon && j > 0 && toks[j-1].low == "các"
}
