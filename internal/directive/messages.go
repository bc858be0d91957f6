package directive

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of this package's values and the messages of
// its errors, in Vietnamese and English.
var Messages = i18n.Catalog{
	"directive.kind.resolution":  {"Nghị quyết", "Resolution"},
	"directive.kind.conclusion":  {"Kết luận", "Conclusion"},
	"directive.kind.directive":   {"Chỉ thị", "Directive"},
	"directive.kind.instruction": {"Hướng dẫn", "Instruction"},
	"directive.kind.plan":        {"Kế hoạch", "Plan"},
	"directive.kind.regulation":  {"Quy định", "Regulation"},
	"directive.kind.other":       {"Văn bản khác", "Other"},

	"directive.target.conference": {"Hội nghị", "Conference"},
	"directive.target.report":     {"Báo cáo", "Report"},
	"directive.target.task":       {"Nhiệm vụ", "Task"},
	"directive.target.campaign":   {"Cuộc vận động", "Campaign"},

	// Beside the directives a conference, report, task or campaign carries out.
	"directive.carries_out": {"Thực hiện văn bản chỉ đạo", "Carries out the directives"},

	"audit.entity.directive":      {"văn bản chỉ đạo", "directive document"},
	"audit.what.directive.create": {"vào sổ văn bản chỉ đạo", "registered a directive document"},
	"audit.what.directive.link":   {"gắn việc thực hiện với văn bản chỉ đạo", "linked a record to a directive document"},
	"audit.what.directive.unlink": {"bỏ gắn việc thực hiện khỏi văn bản chỉ đạo", "unlinked a record from a directive document"},

	"directive.err.forbidden_read":   {"Bạn không có quyền xem văn bản chỉ đạo này.", "You may not see this directive document."},
	"directive.err.forbidden_write":  {"Bạn không có quyền vào sổ văn bản của đơn vị này.", "You may not register this unit's directive documents."},
	"directive.err.forbidden_link":   {"Bạn không có quyền sửa việc này của đơn vị đó.", "You may not change that unit's record."},
	"directive.err.not_found":        {"Không tìm thấy văn bản chỉ đạo.", "The directive document was not found."},
	"directive.err.no_file":          {"Văn bản này chưa có tệp đính kèm.", "This document has no file."},
	"directive.err.target_not_found": {"Không tìm thấy việc cần gắn.", "The record to link was not found."},
	"directive.err.target_kind":      {"Loại việc không hợp lệ.", "Unknown kind of record."},
	"directive.err.unit":             {"Hãy chọn một đơn vị có trong hệ thống.", "Choose a unit of the hierarchy."},
	"directive.err.kind":             {"Hãy chọn loại văn bản.", "Choose the kind of document."},
	"directive.err.number":           {"Hãy nhập số, ký hiệu văn bản như trên văn bản (tối đa 60 ký tự).", "Enter the number and code as written on the document (at most 60 characters)."},
	"directive.err.number_taken":     {"Sổ của đơn vị đã có văn bản số %s.", "The unit's register already holds document %s."},
	"directive.err.issued_on":        {"Hãy nhập ngày ban hành, dạng 14/07/2015.", "Enter the date issued, as 14/07/2015."},
	"directive.err.issuer":           {"Hãy nhập cơ quan ban hành (tối đa 300 ký tự).", "Enter the issuing body (at most 300 characters)."},
	"directive.err.summary":          {"Hãy nhập trích yếu (tối đa 4.000 ký tự).", "Enter the summary (at most 4,000 characters)."},
	"directive.err.file_size":        {"Tệp phải có nội dung và không quá %d MB.", "The file must not be empty nor larger than %d MB."},
	"directive.err.file_type":        {"Chỉ nhận tệp PDF hoặc Word (.docx).", "Only PDF or Word (.docx) files are accepted."},
}
