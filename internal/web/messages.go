package web

// The message catalog: every string the interface shows, in Vietnamese
// (first) and English. Templates reach it through {{t "key"}}; Go code
// through Page.T. A test checks that every key used in a template exists
// in both languages.

// Languages the interface speaks, Vietnamese first.
const (
	LangVI = "vi"
	LangEN = "en"
)

var languages = []string{LangVI, LangEN}

type message struct{ vi, en string }

var catalog = map[string]message{
	"app.name":              {"Dân vận", "Dân vận"},
	"app.tagline":           {"Hệ thống công tác dân vận", "Mass mobilization work"},
	"nav.home":              {"Trang chủ", "Home"},
	"nav.units":             {"Đơn vị", "Units"},
	"nav.skip":              {"Bỏ qua, đến nội dung chính", "Skip to main content"},
	"lang.switch":           {"English", "Tiếng Việt"},
	"lang.other":            {"en", "vi"},
	"footer.note":           {"Phần mềm mã nguồn mở phục vụ công tác dân vận.", "Open-source software for mass mobilization work."},
	"home.title":            {"Trang chủ", "Home"},
	"home.intro":            {"Hệ thống tổ chức, số liệu và hoạt động của khối dân vận các cấp.", "The organization, figures and activities of mass mobilization boards at every level."},
	"home.units":            {"Xem hệ thống đơn vị", "Browse the units"},
	"err.title":             {"Có lỗi", "Error"},
	"err.back":              {"Về trang chủ", "Back to home"},
	"err.400":               {"Yêu cầu không hợp lệ.", "The request is not valid."},
	"err.403":               {"Bạn không có quyền xem hoặc thực hiện thao tác này.", "You may not see or do this."},
	"err.404":               {"Không tìm thấy trang hoặc dữ liệu bạn cần.", "The page or record was not found."},
	"err.405":               {"Phương thức không được hỗ trợ.", "Method not allowed."},
	"err.409":               {"Dữ liệu đã bị thay đổi hoặc trùng lặp.", "The data changed meanwhile or already exists."},
	"err.500":               {"Đã có lỗi hệ thống. Vui lòng thử lại sau.", "Something went wrong on our side. Please try again later."},
	"err.code":              {"Mã lỗi", "Error code"},
	"unit.tree.title":       {"Hệ thống đơn vị", "Unit hierarchy"},
	"unit.tree.asof":        {"Tại ngày", "As of"},
	"unit.tree.show":        {"Xem", "Show"},
	"unit.tree.today":       {"Hôm nay", "Today"},
	"unit.tree.empty":       {"Không có đơn vị nào còn hiệu lực vào ngày này.", "No unit was in force on this date."},
	"unit.tree.count":       {"đơn vị trực thuộc", "units below"},
	"unit.tree.more":        {"Xem tiếp các đơn vị cấp dưới", "See the units below"},
	"unit.tree.hint":        {"Chọn một ngày để xem hệ thống đơn vị như tại thời điểm đó (trước và sau sắp xếp ngày 01/07/2025).", "Pick a date to see the hierarchy as it stood then (before and after the reform of 01/07/2025)."},
	"unit.search":           {"Tìm đơn vị", "Find a unit"},
	"unit.search.go":        {"Tìm", "Search"},
	"unit.search.none":      {"Không tìm thấy đơn vị nào khớp với từ khóa.", "No unit matches."},
	"unit.search.res":       {"Kết quả tìm kiếm", "Search results"},
	"unit.level":            {"Cấp", "Level"},
	"unit.kind":             {"Loại", "Kind"},
	"unit.code":             {"Mã", "Code"},
	"unit.valid":            {"Hiệu lực", "In force"},
	"unit.from":             {"từ", "from"},
	"unit.to":               {"đến", "to"},
	"unit.now":              {"nay", "now"},
	"unit.ancestors":        {"Cấp trên", "Above"},
	"unit.children":         {"Đơn vị trực thuộc", "Units below"},
	"unit.nochildren":       {"Không có đơn vị trực thuộc vào ngày này.", "No units below on this date."},
	"unit.history":          {"Lịch sử tên gọi và trực thuộc", "Names and parents over time"},
	"unit.preds":            {"Đơn vị tiền thân", "Predecessors"},
	"unit.succs":            {"Đơn vị kế thừa", "Successors"},
	"unit.share":            {"tỷ lệ", "share"},
	"unit.closed":           {"Đơn vị này đã kết thúc hoạt động, ngày cuối cùng là", "This unit ceased; its last day was"},
	"unit.shownlast":        {"Thông tin dưới đây là của ngày cuối cùng đó.", "What follows is as of that last day."},
	"unit.shownfrom":        {"Thông tin dưới đây là của ngày thành lập", "What follows is as of its first day,"},
	"unit.notyet":           {"Đơn vị chưa được thành lập vào ngày đã chọn.", "The unit did not exist yet on the chosen date."},
	"unit.name":             {"Tên", "Name"},
	"unit.parent":           {"Trực thuộc", "Parent"},
	"unit.date":             {"Ngày", "Date"},
	"unit.link.merge":       {"sáp nhập", "merge"},
	"unit.link.split":       {"chia tách", "split"},
	"unit.today":            {"Đơn vị hiện nay", "Today's units"},
	"level.central":         {"Trung ương", "Central"},
	"level.province":        {"Tỉnh, thành phố", "Province"},
	"level.district":        {"Huyện, thị xã, thành phố thuộc tỉnh", "District"},
	"level.commune":         {"Xã, phường, thị trấn", "Commune"},
	"level.agency":          {"Khối, sở, ngành", "Agency"},
	"kind.board":            {"Ban Dân vận", "Mass mobilization board"},
	"kind.commune_bloc":     {"Khối Dân vận xã", "Commune mobilization bloc"},
	"kind.fatherland_front": {"Mặt trận Tổ quốc", "Fatherland Front"},
	"kind.womens_union":     {"Hội Liên hiệp Phụ nữ", "Women's Union"},
	"kind.farmers_union":    {"Hội Nông dân", "Farmers' Union"},
	"kind.veterans":         {"Hội Cựu chiến binh", "Veterans' Association"},
	"kind.youth_union":      {"Đoàn Thanh niên", "Youth Union"},
	"kind.trade_union":      {"Công đoàn", "Trade Union"},
	"kind.other":            {"Khác", "Other"},
	"page.prev":             {"Trang trước", "Previous"},
	"page.next":             {"Trang sau", "Next"},
	"page.of":               {"Trang %d / %d", "Page %d of %d"},
}

// translate returns the message for key in lang; a missing key shows as
// the key itself between brackets, so it is noticed and never crashes a page.
func translate(lang, key string) string {
	m, ok := catalog[key]
	if !ok {
		return "[" + key + "]"
	}
	if lang == LangEN && m.en != "" {
		return m.en
	}
	return m.vi
}
