package accountui

import "github.com/danvan/danvan/internal/i18n"

// Messages are the words of signing in and out and of the account pages.
var Messages = i18n.Catalog{
	"auth.login.name":     {"Tên đăng nhập", "Login name"},
	"auth.login.password": {"Mật khẩu", "Password"},
	"auth.login.submit":   {"Đăng nhập", "Sign in"},
	"auth.loggedout":      {"Bạn đã đăng xuất.", "You have signed out."},
	"auth.expired":        {"Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", "Your session has ended. Please sign in again."},
	"auth.pw.title":       {"Đổi mật khẩu", "Change password"},
	"auth.pw.old":         {"Mật khẩu hiện tại", "Current password"},
	"auth.pw.new":         {"Mật khẩu mới", "New password"},
	"auth.pw.confirm":     {"Nhập lại mật khẩu mới", "Repeat the new password"},
	"auth.pw.rule":        {"Ít nhất 10 ký tự.", "At least 10 characters."},
	"auth.pw.note":        {"Sau khi đổi mật khẩu, mọi phiên đăng nhập khác của bạn sẽ kết thúc.", "Changing your password signs you out everywhere else."},
	"auth.pw.submit":      {"Đổi mật khẩu", "Change password"},
	"auth.pw.mismatch":    {"Hai lần nhập mật khẩu mới không khớp nhau.", "The two new passwords differ."},
	"auth.pw.done":        {"Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", "Password changed. Your other sessions have ended."},
}
