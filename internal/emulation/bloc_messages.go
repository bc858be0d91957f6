package emulation

import "github.com/danvan/danvan/internal/i18n"

// BlocMessages are the labels and errors of blocs and clusters, in
// Vietnamese and English.
var BlocMessages = i18n.Catalog{
	"emulation.bloc.kind.cluster": {"Cụm thi đua", "Emulation cluster"},
	"emulation.bloc.kind.bloc":    {"Khối thi đua", "Emulation bloc"},

	"emulation.bloc.status.scoring":  {"Đang chấm điểm", "Being scored"},
	"emulation.bloc.status.reviewed": {"Cụm, khối đã chấm, chờ duyệt", "Reviewed by the bloc, awaiting approval"},
	"emulation.bloc.status.approved": {"Cấp trên đã duyệt", "Approved by the level above"},

	"emulation.criterion.criterion": {"Tiêu chí", "Criterion"},
	"emulation.criterion.bonus":     {"Điểm thưởng", "Bonus"},
	"emulation.criterion.penalty":   {"Điểm trừ", "Penalty"},

	"emulation.bloc.rule.score":    {"Điểm của mỗi đơn vị trên một dòng là điểm cụm, khối chấm; chưa có thì lấy điểm tự chấm. Điểm thưởng được cộng, điểm trừ bị trừ.", "A member's score on a line is the bloc's review score, else its own. Bonuses add, penalties subtract."},
	"emulation.bloc.rule.rotation": {"Trưởng cụm, khối năm nay là đơn vị đứng sau trưởng cụm, khối năm trước trong thứ tự thành viên (hết danh sách thì quay về đầu); phó là đơn vị kế tiếp.", "This year's leader is the member after last year's leader in the members' order (wrapping round); the deputy is the member after the leader."},
	"emulation.bloc.rule.flag":     {"Đơn vị dẫn đầu được đề nghị tặng Cờ thi đua; nếu đồng hạng nhất, cấp trên chọn một trong các đơn vị đồng hạng.", "The leading member is proposed for the emulation flag; on a tie for first the level above chooses among the tied members."},

	"audit.what.bloc.create":           {"lập cụm, khối thi đua", "set up an emulation bloc"},
	"audit.what.bloc.members":          {"xác định thành viên cụm, khối thi đua", "set an emulation bloc's members"},
	"audit.what.bloc.criteria":         {"thêm tiêu chí thi đua của cụm, khối", "added criteria to an emulation bloc"},
	"audit.what.bloc.self_score":       {"tự chấm điểm thi đua", "scored itself in an emulation bloc"},
	"audit.what.bloc.review":           {"cụm, khối chấm điểm thi đua", "reviewed an emulation bloc's scores"},
	"audit.what.bloc.approve":          {"duyệt kết quả thi đua của cụm, khối", "approved an emulation bloc's results"},
	"audit.what.bloc.return":           {"trả lại kết quả thi đua của cụm, khối", "returned an emulation bloc's results"},
	"audit.what.bloc.flag_proposal":    {"đề nghị tặng Cờ thi đua cho đơn vị dẫn đầu cụm, khối", "proposed a bloc's leading member for the emulation flag"},
	"audit.what.bloc.import":           {"nhập điểm thi đua của cụm, khối từ tệp", "imported an emulation bloc's scores"},
	"audit.what.bloc.criterion_edit":   {"sửa tiêu chí thi đua của cụm, khối", "edited a line of an emulation bloc's criteria"},
	"audit.what.bloc.criterion_remove": {"xóa tiêu chí thi đua của cụm, khối", "removed a line of an emulation bloc's criteria"},

	"emulation.bloc.err.name":              {"Hãy nhập tên cụm, khối.", "Type the bloc's name."},
	"emulation.bloc.err.kind":              {"Hãy chọn cụm hoặc khối.", "Choose cluster or bloc."},
	"emulation.bloc.err.not_found":         {"Không tìm thấy cụm, khối thi đua.", "The emulation bloc was not found."},
	"emulation.bloc.err.forbidden_read":    {"Bạn không có quyền xem cụm, khối thi đua này.", "You may not see this emulation bloc."},
	"emulation.bloc.err.forbidden_write":   {"Chỉ đơn vị tổ chức cụm, khối mới được thay đổi thành viên và tiêu chí.", "Only the bloc's organizer changes its members and criteria."},
	"emulation.bloc.err.forbidden_self":    {"Bạn chỉ được tự chấm điểm cho đơn vị của mình.", "You may score only your own unit."},
	"emulation.bloc.err.forbidden_review":  {"Chỉ đơn vị trưởng cụm, khối năm nay mới chấm điểm của cụm, khối.", "Only this year's leading member reviews the bloc's scores."},
	"emulation.bloc.err.forbidden_approve": {"Chỉ lãnh đạo đơn vị tổ chức cụm, khối mới được duyệt.", "Only the organizer's leaders approve."},
	"emulation.bloc.err.year":              {"Năm phải từ 2000 đến 2100.", "The year lies between 2000 and 2100."},
	"emulation.bloc.err.no_year":           {"Cụm, khối chưa có thành viên năm %d.", "The bloc has no members for %d."},
	"emulation.bloc.err.members":           {"Cụm, khối cần từ 1 đến %d thành viên.", "A bloc has 1 to %d members."},
	"emulation.bloc.err.member_twice":      {"Một đơn vị chỉ có tên một lần.", "A unit is listed once."},
	"emulation.bloc.err.member_year":       {"Đơn vị không tồn tại trong năm %d.", "The unit did not exist in %d."},
	"emulation.bloc.err.started":           {"Năm này đã bắt đầu chấm điểm; không thay đổi thành viên, tiêu chí được nữa.", "Scoring has begun this year; members and criteria stay as they are."},
	"emulation.bloc.err.criteria":          {"Bảng tiêu chí cần ít nhất một dòng.", "The criteria table needs at least one line."},
	"emulation.bloc.err.criterion_kind":    {"Loại dòng phải là tiêu chí, điểm thưởng hoặc điểm trừ.", "A line is a criterion, a bonus or a penalty."},
	"emulation.bloc.err.criterion_title":   {"Hãy nhập nội dung tiêu chí.", "Type the criterion."},
	"emulation.bloc.err.too_many":          {"Bảng tiêu chí có tối đa %d dòng.", "A criteria table has at most %d lines."},
	"emulation.bloc.err.pledge":            {"Không tìm thấy giao ước này trong phạm vi của bạn.", "This pledge is not among those you may see."},
	"emulation.bloc.err.pledge_unit":       {"Chỉ lấy tiêu chí từ giao ước do chính đơn vị tổ chức cụm, khối phát động.", "Criteria come only from a pledge of the bloc's organizer."},
	"emulation.bloc.err.not_of_year":       {"Đơn vị hoặc tiêu chí không thuộc cụm, khối năm này.", "This unit or line is not part of the bloc's year."},
	"emulation.bloc.err.handed_in":         {"Đơn vị đã nộp điểm tự chấm hoặc năm này đã qua bước tự chấm.", "The unit has handed in its scores, or the year is past self-scoring."},
	"emulation.bloc.err.incomplete":        {"Chưa chấm tiêu chí %d.", "Criterion %d has no score."},
	"emulation.bloc.err.status":            {"Kết quả thi đua năm này không ở bước này.", "The year's results are not at this step."},
	"emulation.bloc.err.not_handed_in":     {"Còn thành viên chưa nộp điểm tự chấm.", "Some members have not handed in their own scores."},
	"emulation.bloc.err.flag_tie":          {"Có nhiều đơn vị đồng hạng nhất: hãy chọn đơn vị đề nghị tặng Cờ thi đua.", "Several members share first place: choose the one proposed for the flag."},
	"emulation.bloc.err.flag_leading":      {"Đơn vị đề nghị tặng Cờ phải là đơn vị xếp hạng nhất.", "The member proposed for the flag must be ranked first."},
	"emulation.bloc.err.note":              {"Hãy ghi lý do trả lại.", "Say why the results go back."},
	"emulation.bloc.err.not_approved":      {"Chỉ đề nghị tặng Cờ thi đua sau khi cấp trên đã duyệt kết quả và chọn đơn vị dẫn đầu.", "The flag is proposed only once the level above has approved the results and chosen the leading member."},
	"emulation.bloc.err.forbidden_flag":    {"Chỉ đơn vị dẫn đầu được chọn mới lập đề nghị tặng Cờ thi đua của mình.", "Only the leading member chosen makes its own flag proposal."},
	"emulation.bloc.err.flag_proposed":     {"Năm này đã có đề nghị tặng Cờ thi đua.", "The flag has already been proposed for this year."},
	"emulation.bloc.err.flag_to":           {"Đề nghị gửi đơn vị tổ chức cụm, khối hoặc cấp trên của đơn vị đó.", "The proposal goes to the bloc's organizer or a unit above it."},

	"emulation.bloc.import.column":     {"cột “%s” không khớp với tiêu chí nào của năm này.", "column “%s” matches no line of this year's criteria."},
	"emulation.bloc.import.member":     {"mã “%s” không phải thành viên cụm, khối năm này.", "code “%s” is not a member this year."},
	"emulation.bloc.import.twice":      {"đơn vị đã có ở dòng %d.", "the unit is already on row %d."},
	"emulation.bloc.import.line":       {"“%s” không phải tiêu chí nào của năm này.", "“%s” is no line of this year's criteria."},
	"emulation.bloc.import.line_twice": {"tiêu chí này đã có ở dòng %d.", "this line is already on row %d."},
}
