package committee

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of this package's values and the messages of
// its errors, in Vietnamese and English.
var Messages = i18n.Catalog{
	"committee.purpose.qcdc":     {"Thực hiện Quy chế dân chủ ở cơ sở", "Grassroots democracy regulation"},
	"committee.purpose.religion": {"Công tác tôn giáo", "Religious affairs"},
	"committee.purpose.campaign": {"Cuộc vận động", "A campaign"},
	"committee.purpose.other":    {"Khác", "Other"},

	"committee.role.head":     {"Trưởng ban", "Head"},
	"committee.role.deputy":   {"Phó Trưởng ban", "Deputy head"},
	"committee.role.standing": {"Ủy viên thường trực", "Standing member"},
	"committee.role.member":   {"Ủy viên", "Member"},

	"audit.entity.committee":           {"ban chỉ đạo", "steering committee"},
	"audit.what.committee.create":      {"thành lập ban chỉ đạo", "set up a steering committee"},
	"audit.what.committee.member_add":  {"bổ sung thành viên ban chỉ đạo", "added a steering committee member"},
	"audit.what.committee.member_end":  {"thôi thành viên ban chỉ đạo", "ended a steering committee membership"},
	"audit.what.committee.member_role": {"thay đổi chức danh trong ban chỉ đạo", "changed a role on a steering committee"},
	"audit.what.committee.meeting":     {"ghi cuộc họp của ban chỉ đạo", "linked a steering committee meeting"},
	"audit.what.committee.decision":    {"ghi quyết định của ban chỉ đạo", "recorded a steering committee decision"},
	"audit.what.committee.report":      {"viết báo cáo năm của ban chỉ đạo", "wrote a steering committee's yearly report"},

	"committee.err.name":               {"Hãy nhập tên ban chỉ đạo (tối đa 200 ký tự).", "Type the committee's name (at most 200 characters)."},
	"committee.err.purpose":            {"Hãy chọn lĩnh vực chỉ đạo.", "Choose what the committee steers."},
	"committee.err.purpose_note":       {"Hãy ghi tên cuộc vận động hoặc nội dung chỉ đạo.", "Name the campaign or what the committee steers."},
	"committee.err.too_long":           {"Nội dung quá dài (tối đa %d).", "Too long (at most %d)."},
	"committee.err.established_on":     {"Hãy nhập ngày thành lập.", "Type the day it was set up."},
	"committee.err.unit_day":           {"Đơn vị không tồn tại vào ngày này.", "The unit did not exist on that day."},
	"committee.err.forbidden_read":     {"Bạn không có quyền xem ban chỉ đạo này.", "You may not see this steering committee."},
	"committee.err.forbidden_write":    {"Bạn không có quyền thay đổi ban chỉ đạo của đơn vị này.", "You may not change this unit's steering committees."},
	"committee.err.not_found":          {"Không tìm thấy ban chỉ đạo.", "The steering committee was not found."},
	"committee.err.member_name":        {"Hãy nhập họ tên thành viên (tối đa 200 ký tự).", "Type the member's name (at most 200 characters)."},
	"committee.err.role":               {"Hãy chọn chức danh trong ban.", "Choose the member's role."},
	"committee.err.from":               {"Hãy nhập ngày bắt đầu.", "Type the first day."},
	"committee.err.before_established": {"Ngày này trước ngày thành lập ban (%s).", "This day is before the committee was set up (%s)."},
	"committee.err.until":              {"Ngày kết thúc không được trước ngày bắt đầu.", "The last day cannot be before the first."},
	"committee.err.too_many":           {"Đã đạt số lượng tối đa (%d).", "The limit is reached (%d)."},
	"committee.err.already_member":     {"%s đã là thành viên ban trong thời gian này.", "%s is already a member during that time."},
	"committee.err.two_heads":          {"Ban đã có Trưởng ban trong thời gian này (%s).", "The committee already has a head during that time (%s)."},
	"committee.err.term_not_found":     {"Không tìm thấy thành viên này của ban.", "This membership was not found."},
	"committee.err.reason":             {"Hãy ghi lý do thôi tham gia.", "Say why the membership ends."},
	"committee.err.ended":              {"Thành viên này đã thôi tham gia ban.", "This membership has already ended."},
	"committee.err.change_day":         {"Ngày thay đổi phải sau ngày bắt đầu của nhiệm kỳ hiện tại.", "The change must come after the current term began."},
	"committee.err.same_role":          {"Chức danh mới trùng chức danh hiện tại.", "The new role is the current one."},
	"committee.err.conference":         {"Không tìm thấy hội nghị này trong phạm vi của bạn.", "This conference is not among those you may see."},
	"committee.err.conference_unit":    {"Chỉ ghi hội nghị của chính đơn vị có ban chỉ đạo.", "Only the committee's own unit's conferences are its meetings."},
	"committee.err.meeting_twice":      {"Hội nghị này đã được ghi là cuộc họp của ban.", "This conference is already one of the committee's meetings."},
	"committee.err.number":             {"Hãy nhập số quyết định.", "Type the decision's number."},
	"committee.err.title":              {"Hãy nhập trích yếu quyết định.", "Type what the decision is about."},
	"committee.err.signed_on":          {"Hãy nhập ngày ký.", "Type the signing date."},
	"committee.err.year":               {"Năm phải từ 2000 đến 2100.", "The year lies between 2000 and 2100."},
	"committee.err.summary":            {"Hãy viết nội dung báo cáo (tối đa %d ký tự).", "Write the report (at most %d characters)."},
	"committee.err.decision_not_found": {"Không tìm thấy quyết định của ban chỉ đạo.", "The committee's decision was not found."},
	"document.kind.committee_decision": {"Quyết định của ban chỉ đạo", "A steering committee's decision"},
}
