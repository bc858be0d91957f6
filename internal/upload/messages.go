package upload

import "github.com/danvan/danvan/internal/i18n"

// Messages are the refusals of an upload that passes a bound.
var Messages = i18n.Catalog{
	"upload.err.workbook":  {"Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel.", "The Excel file (.xlsx) cannot be read: it is damaged or not an Excel file."},
	"upload.err.unpacked":  {"Tệp Excel quá lớn khi giải nén (tối đa %s MB). Hãy chia thành nhiều tệp nhỏ hơn.", "The Excel file is too large once unpacked (%s MB at most). Split it into smaller files."},
	"upload.err.rows":      {"Tệp Excel có quá nhiều dòng (tối đa %s dòng mỗi trang tính). Hãy xóa các dòng thừa hoặc chia thành nhiều tệp.", "The Excel file has too many rows (%s per sheet at most). Delete the extra rows or split the file."},
	"upload.err.cols":      {"Tệp Excel có dữ liệu ở quá nhiều cột (tối đa %s cột). Hãy dùng đúng mẫu.", "The Excel file has data in too many columns (%s at most). Use the template."},
	"upload.err.cell":      {"Tệp Excel có một ô chứa quá nhiều chữ (tối đa %s KB mỗi ô).", "A cell of the Excel file holds too much text (%s KB at most per cell)."},
	"upload.err.too_large": {"Tệp quá lớn: tối đa %s MB.", "The file is too large: %s MB at most."},
	"upload.err.empty":     {"Trang tính đầu tiên của tệp Excel trống.", "The first sheet of the Excel file is empty."},
	"upload.err.image":     {"Tệp không phải ảnh JPEG, PNG hoặc GIF đọc được.", "The file is not a readable JPEG, PNG or GIF image."},
	"upload.err.pixels":    {"Ảnh quá lớn (%s megapixel; tối đa khoảng %s megapixel). Hãy thu nhỏ ảnh rồi tải lên lại.", "The picture is too large (%s megapixels; about %s at most). Shrink it and upload it again."},
	"upload.err.busy":      {"Máy chủ đang xử lý nhiều tệp tải lên. Vui lòng thử lại sau ít phút.", "The server is busy with other uploads. Please try again in a few minutes."},
}
