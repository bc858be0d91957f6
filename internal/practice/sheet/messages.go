package sheet

import "github.com/danvan/danvan/internal/i18n"

// Messages are the import reader's messages in both languages. The
// headings and values of the file itself (Columns, the field and owner
// type labels) stay Vietnamese: that is the file format, and messages
// quote them as the file has them.
var Messages = i18n.Catalog{
	"practice.sheet.cell":       {"Dòng %d, cột %s (%s): %s", "Row %d, column %s (%s): %s"},
	"practice.sheet.header":     {"Dòng 1, cột %s: tiêu đề phải là “%s” (đang là “%s”). Hãy dùng đúng mẫu xuất từ sổ mô hình.", "Row 1, column %s: the heading must be “%s” (it is “%s”). Use the layout of the exported register."},
	"practice.sheet.too_many":   {"Tệp có quá nhiều dòng: tối đa %s mô hình mỗi lần nhập.", "The file has too many rows: %s models at most per import."},
	"practice.sheet.no_rows":    {"Tệp không có dòng mô hình nào dưới dòng tiêu đề.", "The file has no model rows under the heading row."},
	"practice.sheet.control":    {"có ký tự điều khiển không được phép (%s). Hãy xóa ký tự đó trong ô.", "holds a control character that is not allowed (%s). Delete it from the cell."},
	"practice.sheet.version":    {"phiên bản phải là số như trong tệp đã xuất (đừng sửa cột này).", "the version must be a number as exported (do not edit this column)."},
	"practice.sheet.id":         {"mã mô hình phải là số (để trống khi thêm mô hình mới).", "the model id must be a number (empty for a new model)."},
	"practice.sheet.unit_code":  {"chưa nhập mã đơn vị.", "the unit code is missing."},
	"practice.sheet.field":      {"lĩnh vực phải là một trong: Kinh tế; Văn hóa – xã hội; Quốc phòng – an ninh; Xây dựng Đảng; Xây dựng chính quyền; Dân tộc, tôn giáo.", "the field must be one of the six fields as the exported file writes them, or its code: economy, culture_society, defence_security, party_building, government_building, ethnic_religious."},
	"practice.sheet.owner_type": {"chủ thể phải là “Tập thể” hoặc “Cá nhân”.", "the owner type must be the file's word for collective or individual, or collective or individual."},
	"practice.sheet.started":    {"ngày bắt đầu không hợp lệ (dạng ngày/tháng/năm, ví dụ 15/03/2023).", "the start date is not valid (day/month/year, for example 15/03/2023)."},
}
