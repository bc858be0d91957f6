package web

import (
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/accountui"
	"github.com/danvan/danvan/internal/web/adminui"
	"github.com/danvan/danvan/internal/web/apiui"
	"github.com/danvan/danvan/internal/web/campaignui"
	"github.com/danvan/danvan/internal/web/citizenui"
	"github.com/danvan/danvan/internal/web/commendui"
	"github.com/danvan/danvan/internal/web/committeeui"
	"github.com/danvan/danvan/internal/web/directiveui"
	"github.com/danvan/danvan/internal/web/documentui"
	"github.com/danvan/danvan/internal/web/emulationui"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/meetingui"
	"github.com/danvan/danvan/internal/web/notifyui"
	"github.com/danvan/danvan/internal/web/portalui"
	"github.com/danvan/danvan/internal/web/practiceui"
	"github.com/danvan/danvan/internal/web/reportui"
	"github.com/danvan/danvan/internal/web/searchui"
	"github.com/danvan/danvan/internal/web/unitui"
)

// Catalog merges the message catalogs of every package that shows text:
// the kit, each feature and each domain package. A key defined twice is
// an error, so no package silently overrides another's text.
func Catalog() (i18n.Catalog, error) {
	return i18n.Merge(
		kit.Messages,
		Messages,
		unitui.Messages,
		reportui.Messages,
		practiceui.Messages,
		meetingui.Messages,
		commendui.Messages,
		committeeui.Messages,
		emulationui.Messages,
		campaignui.Messages,
		directiveui.Messages,
		documentui.Messages,
		portalui.Messages,
		adminui.Messages,
		accountui.Messages,
		apiui.Messages,
		citizenui.Messages,
		notifyui.Messages,
		searchui.Messages,
		// the domain packages' errors and labels
		vntext.Messages,
		org.Messages,
		auth.Messages,
		report.Messages,
		practice.Messages,
		sheet.Messages,
		meeting.Messages,
		emulation.Messages,
		committee.Messages,
		emulation.BlocMessages,
		blocsheet.Messages,
		commendation.Messages,
		campaign.Messages,
		directive.Messages,
		document.Messages,
		portal.Messages,
		search.Messages,
		backup.Messages,
		citizen.Messages,
		notify.Messages,
		upload.Messages,
	)
}

// Messages are the words of the home page.
var Messages = i18n.Catalog{
	"home.title":      {"Trang chủ", "Home"},
	"home.intro":      {"Hệ thống tổ chức, số liệu và hoạt động của khối dân vận các cấp.", "The organization, figures and activities of mass mobilization boards at every level."},
	"home.hello":      {"Xin chào, %s", "Hello, %s"},
	"home.current":    {"Đơn vị đang xem", "Unit"},
	"home.switch":     {"Chuyển", "Switch"},
	"home.notices":    {"Thông báo về báo cáo", "Report notices"},
	"home.tasks":      {"Nhiệm vụ của đơn vị bạn", "Your units' tasks"},
	"home.overdue":    {"Có %d nhiệm vụ quá hạn trong phạm vi của bạn", "%d overdue tasks in your scope"},
	"home.due":        {"hạn", "due"},
	"home.alltasks":   {"Xem tất cả nhiệm vụ", "See all tasks"},
	"home.notasks":    {"Đơn vị của bạn không có nhiệm vụ nào đang mở.", "Your units have no open tasks."},
	"home.grants":     {"Đơn vị và vai trò của bạn", "Your units and roles"},
	"home.nogrants":   {"Tài khoản chưa được cấp quyền trên đơn vị nào. Hãy liên hệ quản trị viên.", "Your account has no role on any unit yet. Ask an administrator."},
	"home.activity":   {"Hoạt động gần đây", "Recent activity"},
	"home.noactivity": {"Chưa có hoạt động nào được ghi nhận.", "Nothing recorded yet."},
	"home.units":      {"Xem hệ thống đơn vị", "Browse the units"},
	// the inbox: what waits for the user, in that order
	"home.inbox":               {"Việc cần xử lý", "Waiting for you"},
	"home.inbox.empty":         {"Không có việc nào đang chờ bạn.", "Nothing is waiting for you."},
	"home.inbox.waiting":       {"Báo cáo chờ bạn phê duyệt", "Reports waiting for your decision"},
	"home.inbox.overdue":       {"Đơn vị chưa gửi báo cáo %s (đã quá hạn)", "Units that have not submitted the report for %s (overdue)"},
	"home.inbox.due":           {"Đơn vị chưa gửi báo cáo %s (hạn %s)", "Units that have not submitted the report for %s (due %s)"},
	"home.inbox.tasks":         {"Nhiệm vụ quá hạn và đến hạn trong tuần", "Tasks overdue or due this week"},
	"home.inbox.models":        {"Mô hình đang triển khai, chờ công nhận", "Models under way, waiting for recognition"},
	"home.inbox.all":           {"Xem tất cả", "See all"},
	"home.inbox.hotspots":      {"Cảnh báo điểm nóng đang mở", "Open hot-spot warnings"},
	"home.inbox.hotspot_cases": {"%d vụ việc", "%d cases"},
	"home.inbox.hotspots_all":  {"Xem tất cả %s cảnh báo", "See all %s warnings"},
	"home.inbox.hotspots_none": {"Không có cảnh báo điểm nóng nào đang mở trong phạm vi của bạn.", "No open hot-spot warning in your scope."},
	"home.report":              {"Báo cáo của đơn vị · %s", "Your unit's report · %s"},
	"home.report.due":          {"Hạn gửi: %s", "Due: %s"},
	"home.report.open":         {"Mở báo cáo", "Open the report"},
	"home.report.start":        {"Lập báo cáo", "Start the report"},
}
