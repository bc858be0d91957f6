package campaign

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of this package's values and the messages of
// its errors, in Vietnamese and English.
var Messages = i18n.Catalog{
	"campaign.kind.poor":      {"Quỹ “Vì người nghèo”", "“For the poor” fund"},
	"campaign.kind.new_rural": {"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "All people unite to build new countryside and civilized towns"},
	"campaign.kind.ocop":      {"Mỗi xã một sản phẩm (OCOP)", "One commune one product (OCOP)"},
	"campaign.kind.local":     {"Cuộc vận động của địa phương", "Local campaign"},

	"audit.entity.campaign":             {"cuộc vận động", "campaign"},
	"audit.what.campaign.create":        {"tạo cuộc vận động", "created a campaign"},
	"audit.what.campaign.contribute":    {"ghi kết quả đóng góp", "recorded a contribution"},
	"audit.what.campaign.import":        {"nhập kết quả đóng góp từ tệp", "imported contributions from a file"},
	"campaign.err.forbidden_read":       {"Bạn không có quyền xem cuộc vận động này.", "You may not see this campaign."},
	"campaign.err.forbidden_write":      {"Bạn không có quyền tạo cuộc vận động của đơn vị này.", "You may not run campaigns of this unit."},
	"campaign.err.forbidden_contribute": {"Bạn không có quyền ghi kết quả đóng góp của đơn vị này.", "You may not record this unit's contributions."},
	"campaign.err.not_found":            {"Không tìm thấy cuộc vận động.", "The campaign was not found."},
	"campaign.err.unit":                 {"Hãy chọn một đơn vị có trong hệ thống.", "Choose a unit of the hierarchy."},
	"campaign.err.units":                {"Quá nhiều đơn vị tham gia.", "Too many units taking part."},
	"campaign.err.kind":                 {"Hãy chọn loại cuộc vận động.", "Choose the kind of campaign."},
	"campaign.err.name":                 {"Hãy nhập tên cuộc vận động (tối đa 300 ký tự).", "Enter the campaign's name (at most 300 characters)."},
	"campaign.err.starts_on":            {"Hãy nhập ngày bắt đầu, dạng 25/12/2024.", "Enter the start date, as 25/12/2024."},
	"campaign.err.ends_on":              {"Ngày kết thúc phải sau ngày bắt đầu.", "The end date must follow the start date."},
	"campaign.err.amount":               {"Số tiền hoặc số hộ không hợp lệ.", "The amount or count is not valid."},
	"campaign.err.too_long":             {"Nội dung quá dài.", "The text is too long."},
	"campaign.err.period":               {"Hãy nhập kỳ, ví dụ 2024, 2024S1, 2024Q3.", "Enter a period, such as 2024, 2024S1, 2024Q3."},
	"campaign.err.period_outside":       {"Kỳ này nằm ngoài thời gian của cuộc vận động.", "This period lies outside the campaign's dates."},
	"campaign.err.households":           {"Cuộc vận động này không đếm số hộ được giúp đỡ.", "This campaign does not count households helped."},
	"campaign.err.empty":                {"Hãy nhập số tiền, giá trị hiện vật hoặc số hộ.", "Enter an amount, an in-kind value or a number of households."},
	"campaign.err.not_taking_part":      {"Đơn vị này không tham gia cuộc vận động.", "This unit does not take part in the campaign."},
	"campaign.err.stale":                {"Kết quả này vừa được người khác sửa; hãy tải lại trang.", "Someone else changed this contribution; reload the page."},
	"campaign.err.file":                 {"Không đọc được tệp; hãy dùng tệp Excel (.xlsx) theo mẫu.", "The file could not be read; use an Excel file (.xlsx) like the template."},
	"campaign.err.file_rows":            {"Tệp có quá nhiều dòng (tối đa %d).", "The file has too many rows (at most %d)."},
	"campaign.err.file_line":            {"Dòng %d: %s", "Line %d: %s"},
	"campaign.err.file_unit":            {"Dòng %d: không có đơn vị mã “%s”.", "Line %d: there is no unit with code “%s”."},
	"campaign.err.file_number":          {"Dòng %d, cột %s: “%s” không phải là số.", "Line %d, column %s: “%s” is not a number."},
	"campaign.err.file_period":          {"Dòng %d: kỳ “%s” không hợp lệ.", "Line %d: the period “%s” is not valid."},
	"campaign.err.file_twice":           {"Dòng %d: đơn vị và kỳ này đã có ở dòng %d.", "Line %d: this unit and period were already on line %d."},
	"campaign.err.control":              {"có ký tự điều khiển", "holds a control character"},
	"campaign.err.file_empty":           {"Tệp không có dòng kết quả nào.", "The file holds no contribution."},
}
