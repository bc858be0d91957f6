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
	"auth.pw.note":        {"Sau khi đổi mật khẩu, mọi phiên đăng nhập khác của bạn sẽ kết thúc và mọi mã truy cập API của bạn bị thu hồi.", "Changing your password signs you out everywhere else and revokes your API tokens."},
	"auth.pw.submit":      {"Đổi mật khẩu", "Change password"},
	"auth.pw.mismatch":    {"Hai lần nhập mật khẩu mới không khớp nhau.", "The two new passwords differ."},
	"auth.pw.done":        {"Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", "Password changed. Your other sessions have ended."},

	// Two-factor sign-in.
	"auth.2fa.title":         {"Xác thực hai bước", "Two-step sign-in"},
	"auth.2fa.intro":         {"Khi bật, mỗi lần đăng nhập bạn nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator hoặc ứng dụng tương tự).", "When on, every sign-in also asks for the 6-digit code of an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or a similar app)."},
	"auth.2fa.must":          {"Tài khoản của bạn bắt buộc dùng xác thực hai bước. Hãy bật ngay để tiếp tục làm việc.", "Your account must use two-step sign-in. Turn it on now to go on working."},
	"auth.2fa.begin":         {"Bật xác thực hai bước", "Turn on two-step sign-in"},
	"auth.2fa.enrol_title":   {"Thêm tài khoản vào ứng dụng xác thực", "Add the account to your authenticator app"},
	"auth.2fa.enrol_scan":    {"Mở ứng dụng xác thực và quét mã QR dưới đây.", "Open your authenticator app and scan the QR code below."},
	"auth.2fa.qr_alt":        {"Mã QR để thêm tài khoản vào ứng dụng xác thực", "QR code that adds the account to an authenticator app"},
	"auth.2fa.enrol_manual":  {"Nếu không quét được, nhập khóa này vào ứng dụng:", "If you cannot scan it, type this key into the app:"},
	"auth.2fa.first_code":    {"Mã 6 chữ số ứng dụng đang hiện", "The 6-digit code the app shows"},
	"auth.2fa.confirm":       {"Xác nhận và bật", "Confirm and turn on"},
	"auth.2fa.codes_title":   {"Mã dự phòng", "Recovery codes"},
	"auth.2fa.codes_note":    {"Đã bật xác thực hai bước. Hãy in hoặc chép lại các mã dự phòng này và cất nơi an toàn: khi mất điện thoại, mỗi mã dùng được một lần thay cho mã từ ứng dụng. Các mã chỉ hiện một lần này.", "Two-step sign-in is on. Print or copy these recovery codes and keep them safe: if you lose your phone, each works once instead of the app's code. They are shown this once only."},
	"auth.2fa.codes_done":    {"Tôi đã cất các mã, tiếp tục", "I have kept the codes, go on"},
	"auth.2fa.on_since":      {"Xác thực hai bước đang bật từ %s.", "Two-step sign-in has been on since %s."},
	"auth.2fa.recovery_left": {"Còn %d mã dự phòng chưa dùng.", "%d recovery codes left unused."},
	"auth.2fa.required":      {"Tài khoản của bạn bắt buộc dùng xác thực hai bước. Khi mất điện thoại và hết mã dự phòng, hãy nhờ quản trị viên tắt để bật lại.", "Your account must use two-step sign-in. If you lose your phone and your recovery codes, ask an administrator to turn it off so you can set it up again."},
	"auth.2fa.off":           {"Tắt xác thực hai bước", "Turn off two-step sign-in"},
	"auth.2fa.off_note":      {"Tắt xác thực hai bước sẽ xóa khóa và các mã dự phòng; đăng nhập chỉ còn cần mật khẩu.", "Turning it off deletes the key and the recovery codes; signing in will need the password only."},
	"auth.2fa.keep":          {"Giữ nguyên", "Keep it on"},
	"auth.2fa.off_done":      {"Đã tắt xác thực hai bước.", "Two-step sign-in is off."},
	"auth.2fa.step_title":    {"Nhập mã xác thực", "Enter your code"},
	"auth.2fa.code":          {"Mã xác thực", "Code"},
	"auth.2fa.code_help":     {"6 chữ số từ ứng dụng xác thực, hoặc một mã dự phòng.", "The 6 digits from your authenticator app, or a recovery code."},
	"auth.2fa.verify":        {"Xác thực", "Verify"},
	"auth.2fa.again":         {"Đăng nhập lại", "Sign in again"},
	"auth.2fa.link":          {"Bật hoặc tắt mã xác thực từ điện thoại khi đăng nhập.", "Turn on or off a code from your phone at sign-in."},
}
