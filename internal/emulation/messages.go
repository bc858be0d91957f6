package emulation

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of this package's values, its scoring rules and
// the messages of its errors, in Vietnamese and English.
var Messages = i18n.Catalog{
	"emulation.kind.target":      {"Chỉ tiêu", "Target"},
	"emulation.kind.deliverable": {"Sản phẩm cụ thể", "Deliverable"},

	"emulation.title.default": {"Giao ước thi đua %s", "Emulation pledge, %s"},
	"emulation.title.plain":   {"Giao ước thi đua", "Emulation pledge"},

	"audit.entity.pledge":      {"giao ước thi đua", "emulation pledge"},
	"audit.what.pledge.create": {"ký giao ước thi đua", "recorded an emulation pledge"},
	"audit.what.pledge.score":  {"chấm điểm thi đua", "scored a pledge"},

	"emulation.rule.max":   {"Mỗi cam kết có số điểm tối đa; điểm chấm từ 0 đến số điểm tối đa.", "Each commitment has a maximum; a score lies between 0 and that maximum."},
	"emulation.rule.total": {"Tổng điểm của đơn vị là tổng điểm các cam kết; cam kết chưa chấm tính 0 điểm.", "A unit's total is the sum of its commitments' scores; a commitment not yet scored counts 0."},
	"emulation.rule.order": {"Xếp hạng theo tổng điểm từ cao xuống thấp.", "Units are ranked by total, highest first."},
	"emulation.rule.ties":  {"Các đơn vị bằng điểm được xếp đồng hạng; hạng kế tiếp bỏ qua số vị trí tương ứng (ví dụ 1, 2, 2, 4). Trong cùng hạng, đơn vị xếp theo thứ tự tên.", "Units with equal totals share a rank and the next rank skips as many places (1, 2, 2, 4). Within a rank, units are listed by name."},

	"emulation.err.forbidden_read":  {"Bạn không có quyền xem giao ước thi đua này.", "You may not see this pledge."},
	"emulation.err.forbidden_write": {"Bạn không có quyền phát động hoặc chấm điểm giao ước của đơn vị này.", "You may not launch or score this unit's pledges."},
	"emulation.err.not_found":       {"Không tìm thấy giao ước thi đua.", "The pledge was not found."},
	"emulation.err.title":           {"Hãy nhập tên giao ước.", "Type the pledge's title."},
	"emulation.err.period":          {"Kỳ phải có dạng 2023, 2023S1, 2023Q3, 202307 hoặc 2016-2020.", "A period is written 2023, 2023S1, 2023Q3, 202307 or 2016-2020."},
	"emulation.err.signed_on":       {"Hãy nhập ngày ký.", "Type the signing date."},
	"emulation.err.commitments":     {"Giao ước cần ít nhất một cam kết.", "A pledge needs at least one commitment."},
	"emulation.err.description":     {"Hãy mô tả cam kết.", "Describe the commitment."},
	"emulation.err.indicator":       {"Chỉ tiêu cần mã chỉ tiêu.", "A target needs an indicator code."},
	"emulation.err.max":             {"Điểm tối đa phải lớn hơn 0 và không quá 1000.", "The maximum must be above 0 and at most 1000."},
	"emulation.err.signatories":     {"Giao ước cần ít nhất một đơn vị ký.", "A pledge needs at least one signatory."},
	"emulation.err.unit_day":        {"Đơn vị không tồn tại vào ngày ký.", "The unit did not exist on the signing date."},
	"emulation.err.signed_twice":    {"Một đơn vị chỉ ký một lần.", "A unit signs once."},
	"emulation.err.not_below":       {"“%s” không phải đơn vị cấp dưới của đơn vị phát động.", "“%s” is not below the launching unit."},
	"emulation.err.signer":          {"Hãy ghi người ký.", "Say who signed."},
	"emulation.err.conference":      {"Không tìm thấy hội nghị này trong phạm vi của bạn.", "This conference is not among those you may see."},
	"emulation.err.conference_unit": {"Giao ước chỉ ký tại hội nghị của chính đơn vị phát động.", "A pledge is signed at a conference of the launching unit itself."},
	"emulation.err.not_of_pledge":   {"Cam kết hoặc đơn vị không thuộc giao ước này.", "This commitment or unit is not part of the pledge."},
	"emulation.err.score_range":     {"Điểm phải từ 0 đến %s.", "A score lies between 0 and %s."},
}
