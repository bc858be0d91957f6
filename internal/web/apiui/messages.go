package apiui

import "github.com/danvan/danvan/internal/i18n"

// Messages are the words of the API reference page.
var Messages = i18n.Catalog{
	"api.ref.title": {"Tài liệu API", "API reference"},
	"api.ref.intro": {"Giao diện lập trình /api/v1 dùng chung quy tắc phân quyền với các trang web. Mỗi lệnh gọi gửi kèm mã truy cập API (tạo ở trang tài khoản) trong tiêu đề Authorization: Bearer.", "The /api/v1 programming interface follows the same access rules as the web pages. Every call sends an API token (made on the account pages) in the Authorization: Bearer header."},
	"api.ref.spec":  {"Tải bản mô tả OpenAPI (dùng để sinh mã máy khách)", "Download the OpenAPI description (to generate a client)"},
	"api.ref.op":    {"Tên thao tác", "Operation"},
}
