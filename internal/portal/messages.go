package portal

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of the portal's values and the messages of its
// errors, in both languages.
var Messages = i18n.Catalog{
	"portal.status.draft":       {"Bản nháp", "Draft"},
	"portal.status.submitted":   {"Chờ duyệt", "Submitted"},
	"portal.status.published":   {"Đã đăng", "Published"},
	"portal.status.unpublished": {"Đã gỡ", "Unpublished"},

	"portal.record.conference": {"hội nghị", "conference"},
	"portal.record.practice":   {"mô hình “Dân vận khéo”", "skilful mass mobilization model"},
	"portal.record.document":   {"văn bản", "document"},

	"portal.cat.news":  {"Tin tức – Sự kiện", "News and events"},
	"portal.cat.model": {"Dân vận khéo", "Skilful mass mobilization"},
	"portal.cat.qa":    {"Hỏi – đáp", "Questions and answers"},

	"portal.feedback.pending":  {"Chờ duyệt", "Awaiting moderation"},
	"portal.feedback.approved": {"Đã duyệt", "Approved"},
	"portal.feedback.rejected": {"Đã từ chối", "Rejected"},

	"portal.term": {"Nhiệm kỳ %d–%d", "Term %d–%d"},

	"portal.err.article_not_found":  {"Không tìm thấy bài viết.", "The article was not found."},
	"portal.err.site_not_found":     {"Không tìm thấy trang thông tin.", "The site was not found."},
	"portal.err.image_not_found":    {"Không tìm thấy ảnh.", "The image was not found."},
	"portal.err.tag_not_found":      {"Không có bài viết nào mang thẻ này.", "No article carries this tag."},
	"portal.err.feedback_not_found": {"Không tìm thấy ý kiến phản hồi.", "The feedback was not found."},
	"portal.err.body":               {"Chưa nhập nội dung bài viết.", "The article's text is missing."},
	"portal.err.body_long":          {"Nội dung bài viết quá dài (tối đa %d KB).", "The article's text is too long (%d KB at most)."},
	"portal.err.category":           {"Hãy chọn chuyên mục.", "Choose a section."},
	"portal.err.email":              {"Địa chỉ thư điện tử không hợp lệ.", "The e-mail address is not valid."},
	"portal.err.headline":           {"Chưa nhập tiêu đề (tối đa %d ký tự).", "The headline is missing (%d characters at most)."},
	"portal.err.too_long":           {"Nội dung quá dài (tối đa %d ký tự).", "The text is too long (%d characters at most)."},
	"portal.err.month":              {"Tháng không hợp lệ.", "The month is not valid."},
	"portal.err.move":               {"Bài viết đang ở trạng thái “%s”, không thể thực hiện thao tác này.", "The article is “%s”: this cannot be done now."},
	"portal.err.record":             {"Hồ sơ liên quan không hợp lệ.", "The related record is not valid."},
	"portal.err.schedule_far":       {"Chỉ hẹn giờ đăng trong vòng một năm.", "An article can be scheduled at most a year ahead."},
	"portal.err.site_exists":        {"Đơn vị này đã có trang thông tin.", "This unit already has a site."},
	"portal.err.site_host":          {"Tên miền không hợp lệ.", "The host name is not valid."},
	"portal.err.host_taken":         {"Tên miền đã được trang khác dùng.", "Another site already uses this host name."},
	"portal.err.site_name":          {"Chưa nhập tên trang (tối đa 200 ký tự).", "The site's name is missing (200 characters at most)."},
	"portal.err.site_slug":          {"Đường dẫn của trang chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 60 ký tự).", "The site's path is lower-case letters without accents, digits and hyphens (60 characters at most)."},
	"portal.err.site_unit":          {"Hãy chọn đơn vị đang hoạt động.", "Choose an active unit."},
	"portal.err.slug":               {"Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.", "A path is lower-case letters without accents, digits and hyphens."},
	"portal.err.slug_taken":         {"Đường dẫn này đã được dùng.", "This path is already in use."},
	"portal.err.stale":              {"Bài viết đã được người khác cập nhật. Vui lòng tải lại trang và thử lại.", "Someone else has changed this meanwhile. Reload the page and try again."},
	"portal.err.status":             {"Trạng thái không hợp lệ.", "The state is not valid."},
	"portal.err.tag":                {"Mỗi thẻ tối đa %d ký tự và phải có chữ hoặc số.", "Each tag is %d characters at most and holds a letter or digit."},
	"portal.err.tags":               {"Tối đa %d thẻ.", "%d tags at most."},
	"portal.err.image_choice":       {"Ảnh đã chọn không thuộc trang này hoặc đã dùng cho bài khác.", "The chosen image belongs to another site or article."},
	"portal.err.image_empty":        {"Chưa chọn tệp ảnh.", "No image file was chosen."},
	"portal.err.image_large":        {"Ảnh quá lớn (tối đa %d MB).", "The image is too large (%d MB at most)."},
	"portal.err.image_type":         {"Chỉ nhận ảnh JPEG, PNG hoặc GIF có kích thước hợp lý.", "Only JPEG, PNG or GIF images of sane size are accepted."},
	"portal.err.feedback_name":      {"Chưa nhập họ tên (tối đa %d ký tự).", "Your name is missing (%d characters at most)."},
	"portal.err.feedback_body":      {"Chưa nhập nội dung (tối đa %d ký tự).", "Your message is missing (%d characters at most)."},
	"portal.err.feedback_limit":     {"Mỗi địa chỉ chỉ gửi được %d ý kiến trong một giờ. Vui lòng gửi lại sau.", "One address may send %d messages an hour. Please try again later."},
	"portal.err.feedback_busy":      {"Trang đang nhận quá nhiều ý kiến. Vui lòng gửi lại sau.", "The site is taking too many messages. Please try again later."},
	"portal.err.feedback_done":      {"Ý kiến này đã được xử lý.", "This message has already been moderated."},
}
