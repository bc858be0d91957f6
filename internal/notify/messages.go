package notify

import "github.com/danvan/danvan/internal/i18n"

// Messages are the words of reminders: their kinds, their sentences and
// the e-mail digest.
var Messages = i18n.Catalog{
	"notify.kind.report_due":       {"Báo cáo sắp đến hạn", "Reports due soon"},
	"notify.kind.report_overdue":   {"Báo cáo quá hạn", "Overdue reports"},
	"notify.kind.decision_waiting": {"Báo cáo chờ phê duyệt", "Reports waiting for your decision"},
	"notify.kind.task_due":         {"Nhiệm vụ sắp đến hạn", "Tasks due soon"},
	"notify.kind.task_overdue":     {"Nhiệm vụ quá hạn", "Overdue tasks"},
	"notify.kind.citizen_due":      {"Việc công dân sắp đến hạn", "Citizen affairs due soon"},
	"notify.kind.citizen_overdue":  {"Việc công dân quá hạn", "Overdue citizen affairs"},

	"notify.citizen.petition":         {"Đơn thư", "Petition"},
	"notify.citizen.issue":            {"Ý kiến sau đối thoại", "Dialogue issue"},
	"notify.citizen.dialogue_notice":  {"Thông báo đối thoại", "Dialogue announcement"},
	"notify.citizen.dialogue_publish": {"Công bố kết quả đối thoại", "Dialogue results"},

	"notify.msg.report_due":       {"%s, kỳ %s, của %s: hạn nộp ngày %s.", "%s for %s from %s: due on %s."},
	"notify.msg.report_overdue":   {"%s, kỳ %s, của %s: đã quá hạn nộp từ ngày %s.", "%s for %s from %s: overdue since %s."},
	"notify.msg.decision_waiting": {"%s, kỳ %s, của %s: gửi ngày %s, đang chờ phê duyệt.", "%s for %s from %s: sent on %s, waiting for a decision."},
	"notify.msg.task_due":         {"Nhiệm vụ “%s” của %s: đến hạn ngày %s.", "Task “%s” of %s: due on %s."},
	"notify.msg.task_overdue":     {"Nhiệm vụ “%s” của %s: đã quá hạn từ ngày %s.", "Task “%s” of %s: overdue since %s."},
	"notify.msg.citizen_due":      {"%s “%s” của %s: đến hạn ngày %s.", "%s “%s” of %s: due on %s."},
	"notify.msg.citizen_overdue":  {"%s “%s” của %s: đã quá hạn từ ngày %s.", "%s “%s” of %s: overdue since %s."},

	"notify.mail.subject":     {"[danvan] Nhắc việc ngày %s: %d việc cần chú ý", "[danvan] Reminders of %s: %d items"},
	"notify.mail.greeting":    {"Kính gửi đồng chí %s,", "Dear %s,"},
	"notify.mail.intro":       {"Hệ thống danvan nhắc đồng chí các việc sau (tính đến ngày %s):", "danvan reminds you of the following (as of %s):"},
	"notify.mail.unsubscribe": {"Đồng chí có thể ngừng nhận từng loại nhắc việc tại: %s", "You can stop each kind of reminder at: %s"},
	"notify.mail.auto":        {"Thư này được gửi tự động, xin đừng trả lời.", "This message was sent automatically; please do not reply."},

	"notify.err.settings":         {"Chỉ người vận hành hệ thống mới đổi được lịch nhắc việc.", "Only the system's operator may change the reminder schedule."},
	"notify.err.settings_invalid": {"Lịch nhắc việc không hợp lệ: %s.", "The reminder schedule is not valid: %s."},
	"notify.err.signin":           {"Vui lòng đăng nhập.", "Please sign in."},
	"notify.err.kind":             {"Không có loại nhắc việc “%s”.", "There is no reminder kind “%s”."},
}
