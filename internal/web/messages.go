package web

// The message catalog: every string the interface shows, in Vietnamese
// (first) and English. Templates reach it through {{t "key"}}; Go code
// through Page.T or translate. A test checks that every key used in a
// template exists in both languages. Each feature keeps its messages in
// its own file, messages_<feature>.go, merged into catalog below.

// Languages the interface speaks, Vietnamese first.
const (
	LangVI = "vi"
	LangEN = "en"
)

var languages = []string{LangVI, LangEN}

type message struct{ vi, en string }

// catalog is every message, merged from the per-feature maps (one file
// each: messages_unit.go, …). A key defined twice stops the program at
// start-up, so no feature silently overrides another's text.
var catalog = mergeMessages(coreMessages, unitMessages, authMessages,
	adminMessages, practiceMessages, reportMessages, meetingMessages)

func mergeMessages(maps ...map[string]message) map[string]message {
	out := map[string]message{}
	for _, m := range maps {
		for k, v := range m {
			if _, dup := out[k]; dup {
				panic("web: message key defined twice: " + k)
			}
			out[k] = v
		}
	}
	return out
}

var coreMessages = map[string]message{
	"app.name":                     {"Dân vận", "Dân vận"},
	"app.tagline":                  {"Hệ thống công tác dân vận", "Mass mobilization work"},
	"nav.home":                     {"Trang chủ", "Home"},
	"nav.units":                    {"Đơn vị", "Units"},
	"nav.skip":                     {"Bỏ qua, đến nội dung chính", "Skip to main content"},
	"lang.switch":                  {"English", "Tiếng Việt"},
	"lang.other":                   {"en", "vi"},
	"footer.note":                  {"Phần mềm mã nguồn mở phục vụ công tác dân vận.", "Open-source software for mass mobilization work."},
	"home.title":                   {"Trang chủ", "Home"},
	"home.intro":                   {"Hệ thống tổ chức, số liệu và hoạt động của khối dân vận các cấp.", "The organization, figures and activities of mass mobilization boards at every level."},
	"home.hello":                   {"Xin chào, %s", "Hello, %s"},
	"home.current":                 {"Đơn vị đang xem", "Unit"},
	"home.switch":                  {"Chuyển", "Switch"},
	"home.notices":                 {"Thông báo về báo cáo", "Report notices"},
	"home.tasks":                   {"Nhiệm vụ của đơn vị bạn", "Your units' tasks"},
	"home.overdue":                 {"Có %d nhiệm vụ quá hạn trong phạm vi của bạn", "%d overdue tasks in your scope"},
	"home.due":                     {"hạn", "due"},
	"home.alltasks":                {"Xem tất cả nhiệm vụ", "See all tasks"},
	"home.notasks":                 {"Đơn vị của bạn không có nhiệm vụ nào đang mở.", "Your units have no open tasks."},
	"home.grants":                  {"Đơn vị và vai trò của bạn", "Your units and roles"},
	"home.nogrants":                {"Tài khoản chưa được cấp quyền trên đơn vị nào. Hãy liên hệ quản trị viên.", "Your account has no role on any unit yet. Ask an administrator."},
	"home.activity":                {"Hoạt động gần đây", "Recent activity"},
	"home.noactivity":              {"Chưa có hoạt động nào được ghi nhận.", "Nothing recorded yet."},
	"role.admin":                   {"Quản trị", "Administrator"},
	"role.leader":                  {"Lãnh đạo", "Leader"},
	"role.officer":                 {"Cán bộ nhập liệu", "Officer"},
	"role.viewer":                  {"Xem", "Viewer"},
	"audit.action.create":          {"tạo", "created"},
	"audit.action.update":          {"cập nhật", "updated"},
	"audit.action.rename":          {"đổi tên", "renamed"},
	"audit.action.move":            {"chuyển trực thuộc", "moved"},
	"audit.action.merge":           {"sáp nhập", "merged"},
	"audit.action.split":           {"chia tách", "split"},
	"audit.action.close":           {"kết thúc hoạt động", "closed"},
	"audit.action.grant":           {"cấp quyền", "granted"},
	"audit.action.revoke":          {"thu hồi", "revoked"},
	"audit.action.login":           {"đăng nhập", "signed in"},
	"audit.action.logout":          {"đăng xuất", "signed out"},
	"audit.action.enable":          {"mở khóa", "enabled"},
	"audit.action.disable":         {"khóa", "disabled"},
	"audit.action.set_password":    {"đặt lại mật khẩu", "reset the password of"},
	"audit.action.change_password": {"đổi mật khẩu", "changed the password of"},
	"audit.system":                 {"Hệ thống", "System"},
	"audit.what.grant.grant":       {"cấp quyền", "granted a role"},
	"audit.what.grant.revoke":      {"thu hồi quyền", "revoked a role"},
	"audit.what.unit.merge_into":   {"tiếp nhận đơn vị sáp nhập vào", "received merged units"},
	"audit.what.session.login":     {"đăng nhập", "signed in"},
	"audit.what.session.logout":    {"đăng xuất", "signed out"},
	"audit.entity.unit":            {"đơn vị", "unit"},
	"audit.entity.user":            {"tài khoản", "account"},
	"audit.entity.grant":           {"quyền", "grant"},
	"audit.entity.session":         {"phiên đăng nhập", "session"},
	"audit.entity.api_token":       {"mã truy cập API", "API token"},
	"home.units":                   {"Xem hệ thống đơn vị", "Browse the units"},
	"err.title":                    {"Có lỗi", "Error"},
	"err.back":                     {"Về trang chủ", "Back to home"},
	"err.400":                      {"Yêu cầu không hợp lệ.", "The request is not valid."},
	"err.403":                      {"Bạn không có quyền xem hoặc thực hiện thao tác này.", "You may not see or do this."},
	"err.404":                      {"Không tìm thấy trang hoặc dữ liệu bạn cần.", "The page or record was not found."},
	"err.405":                      {"Phương thức không được hỗ trợ.", "Method not allowed."},
	"err.409":                      {"Dữ liệu đã bị thay đổi hoặc trùng lặp.", "The data changed meanwhile or already exists."},
	"err.500":                      {"Đã có lỗi hệ thống. Vui lòng thử lại sau.", "Something went wrong on our side. Please try again later."},
	"err.crossorigin":              {"Yêu cầu từ trang web khác bị từ chối.", "Cross-origin request refused."},
	"err.413":                      {"Dữ liệu gửi lên quá lớn (tối đa 32 MB). Hãy chọn tệp nhỏ hơn.", "What you sent is too large (32 MB at most). Choose a smaller file."},
	"err.code":                     {"Mã lỗi", "Error code"},
	"page.nav":                     {"Phân trang", "Pages"},
	"page.prev":                    {"Trang trước", "Previous"},
	"page.next":                    {"Trang sau", "Next"},
	"page.of":                      {"Trang %d / %d", "Page %d of %d"},
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
