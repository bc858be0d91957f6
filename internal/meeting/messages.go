package meeting

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of this package's values (kinds of conference,
// roles, task states, kinds of document) and the messages of its errors,
// in Vietnamese and English.
var Messages = i18n.Catalog{
	"meeting.kind.so_ket":      {"Sơ kết", "Interim review"},
	"meeting.kind.tong_ket":    {"Tổng kết", "Annual review"},
	"meeting.kind.trien_khai":  {"Triển khai nhiệm vụ", "Launch of tasks"},
	"meeting.kind.chuyen_de":   {"Chuyên đề", "Thematic"},
	"meeting.kind.doi_thoai":   {"Đối thoại", "Dialogue"},
	"meeting.kind.khen_thuong": {"Khen thưởng", "Awards"},

	"meeting.role.chair":    {"Chủ trì", "Chair"},
	"meeting.role.speaker":  {"Phát biểu chỉ đạo", "Gave direction"},
	"meeting.role.attendee": {"Dự", "Attended"},

	"meeting.status.open":        {"Chưa thực hiện", "Open"},
	"meeting.status.in_progress": {"Đang thực hiện", "In progress"},
	"meeting.status.done":        {"Hoàn thành", "Done"},
	"meeting.status.dropped":     {"Không thực hiện", "Dropped"},

	"meeting.doc.report":     {"Báo cáo", "Report"},
	"meeting.doc.speech":     {"Bài phát biểu", "Speech"},
	"meeting.doc.resolution": {"Nghị quyết, kết luận", "Resolution"},
	"meeting.doc.other":      {"Khác", "Other"},

	"meeting.due.on": {"%s", "%s"},

	// The audit log's words for what this package records.
	"audit.entity.conference":        {"hội nghị", "conference"},
	"audit.entity.task":              {"nhiệm vụ", "task"},
	"audit.entity.person":            {"người trong danh bạ", "directory person"},
	"audit.what.conference.create":   {"ghi nhận hội nghị", "recorded a conference"},
	"audit.what.conference.update":   {"sửa thông tin hội nghị", "edited a conference"},
	"audit.what.conference.add_task": {"giao thêm nhiệm vụ", "set a key task"},
	"audit.what.conference.attach":   {"tải tài liệu hội nghị", "attached a conference document"},
	"audit.what.task.update":         {"cập nhật nhiệm vụ", "updated a task"},
	"audit.what.person.merge":        {"gộp người trùng trong danh bạ", "merged a duplicate person"},

	// What the caller may not do.
	"meeting.err.forbidden_read":  {"Bạn không có quyền xem hội nghị của đơn vị này.", "You may not see this unit's conferences."},
	"meeting.err.forbidden_write": {"Bạn không có quyền ghi nhận hội nghị của đơn vị này.", "You may not record conferences of this unit."},
	"meeting.err.forbidden_any":   {"Tài khoản của bạn không có quyền ghi nhận hội nghị của đơn vị nào.", "Your account may not record conferences of any unit."},
	"meeting.err.task_read":       {"Bạn không có quyền xem nhiệm vụ này.", "You may not see this task."},
	"meeting.err.task_write":      {"Bạn không có quyền cập nhật nhiệm vụ này.", "You may not update this task."},
	"meeting.err.people_read":     {"Bạn không có quyền xem danh bạ của đơn vị này.", "You may not see this unit's directory."},
	"meeting.err.people_write":    {"Bạn không có quyền sửa danh bạ của đơn vị này.", "You may not change this unit's directory."},
	"meeting.err.owner_scope":     {"Đơn vị chủ trì nhiệm vụ nằm ngoài phạm vi của bạn.", "A task owner is outside your units."},
	"meeting.err.unit_scope":      {"Đơn vị này nằm ngoài phạm vi của bạn.", "This unit is outside your units."},
	"meeting.err.person_unit":     {"Người này không có trong danh bạ của đơn vị tổ chức hội nghị.", "This person is not in the organizing unit's directory."},

	// The conference.
	"meeting.err.not_found":           {"Không tìm thấy hội nghị.", "The conference was not found."},
	"meeting.err.no_previous":         {"Không có hội nghị trước.", "There is no earlier conference."},
	"meeting.err.unit_required":       {"Hãy chọn đơn vị tổ chức hội nghị.", "Choose the organizing unit."},
	"meeting.err.unit_day":            {"Đơn vị không tồn tại vào ngày họp.", "The unit did not exist on the day of the conference."},
	"meeting.err.kind":                {"Hãy chọn loại hội nghị.", "Choose the kind of conference."},
	"meeting.err.title_required":      {"Hãy nhập tên hội nghị.", "Type the conference's title."},
	"meeting.err.title_long":          {"Tên hội nghị dài quá %d ký tự.", "The title is longer than %d characters."},
	"meeting.err.held_required":       {"Hãy nhập ngày họp (dd/mm/yyyy).", "Type the date of the conference (dd/mm/yyyy)."},
	"meeting.err.held_bad":            {"Ngày họp không hợp lệ.", "The date of the conference is not valid."},
	"meeting.err.period":              {"Kỳ phải có dạng 2023, 2023S1, 2023Q3, 202307 hoặc 2016-2020.", "A period is written 2023, 2023S1, 2023Q3, 202307 or 2016-2020."},
	"meeting.err.text_long":           {"Văn bản quá dài.", "The text is too long."},
	"meeting.err.name_required":       {"Hãy nhập họ tên.", "Type the name."},
	"meeting.err.name_long":           {"Họ tên quá dài.", "The name is too long."},
	"meeting.err.name_bad":            {"Họ tên không hợp lệ.", "The name is not valid."},
	"meeting.err.figure_negative":     {"Số liệu không được âm.", "A figure cannot be negative."},
	"meeting.err.figure_about":        {"Hãy ghi đơn vị tính hoặc nội dung của số liệu.", "Say what the figure counts or its unit."},
	"meeting.err.stale":               {"Hội nghị vừa được người khác sửa. Hãy tải lại trang và sửa lại.", "Someone else has just changed the conference. Reload the page and edit again."},
	"meeting.err.duplicate":           {"Bài viết này đã được nhập thành hội nghị số %d.", "This article was already imported as conference %d."},
	"meeting.err.duplicate_elsewhere": {"Bài viết này đã được nhập thành hội nghị của một đơn vị ngoài phạm vi của bạn.", "This article was already imported as a conference of a unit outside yours."},
	"meeting.err.no_organizer":        {"Không tìm thấy đơn vị tổ chức phù hợp.", "No matching organizing unit was found."},
	"meeting.err.article_missing":     {"Không có tệp này trong thư mục bài viết đã lưu.", "There is no such file among the saved articles."},

	// The directory.
	"meeting.err.person_not_found": {"Không tìm thấy người này trong danh bạ.", "This person is not in the directory."},
	"meeting.err.merge_self":       {"Hãy chọn một người khác để gộp.", "Choose another person to merge."},
	"meeting.err.merge_same":       {"Hai bản ghi này đã là một người.", "These two records are already one person."},
	"meeting.err.merge_unit":       {"Chỉ gộp được hai người trong danh bạ của cùng một đơn vị.", "Only two people of the same unit's directory can be merged."},

	// Tasks.
	"meeting.err.task_not_found": {"Không tìm thấy nhiệm vụ.", "The task was not found."},
	"meeting.err.task_title":     {"Hãy nhập nội dung nhiệm vụ.", "Type what the task is."},
	"meeting.err.task_long":      {"Nội dung nhiệm vụ quá dài.", "The task's wording is too long."},
	"meeting.err.status":         {"Trạng thái không hợp lệ.", "The status is not valid."},
	"meeting.err.reason":         {"Hãy ghi lý do không thực hiện nhiệm vụ.", "Say why the task is dropped."},
	"meeting.err.due":            {"Hãy nhập hạn hoàn thành (ngày hoặc kỳ).", "Type when the task is due (a date or a period)."},
	"meeting.err.owner":          {"Không tìm thấy đơn vị chủ trì.", "A task owner was not found."},
	"meeting.err.task_stale":     {"Nhiệm vụ vừa được người khác cập nhật. Hãy tải lại trang và thử lại.", "Someone else has just updated the task. Reload the page and try again."},
	"meeting.err.nothing":        {"Không có gì thay đổi: hãy chọn trạng thái khác hoặc ghi chú tiến độ.", "Nothing changed: choose another status or write a follow-up note."},
	"meeting.err.note_long":      {"Ghi chú quá dài.", "The note is too long."},

	// Documents.
	"meeting.err.no_storage":    {"Máy chủ chưa được cấu hình nơi lưu tệp.", "The server has no file storage configured."},
	"meeting.err.doc_kind":      {"Hãy chọn loại tài liệu.", "Choose the kind of document."},
	"meeting.err.doc_file":      {"Hãy chọn tệp tài liệu.", "Choose the document's file."},
	"meeting.err.doc_empty":     {"Tệp rỗng.", "The file is empty."},
	"meeting.err.doc_large":     {"Tệp lớn hơn 20 MB.", "The file is larger than 20 MB."},
	"meeting.err.doc_not_found": {"Không tìm thấy tài liệu.", "The document was not found."},
}
