package document

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of document types and ways of signing
// ("document.type.<code>", "document.sign.<mode>") and the messages of
// this package's errors.
var Messages = i18n.Catalog{
	"document.type.BC":  {"Báo cáo", "Report"},
	"document.type.KH":  {"Kế hoạch", "Plan"},
	"document.type.TB":  {"Thông báo", "Notice"},
	"document.type.QĐ":  {"Quyết định", "Decision"},
	"document.type.NQ":  {"Nghị quyết", "Resolution"},
	"document.type.KL":  {"Kết luận", "Conclusion"},
	"document.type.CTr": {"Chương trình", "Programme"},
	"document.type.HD":  {"Hướng dẫn", "Guidance"},
	"document.type.CV":  {"Công văn", "Official letter"},
	"document.type.BB":  {"Biên bản", "Minutes"},

	"document.sign.direct": {"Ký trực tiếp", "Signed directly"},
	"document.sign.deputy": {"Ký thay (K/T)", "Signed for the head (K/T)"},
	"document.sign.behalf": {"Thay mặt (T/M)", "Signed on behalf (T/M)"},

	"document.err.login":           {"Vui lòng đăng nhập để tiếp tục.", "Please sign in to continue."},
	"document.err.not_found":       {"Không tìm thấy văn bản.", "Document not found."},
	"document.err.forbidden_write": {"Bạn không có quyền ban hành văn bản của đơn vị này.", "You may not issue documents for this unit."},
	"document.err.forbidden_admin": {"Bạn không có quyền thiết lập nhiệm kỳ, ký hiệu văn bản của đơn vị này.", "You may not set this unit's terms or issuer codes."},
	"document.err.unit":            {"Đơn vị ban hành không tồn tại hoặc đã giải thể.", "The issuing unit does not exist or has closed."},
	"document.err.type":            {"Loại văn bản không hợp lệ.", "Unknown type of document."},
	"document.err.summary":         {"Trích yếu không được để trống và dài tối đa %d ký tự.", "The summary must be given, at most %d characters."},
	"document.err.sign_mode":       {"Hình thức ký không hợp lệ.", "Unknown way of signing."},
	"document.err.signer_name":     {"Cần ghi họ tên người ký (tối đa %d ký tự).", "Give the signer's name (at most %d characters)."},
	"document.err.signer_title":    {"Cần ghi chức vụ người ký (tối đa %d ký tự).", "Give the signer's title (at most %d characters)."},
	"document.err.signer_for":      {"Ký thay hoặc thay mặt cần ghi ký thay ai hoặc thay mặt cơ quan nào (tối đa %d ký tự).", "Signing for someone or on behalf of a body needs whom or which body (at most %d characters)."},
	"document.err.recipients":      {"Nơi nhận: tối đa %d nơi, mỗi nơi tối đa %d ký tự.", "Recipients: at most %d, each at most %d characters."},
	"document.err.source":          {"Bản ghi nguồn của văn bản không hợp lệ.", "The record the document comes from is not valid."},
	"document.err.no_issuer":       {"Đơn vị chưa có ký hiệu văn bản vào ngày %s: quản trị viên cần thiết lập trước.", "The unit has no issuer code on %s: an administrator must set one first."},
	"document.err.no_term":         {"Không có nhiệm kỳ nào chứa ngày %s: quản trị viên cần thiết lập nhiệm kỳ.", "No term covers %s: an administrator must set one."},
	"document.err.replaced":        {"Văn bản này đã được thay thế bởi văn bản %s.", "This document has already been replaced by %s."},
	"document.err.replace_unit":    {"Văn bản thay thế phải do cùng đơn vị ban hành.", "A correction must be issued by the same unit."},
	"document.err.file_kind":       {"Không có tệp loại này.", "No such file."},
	"document.err.no_scan":         {"Chưa có bản scan có chữ ký.", "No signed scan has been uploaded."},
	"document.err.no_storage":      {"Chưa cấu hình nơi lưu tệp.", "No file storage is configured."},
	"document.err.scan_empty":      {"Chưa chọn tệp, hoặc tệp rỗng.", "No file was chosen, or it is empty."},
	"document.err.scan_large":      {"Tệp quá lớn: tối đa %d MB.", "The file is too large: at most %d MB."},
	"document.err.scan_type":       {"Bản scan phải là tệp PDF, JPEG hoặc PNG.", "A scan must be a PDF, JPEG or PNG file."},
	"document.err.term_name":       {"Cần ghi tên nhiệm kỳ (tối đa %d ký tự).", "Give the term's name (at most %d characters)."},
	"document.err.term_dates":      {"Ngày bắt đầu và kết thúc nhiệm kỳ không hợp lệ.", "The term's start and end dates are not valid."},
	"document.err.term_overlap":    {"Nhiệm kỳ trùng thời gian với nhiệm kỳ %s.", "The term overlaps the term %s."},
	"document.err.term_used":       {"Đã có văn bản ban hành trong khoảng thời gian này; không thể thay đổi nhiệm kỳ.", "Documents were issued in this period; the terms cannot change."},
	"document.err.issuer_code":     {"Ký hiệu cơ quan ban hành chỉ gồm chữ in hoa, chữ số (tối đa %d ký tự), ví dụ BDVTU.", "The issuer code takes capital letters and digits (at most %d), e.g. BDVTU."},
	"document.err.issuer_name":     {"Cần ghi tên cơ quan ban hành (tối đa %d ký tự).", "Give the issuing body's name (at most %d characters)."},
	"document.err.issuer_line":     {"Tên cơ quan cấp trên dài tối đa %d ký tự.", "The superior body's name takes at most %d characters."},
	"document.err.issuer_place":    {"Cần ghi địa danh (tối đa %d ký tự).", "Give the place (at most %d characters)."},
	"document.err.issuer_from":     {"Ngày áp dụng phải sau ngày áp dụng ký hiệu hiện tại (%s).", "The start date must come after the current code's (%s)."},
	"document.err.issuer_used":     {"Đã có văn bản ban hành từ ngày %s; không thể đổi ký hiệu từ trước ngày đó.", "Documents were issued on %s; the code cannot change before that day."},
	"document.err.date":            {"Ngày không hợp lệ.", "The date is not valid."},
}
