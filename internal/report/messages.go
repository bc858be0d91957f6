package report

import "github.com/danvan/danvan/internal/i18n"

// Messages are this package's labels (statuses, aggregations, fields,
// breakdown parts, sections, kinds of period, the value table's columns),
// its error messages and its notifications, in Vietnamese and English.
// Stored notifications keep their arguments in one order — the unit's
// name, the period, the comment — whatever the sentence's word order.
var Messages = i18n.Catalog{
	// Statuses of a report.
	"report.status.draft":     {"Đang soạn", "Draft"},
	"report.status.submitted": {"Đã gửi, chờ duyệt", "Submitted"},
	"report.status.approved":  {"Đã duyệt", "Approved"},
	"report.status.returned":  {"Bị trả lại", "Returned"},
	"report.status.missing":   {"Chưa báo cáo", "Not reported"},

	// How indicators aggregate.
	"report.agg.sum":     {"Cộng dồn", "Sum"},
	"report.agg.average": {"Bình quân", "Average"},
	"report.agg.min":     {"Nhỏ nhất", "Lowest"},
	"report.agg.max":     {"Lớn nhất", "Highest"},
	"report.agg.last":    {"Số cuối kỳ", "End-of-period value"},
	"report.agg.ratio":   {"Tỷ lệ", "Ratio"},

	// Fields of work.
	"report.field.general":             {"Công tác dân vận chung", "Mass mobilization in general"},
	"report.field.economy":             {"Kinh tế", "Economy"},
	"report.field.culture_society":     {"Văn hóa – xã hội", "Culture and society"},
	"report.field.defence_security":    {"Quốc phòng – an ninh", "Defence and security"},
	"report.field.party_building":      {"Xây dựng Đảng", "Party building"},
	"report.field.government_building": {"Xây dựng chính quyền", "Government building"},
	"report.field.ethnic_religion":     {"Dân tộc, tôn giáo", "Ethnic and religious affairs"},

	// The organization breakdown.
	"report.part.fatherland_front": {"MTTQ", "Fatherland Front"},
	"report.part.womens_union":     {"Hội Phụ nữ", "Women's Union"},
	"report.part.farmers_union":    {"Hội Nông dân", "Farmers' Union"},
	"report.part.veterans":         {"Cựu chiến binh", "Veterans"},
	"report.part.youth_union":      {"Đoàn Thanh niên", "Youth Union"},
	"report.value.part":            {"%s – %s", "%s – %s"},

	// Narrative sections.
	"report.section.results":     {"Kết quả đạt được", "Results"},
	"report.section.limitations": {"Hạn chế", "Shortcomings"},
	"report.section.causes":      {"Nguyên nhân", "Causes"},
	"report.section.tasks":       {"Nhiệm vụ trọng tâm kỳ tới", "Key tasks for the next period"},

	// Kinds of period.
	"report.kind.year":    {"năm", "year"},
	"report.kind.half":    {"6 tháng", "six months"},
	"report.kind.quarter": {"quý", "quarter"},
	"report.kind.month":   {"tháng", "month"},
	"report.kind.stage":   {"giai đoạn", "multi-year stage"},

	// The value table's columns.
	"report.col.unit_code": {"Mã đơn vị", "Unit code"},
	"report.col.unit_name": {"Tên đơn vị", "Unit name"},
	"report.col.ind_code":  {"Mã chỉ tiêu", "Indicator code"},
	"report.col.ind_name":  {"Tên chỉ tiêu", "Indicator"},
	"report.col.measure":   {"Đơn vị tính", "Measure"},
	"report.col.part":      {"Phân tổ", "Breakdown"},
	"report.col.value":     {"Giá trị", "Value"},
	"report.col.status":    {"Trạng thái", "Status"},

	// Notifications: the unit's name, the period (and the comment).
	"report.note.submitted": {"%[1]s đã gửi báo cáo %[2]s, chờ phê duyệt.", "%[1]s submitted its report for %[2]s; it awaits approval."},
	"report.note.approved":  {"Báo cáo %[2]s của %[1]s đã được phê duyệt.", "The report of %[1]s for %[2]s was approved."},
	"report.note.returned":  {"Báo cáo %[2]s của %[1]s bị trả lại: %[3]s", "The report of %[1]s for %[2]s was returned: %[3]s"},

	// Who may do what.
	"report.err.signin":          {"Vui lòng đăng nhập để tiếp tục.", "Please sign in to continue."},
	"report.err.forbidden_read":  {"Bạn không có quyền xem báo cáo, số liệu của đơn vị này.", "You may not see this unit's reports and figures."},
	"report.err.forbidden_write": {"Bạn không có quyền nhập hoặc sửa số liệu của đơn vị này.", "You may not enter or change this unit's figures."},
	"report.err.not_approver":    {"Chỉ lãnh đạo đơn vị cấp trên trực tiếp mới được phê duyệt hoặc trả lại báo cáo này.", "Only a leader of the unit directly above may approve or return this report."},
	"report.err.own_report":      {"Không được tự phê duyệt hoặc trả lại báo cáo của đơn vị mình; việc này thuộc lãnh đạo đơn vị cấp trên trực tiếp.", "Nobody approves or returns their own unit's report: that is for a leader of the unit directly above."},
	"report.err.catalogue_admin": {"Chỉ quản trị viên toàn quốc mới được thay đổi danh mục chỉ tiêu và mẫu báo cáo.", "Only a national administrator may change the indicators and report forms."},

	// Reports and their workflow.
	"report.err.report_not_found": {"Không tìm thấy báo cáo.", "The report was not found."},
	"report.err.form_not_found":   {"Không tìm thấy mẫu báo cáo.", "The report form was not found."},
	"report.err.bad_period":       {"Kỳ báo cáo không hợp lệ (ví dụ: 2025S1, 2025).", "Not a valid period (for example 2025S1, 2025)."},
	"report.err.form_period":      {"Mẫu báo cáo này dùng cho kỳ %s, không dùng cho %s.", "This report form is for periods of the kind “%s”, not for %s."},
	"report.err.future_period":    {"Kỳ %s chưa bắt đầu nên chưa thể báo cáo.", "The period %s has not started yet, so it cannot be reported."},
	"report.err.form_level":       {"Mẫu báo cáo này không dùng cho đơn vị cấp “%s”.", "This report form is not used by units of the level “%s”."},
	"report.err.stale":            {"Báo cáo đã được người khác cập nhật trong lúc bạn sửa. Số liệu bạn nhập vẫn còn trên trang; hãy tải lại báo cáo để xem bản mới rồi nhập lại.", "Someone else changed the report while you were editing it. What you typed is still on the page; reload the report to see the new version, then enter your changes again."},
	"report.err.not_editable":     {"Báo cáo đang ở trạng thái “%s”, không sửa được.", "The report is “%s” and can no longer be changed."},
	"report.err.not_submitted":    {"Chỉ phê duyệt hoặc trả lại được báo cáo đã gửi.", "Only a submitted report can be approved or returned."},
	"report.err.comment_required": {"Hãy ghi rõ lý do trả lại báo cáo.", "Say why the report is returned."},
	"report.err.comment_long":     {"Lý do trả lại dài quá 4.000 ký tự.", "The reason is longer than 4,000 characters."},
	"report.err.text_long":        {"Nội dung phần “%s” dài quá 20.000 ký tự.", "The section “%s” is longer than 20,000 characters."},

	// Values.
	"report.err.not_number":    {"%s: “%s” không phải là số (ví dụ hợp lệ: 5.112 hoặc 12,5).", "%s: “%s” is not a number (valid examples: 5.112 or 12,5)."},
	"report.err.too_large":     {"%s: “%s” quá lớn (tối đa %s).", "%s: “%s” is too large (at most %s)."},
	"report.err.negative":      {"%s: không được là số âm.", "%s: may not be negative."},
	"report.err.not_whole":     {"%s: phải là số nguyên.", "%s: must be a whole number."},
	"report.err.percent_range": {"%s: tỷ lệ phải từ 0 đến 100%%.", "%s: a percentage lies between 0 and 100%%."},
	"report.err.ratio_parts":   {"%s (%s) không được lớn hơn %s (%s).", "%s (%s) may not be larger than %s (%s)."},
	"report.err.missing_value": {"%s: chưa nhập số liệu.", "%s: no figure entered yet."},
	"report.err.value_unknown": {"Chỉ tiêu %s không có trong báo cáo này hoặc được tính tự động.", "Indicator %s is not in this report or is computed."},

	// The catalogue and forms.
	"report.err.indicator_not_found": {"Không tìm thấy chỉ tiêu.", "The indicator was not found."},
	"report.err.ind_code":            {"Mã chỉ tiêu gồm 1–32 ký tự.", "An indicator code has 1–32 characters."},
	"report.err.ind_name":            {"Chưa nhập tên chỉ tiêu.", "The indicator's name is missing."},
	"report.err.ind_measure":         {"Chưa nhập đơn vị tính.", "The unit of measure is missing."},
	"report.err.ind_field":           {"Lĩnh vực không hợp lệ.", "Not a valid field."},
	"report.err.ind_aggregation":     {"Cách tổng hợp không hợp lệ.", "Not a valid aggregation."},
	"report.err.ind_ratio_parts":     {"Chỉ tiêu tỷ lệ cần hai chỉ tiêu thành phần khác nhau (tử số và mẫu số).", "A ratio needs two different indicators (numerator and denominator)."},
	"report.err.ind_breakdown":       {"Chỉ chia theo tổ chức được cho chỉ tiêu cộng dồn.", "Only summed indicators may be broken down by organization."},
	"report.err.ind_levels":          {"Chọn ít nhất một cấp báo cáo chỉ tiêu.", "Choose at least one level that reports the indicator."},
	"report.err.ind_level":           {"Cấp báo cáo không hợp lệ.", "Not a valid level."},
	"report.err.ind_code_taken":      {"Mã chỉ tiêu %s đã có.", "The indicator code %s is taken."},
	"report.err.form_code":           {"Chưa nhập mã mẫu báo cáo.", "The form's code is missing."},
	"report.err.form_name":           {"Chưa nhập tên mẫu báo cáo.", "The form's name is missing."},
	"report.err.form_kind":           {"Loại kỳ báo cáo không hợp lệ.", "Not a valid kind of period."},
	"report.err.form_section":        {"Phần nội dung “%s” không hợp lệ.", "Not a valid section: “%s”."},
	"report.err.form_code_taken":     {"Mã mẫu báo cáo %s đã có.", "The form code %s is taken."},
	"report.err.form_indicator":      {"Không có chỉ tiêu mã %s.", "There is no indicator %s."},
	"report.err.form_shared":         {"Chỉ tiêu %s đã có trong mẫu %s cùng loại kỳ báo cáo; mỗi chỉ tiêu chỉ thuộc một mẫu cho mỗi loại kỳ để số liệu không bị cộng hai lần.", "Indicator %s is already on form %s for the same kind of period; an indicator belongs to one form per kind of period, so that no figure is counted twice."},

	// Uploaded tables.
	"report.err.file_unreadable":    {"Tệp không đọc được: hãy tải lên tệp Excel (.xlsx) hoặc CSV theo mẫu.", "The file could not be read: upload an Excel (.xlsx) or CSV file made from the template."},
	"report.err.file_rows":          {"Tệp có quá %d dòng số liệu.", "The file has more than %d lines of figures."},
	"report.err.file_control":       {"Dòng %d, cột %s có ký tự điều khiển không được phép (%s). Hãy xóa ký tự đó rồi tải lên lại.", "Row %d, column %s holds a control character that is not allowed (%s). Delete it and upload again."},
	"report.err.csv_utf8":           {"Tệp CSV phải là văn bản UTF-8.", "A CSV file must be UTF-8 text."},
	"report.err.csv_line":           {"Tệp CSV sai định dạng ở dòng %d.", "The CSV file is malformed at line %d."},
	"report.err.file_empty":         {"Tệp không có dòng số liệu nào.", "The file has no lines of figures."},
	"report.err.file_problems":      {"Tệp có %d lỗi; không có số liệu nào được lưu. Lỗi đầu tiên — %s", "The file has %d problems; nothing was saved. The first — %s"},
	"report.problem.cell":           {"Trang %s, dòng %d, cột %s: %s", "Sheet %s, line %d, column %s: %s"},
	"report.problem.row":            {"Trang %s, dòng %d: %s", "Sheet %s, line %d: %s"},
	"report.problem.unit_missing":   {"Thiếu mã đơn vị.", "The unit code is missing."},
	"report.problem.unit_outside":   {"Đơn vị mã “%s” không thuộc phạm vi báo cáo này.", "The unit “%s” is not within this report's scope."},
	"report.problem.unit_forbidden": {"Bạn không có quyền nhập số liệu cho %s.", "You may not enter figures for %s."},
	"report.problem.locked":         {"Báo cáo của %s đang ở trạng thái “%s”, không sửa được.", "The report of %s is “%s” and can no longer be changed."},
	"report.problem.indicator":      {"Chỉ tiêu mã “%s” không có trong mẫu báo cáo của đơn vị này.", "Indicator “%s” is not on this unit's report form."},
	"report.problem.derived":        {"%s được tính tự động, không nhập.", "%s is computed; do not enter it."},
	"report.problem.part":           {"Phân tổ “%s” không hợp lệ cho chỉ tiêu %s.", "“%s” is not a breakdown of indicator %s."},
	"report.problem.no_parts":       {"Chỉ tiêu %s không chia phân tổ.", "Indicator %s has no breakdown."},
	"report.problem.duplicate":      {"Trùng với dòng %d (cùng đơn vị, chỉ tiêu).", "Repeats line %d (same unit and indicator)."},
	"report.problem.unit":           {"%s: %s", "%s: %s"},
}
