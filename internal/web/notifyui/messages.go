package notifyui

import "github.com/danvan/danvan/internal/i18n"

// Messages are the words of the reminders page.
var Messages = i18n.Catalog{
	"notify.nav":     {"Nhắc việc", "Reminders"},
	"notify.title":   {"Nhắc việc", "Reminders"},
	"notify.of_day":  {"Các việc cần chú ý, tính đến ngày %s", "What needs attention, as of %s"},
	"notify.none":    {"Hiện không có việc nào cần nhắc.", "Nothing to remind you of."},
	"notify.open":    {"Xem", "Open"},
	"notify.choose":  {"Loại nhắc việc muốn nhận", "Reminders you receive"},
	"notify.explain": {"Nhắc việc được gửi mỗi ngày một lần, trong ứng dụng và qua thư điện tử nếu tài khoản có địa chỉ thư. Bỏ chọn một loại để ngừng nhận loại đó.", "Reminders come once a day, here and by e-mail when your account has an address. Untick a kind to stop receiving it."},
	"notify.save":    {"Lưu lựa chọn", "Save"},
	"notify.saved":   {"Đã lưu các loại nhắc việc bạn muốn nhận.", "Your reminder choices are saved."},
}
