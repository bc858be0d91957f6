package auth

import "github.com/danvan/danvan/internal/i18n"

// Messages are the messages of this package's errors ("auth.err.<what>").
// The labels of roles ("role.<code>") are the web kit's, beside the other
// words every page shows.
var Messages = i18n.Catalog{
	// Signing in, sessions, tokens.
	"auth.err.bad_login":       {"Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong login name or password."},
	"auth.err.disabled":        {"Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.", "The account is disabled. Ask an administrator."},
	"auth.err.session_expired": {"Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", "Your session has ended. Please sign in again."},
	"auth.err.bad_token":       {"Mã truy cập API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa.", "The API token is not valid, has been revoked, or its account is disabled."},
	"auth.err.throttled":       {"Đăng nhập sai quá nhiều lần. Vui lòng thử lại lúc %s.", "Too many failed sign-ins. Try again at %s."},
	"auth.err.slowed":          {"Có nhiều lần đăng nhập sai từ địa chỉ mạng của bạn. Vui lòng chờ đến %s rồi thử lại.", "Many failed sign-ins came from your network address. Wait until %s, then try again."},
	"auth.err.busy":            {"Máy chủ đang bận kiểm tra nhiều lượt đăng nhập. Vui lòng thử lại sau ít phút.", "The server is busy checking many sign-ins. Try again in a few minutes."},
	"auth.err.sign_in":         {"Vui lòng đăng nhập để tiếp tục.", "Please sign in to continue."},
	"auth.err.csrf":            {"Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.", "The form has expired or is not valid. Reload the page and try again."},

	// Two-factor sign-in.
	"auth.err.2fa_code":      {"Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập 6 chữ số đang hiện trên ứng dụng xác thực, hoặc một mã dự phòng.", "The code is wrong or has expired. Type the 6 digits your authenticator app shows now, or a recovery code."},
	"auth.err.2fa_expired":   {"Bước xác thực thứ hai đã hết hạn. Vui lòng đăng nhập lại.", "The second step has expired. Please sign in again."},
	"auth.err.2fa_on":        {"Tài khoản đã bật xác thực hai bước.", "Two-step sign-in is already on for this account."},
	"auth.err.2fa_off":       {"Tài khoản chưa bật xác thực hai bước.", "Two-step sign-in is not on for this account."},
	"auth.err.2fa_not_begun": {"Hãy bắt đầu lại việc bật xác thực hai bước.", "Start turning on two-step sign-in again."},
	"auth.err.2fa_required":  {"Tài khoản của bạn bắt buộc dùng xác thực hai bước nên không thể tắt.", "Your account must use two-step sign-in; it cannot be turned off."},
	"auth.err.2fa_browser":   {"Chỉ bật xác thực hai bước khi đăng nhập bằng trình duyệt.", "Two-step sign-in is set up from a signed-in browser only."},

	// Accounts.
	"auth.err.unknown_user":      {"Không tìm thấy tài khoản.", "Account not found."},
	"auth.err.stale_user":        {"Tài khoản đã được người khác cập nhật. Vui lòng tải lại trang và thử lại.", "Someone else has changed the account meanwhile. Reload the page and try again."},
	"auth.err.login_taken":       {"Tên đăng nhập đã được dùng cho một tài khoản khác.", "The login name is already used by another account."},
	"auth.err.login_format":      {"Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ cái hoặc chữ số.", "A login name has 3–64 characters: unaccented letters, digits, dots, underscores or hyphens, starting with a letter or a digit."},
	"auth.err.name_missing":      {"Chưa nhập họ và tên.", "The full name is missing."},
	"auth.err.name_long":         {"Họ và tên không được dài quá 200 ký tự.", "The full name has at most 200 characters."},
	"auth.err.phone_format":      {"Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng dấu + (8–15 chữ số).", "A phone number has only digits, perhaps after a + (8–15 digits)."},
	"auth.err.email_format":      {"Địa chỉ thư điện tử không hợp lệ.", "Not a valid e-mail address."},
	"auth.err.old_password":      {"Mật khẩu hiện tại không đúng.", "The current password is wrong."},
	"auth.err.same_password":     {"Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one."},
	"auth.err.password_short":    {"Mật khẩu phải có ít nhất 10 ký tự.", "A password has at least 10 characters."},
	"auth.err.password_long":     {"Mật khẩu không được dài quá 256 ký tự.", "A password has at most 256 characters."},
	"auth.err.password_simple":   {"Mật khẩu quá đơn giản: cần ít nhất %d ký tự khác nhau.", "The password is too simple: it needs at least %d different characters."},
	"auth.err.password_common":   {"Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất (hoặc chỉ thêm số, dấu vào một mật khẩu như vậy). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.", "This password is among the most common ones (or one of them with digits or signs added). Choose another, for example a short sentence you remember."},
	"auth.err.password_personal": {"Mật khẩu không được chứa tên đăng nhập, họ tên hoặc tên đơn vị của tài khoản.", "The password may not contain the account's login name, full name or unit name."},
	"auth.err.disable_self":      {"Bạn không thể tự khóa tài khoản của mình.", "You cannot disable your own account."},

	// Grants.
	"auth.err.role":          {"Vai trò không hợp lệ.", "Not a valid role."},
	"auth.err.grant_exists":  {"Tài khoản đã có vai trò này trên đơn vị này.", "The account already holds this role on this unit."},
	"auth.err.unknown_grant": {"Không tìm thấy quyền được cấp.", "Grant not found."},
	"auth.err.unit_closed":   {"Đơn vị đã giải thể hoặc sáp nhập; hãy cấp quyền trên đơn vị hiện nay.", "The unit has been closed or merged; grant a role on today's unit instead."},
	"auth.err.unknown_unit":  {"Không tìm thấy đơn vị.", "Unit not found."},
	"auth.err.grant_scope":   {"Đơn vị được chọn nằm ngoài phạm vi bạn quản trị.", "The unit chosen is outside what you administer."},

	// API tokens.
	"auth.err.token_name":       {"Chưa đặt tên cho mã truy cập (1–100 ký tự).", "Give the token a name (1–100 characters)."},
	"auth.err.unknown_token":    {"Không tìm thấy mã truy cập.", "Token not found."},
	"auth.err.token_revoked":    {"Mã truy cập đã bị thu hồi.", "The token has already been revoked."},
	"auth.err.token_expired":    {"Mã truy cập API đã hết hạn. Hãy tạo mã mới.", "The API token has expired. Make a new one."},
	"auth.err.token_expiry":     {"Ngày hết hạn phải sau hôm nay và không quá %d ngày.", "The expiry must be after today and at most %d days away."},
	"auth.err.token_units":      {"Mã truy cập chỉ được giới hạn trong tối đa %d đơn vị.", "A token may be limited to at most %d units."},
	"auth.err.token_unit_scope": {"Đơn vị được chọn nằm ngoài phạm vi tài khoản được xem.", "A unit chosen is outside what the account may read."},

	// Who may do what.
	"auth.err.forbidden_read":    {"Bạn không có quyền xem dữ liệu của đơn vị này.", "You may not see this unit's records."},
	"auth.err.forbidden_write":   {"Bạn không có quyền nhập hoặc sửa dữ liệu của đơn vị này.", "You may not enter or edit this unit's records."},
	"auth.err.forbidden_approve": {"Bạn không có quyền phê duyệt cho đơn vị này.", "You may not approve for this unit."},
	"auth.err.forbidden_admin":   {"Bạn không có quyền quản trị đơn vị này.", "You do not administer this unit."},
	"auth.err.not_admin":         {"Bạn không có quyền quản trị.", "You are not an administrator."},

	// The audit log.
	"auth.err.audit_forbidden": {"Chỉ quản trị viên và lãnh đạo được xem nhật ký thay đổi.", "Only administrators and leaders may read the audit log."},
	"auth.err.audit_unit":      {"Đơn vị được chọn nằm ngoài phạm vi bạn được xem.", "The unit chosen is outside what you may read."},
}
