package demo

// province is one of the 63 provinces and centrally-run cities before the
// 2025 reform, with its statistical (GSO) code.
type province struct {
	Code string // two-digit GSO code: "19"
	Name string // "Thái Nguyên"
	City bool   // thành phố trực thuộc Trung ương
}

// provinces63 lists the provinces before 1 July 2025, by GSO code.
var provinces63 = []province{
	{"01", "Hà Nội", true}, {"02", "Hà Giang", false}, {"04", "Cao Bằng", false},
	{"06", "Bắc Kạn", false}, {"08", "Tuyên Quang", false}, {"10", "Lào Cai", false},
	{"11", "Điện Biên", false}, {"12", "Lai Châu", false}, {"14", "Sơn La", false},
	{"15", "Yên Bái", false}, {"17", "Hòa Bình", false}, {"19", "Thái Nguyên", false},
	{"20", "Lạng Sơn", false}, {"22", "Quảng Ninh", false}, {"24", "Bắc Giang", false},
	{"25", "Phú Thọ", false}, {"26", "Vĩnh Phúc", false}, {"27", "Bắc Ninh", false},
	{"30", "Hải Dương", false}, {"31", "Hải Phòng", true}, {"33", "Hưng Yên", false},
	{"34", "Thái Bình", false}, {"35", "Hà Nam", false}, {"36", "Nam Định", false},
	{"37", "Ninh Bình", false}, {"38", "Thanh Hóa", false}, {"40", "Nghệ An", false},
	{"42", "Hà Tĩnh", false}, {"44", "Quảng Bình", false}, {"45", "Quảng Trị", false},
	{"46", "Thừa Thiên Huế", false}, {"48", "Đà Nẵng", true}, {"49", "Quảng Nam", false},
	{"51", "Quảng Ngãi", false}, {"52", "Bình Định", false}, {"54", "Phú Yên", false},
	{"56", "Khánh Hòa", false}, {"58", "Ninh Thuận", false}, {"60", "Bình Thuận", false},
	{"62", "Kon Tum", false}, {"64", "Gia Lai", false}, {"66", "Đắk Lắk", false},
	{"67", "Đắk Nông", false}, {"68", "Lâm Đồng", false}, {"70", "Bình Phước", false},
	{"72", "Tây Ninh", false}, {"74", "Bình Dương", false}, {"75", "Đồng Nai", false},
	{"77", "Bà Rịa - Vũng Tàu", false}, {"79", "Hồ Chí Minh", true}, {"80", "Long An", false},
	{"82", "Tiền Giang", false}, {"83", "Bến Tre", false}, {"84", "Trà Vinh", false},
	{"86", "Vĩnh Long", false}, {"87", "Đồng Tháp", false}, {"89", "An Giang", false},
	{"91", "Kiên Giang", false}, {"92", "Cần Thơ", true}, {"93", "Hậu Giang", false},
	{"94", "Sóc Trăng", false}, {"95", "Bạc Liêu", false}, {"96", "Cà Mau", false},
}

// merger is one of the 34 provinces from 1 July 2025: the old province
// whose name (and, here, whose units) it continues, and the old provinces
// merged into it (Nghị quyết 202/2025/QH15). Eleven provinces were not
// merged; they have no Others.
type merger struct {
	Survivor string
	Others   []string
}

// mergers2025 lists the 34 provinces of 1 July 2025 by their old GSO codes.
var mergers2025 = []merger{
	{"01", nil},                  // Hà Nội
	{"46", nil},                  // Huế
	{"12", nil},                  // Lai Châu
	{"11", nil},                  // Điện Biên
	{"14", nil},                  // Sơn La
	{"20", nil},                  // Lạng Sơn
	{"22", nil},                  // Quảng Ninh
	{"38", nil},                  // Thanh Hóa
	{"40", nil},                  // Nghệ An
	{"42", nil},                  // Hà Tĩnh
	{"04", nil},                  // Cao Bằng
	{"08", []string{"02"}},       // Tuyên Quang ← Hà Giang
	{"10", []string{"15"}},       // Lào Cai ← Yên Bái
	{"19", []string{"06"}},       // Thái Nguyên ← Bắc Kạn
	{"25", []string{"26", "17"}}, // Phú Thọ ← Vĩnh Phúc, Hòa Bình
	{"27", []string{"24"}},       // Bắc Ninh ← Bắc Giang
	{"33", []string{"34"}},       // Hưng Yên ← Thái Bình
	{"31", []string{"30"}},       // Hải Phòng ← Hải Dương
	{"37", []string{"35", "36"}}, // Ninh Bình ← Hà Nam, Nam Định
	{"45", []string{"44"}},       // Quảng Trị ← Quảng Bình
	{"48", []string{"49"}},       // Đà Nẵng ← Quảng Nam
	{"51", []string{"62"}},       // Quảng Ngãi ← Kon Tum
	{"64", []string{"52"}},       // Gia Lai ← Bình Định
	{"56", []string{"58"}},       // Khánh Hòa ← Ninh Thuận
	{"68", []string{"67", "60"}}, // Lâm Đồng ← Đắk Nông, Bình Thuận
	{"66", []string{"54"}},       // Đắk Lắk ← Phú Yên
	{"79", []string{"77", "74"}}, // Hồ Chí Minh ← Bà Rịa - Vũng Tàu, Bình Dương
	{"75", []string{"70"}},       // Đồng Nai ← Bình Phước
	{"72", []string{"80"}},       // Tây Ninh ← Long An
	{"92", []string{"94", "93"}}, // Cần Thơ ← Sóc Trăng, Hậu Giang
	{"86", []string{"83", "84"}}, // Vĩnh Long ← Bến Tre, Trà Vinh
	{"87", []string{"82"}},       // Đồng Tháp ← Tiền Giang
	{"96", []string{"95"}},       // Cà Mau ← Bạc Liêu
	{"89", []string{"91"}},       // An Giang ← Kiên Giang
}

// district is a district-level unit with its communes (for the small
// demo, real names).
type district struct {
	Type     string // "huyện", "thị xã", "thành phố"
	Name     string
	Communes []place
}

// place is a commune-level unit: "xã", "phường" or "thị trấn" and its name.
type place struct {
	Type string
	Name string
}

func x(name string) place  { return place{"xã", name} }
func p(name string) place  { return place{"phường", name} }
func tt(name string) place { return place{"thị trấn", name} }

// smallDistricts holds, for the two provinces of the small demo, their
// district-level units before 2025 and a few of each one's communes.
// District names are the real ones; commune names are real communes of
// those districts as far as the author knows, but only three to five of
// each district's communes are listed. Thành phố Phổ Yên was a thị xã
// until 2022; it is shown as a city throughout.
var smallDistricts = map[string][]district{
	"19": { // Thái Nguyên
		{"thành phố", "Thái Nguyên", []place{p("Hoàng Văn Thụ"), p("Phan Đình Phùng"), p("Quang Trung"), p("Túc Duyên"), p("Gia Sàng")}},
		{"thành phố", "Sông Công", []place{p("Mỏ Chè"), p("Thắng Lợi"), p("Cải Đan"), x("Bình Sơn")}},
		{"thành phố", "Phổ Yên", []place{p("Ba Hàng"), p("Bãi Bông"), p("Đồng Tiến"), x("Thành Công")}},
		{"huyện", "Đại Từ", []place{tt("Hùng Sơn"), x("La Bằng"), x("Hoàng Nông"), x("Phú Xuyên"), x("Quân Chu")}},
		{"huyện", "Định Hóa", []place{tt("Chợ Chu"), x("Phú Đình"), x("Điềm Mặc"), x("Bảo Cường")}},
		{"huyện", "Đồng Hỷ", []place{tt("Trại Cau"), x("Hóa Thượng"), x("Minh Lập"), x("Nam Hòa")}},
		{"huyện", "Phú Bình", []place{tt("Hương Sơn"), x("Úc Kỳ"), x("Kha Sơn"), x("Điềm Thụy")}},
		{"huyện", "Phú Lương", []place{tt("Đu"), tt("Giang Tiên"), x("Yên Lạc"), x("Động Đạt")}},
		{"huyện", "Võ Nhai", []place{tt("Đình Cả"), x("La Hiên"), x("Thần Sa"), x("Tràng Xá")}},
	},
	"06": { // Bắc Kạn
		{"thành phố", "Bắc Kạn", []place{p("Đức Xuân"), p("Phùng Chí Kiên"), p("Sông Cầu"), x("Dương Quang")}},
		{"huyện", "Ba Bể", []place{tt("Chợ Rã"), x("Nam Mẫu"), x("Khang Ninh"), x("Thượng Giáo")}},
		{"huyện", "Bạch Thông", []place{tt("Phủ Thông"), x("Cẩm Giàng"), x("Quân Hà")}},
		{"huyện", "Chợ Đồn", []place{tt("Bằng Lũng"), x("Ngọc Phái"), x("Bản Thi")}},
		{"huyện", "Chợ Mới", []place{tt("Đồng Tâm"), x("Yên Đĩnh"), x("Thanh Thịnh")}},
		{"huyện", "Na Rì", []place{tt("Yến Lạc"), x("Kim Hỷ"), x("Côn Minh")}},
		{"huyện", "Ngân Sơn", []place{tt("Nà Phặc"), x("Vân Tùng"), x("Thượng Quan")}},
		{"huyện", "Pác Nặm", []place{x("Bộc Bố"), x("Nghiên Loan"), x("Cao Tân")}},
	},
}

// syllables build the generated names of the national demo's districts
// and communes: common syllables of Vietnamese place names, so that the
// names look right and exercise collation (Đ, Ă, Â, the tones).
var syllables = []string{
	"An", "Bình", "Phú", "Hòa", "Tân", "Thạnh", "Đông", "Tây", "Nam", "Bắc",
	"Hưng", "Long", "Mỹ", "Phước", "Thuận", "Vĩnh", "Xuân", "Yên", "Quang", "Minh",
	"Hồng", "Thanh", "Trung", "Đức", "Hải", "Sơn", "Lạc", "Hà", "Cẩm", "Kim",
	"Ngọc", "Đại", "Tiên", "Phong", "Lợi", "Thịnh", "Lâm", "Khánh", "Hiệp", "Thái",
	"Hợp", "Nghĩa", "Tường", "Quý", "Lộc", "Phúc", "Thọ", "Cường", "Đồng", "Tiến",
	"Thắng", "Châu", "Giang", "Lương", "Ninh", "Hạ", "Thượng", "Ân", "Định", "Hiền",
	"Khê", "Lãng", "Mai", "Quế", "Thủy", "Trà", "Văn", "Việt", "Gia", "Bảo",
}
