package org

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of levels and kinds of units ("level.<code>",
// "kind.<code>") and the messages of this package's errors
// ("org.err.<what>"). Unit names and dates are arguments; levels and kinds
// are passed as messages (i18n.M("level."+…)) so that they are translated
// with the sentence.
var Messages = i18n.Catalog{
	"level.central":         {"Trung ương", "Central"},
	"level.province":        {"Tỉnh, thành phố", "Province"},
	"level.district":        {"Huyện, thị xã, thành phố thuộc tỉnh", "District"},
	"level.commune":         {"Xã, phường, thị trấn", "Commune"},
	"level.agency":          {"Khối, sở, ngành", "Agency"},
	"kind.board":            {"Ban Dân vận", "Mass mobilization board"},
	"kind.commune_bloc":     {"Khối Dân vận xã", "Commune mobilization bloc"},
	"kind.fatherland_front": {"Mặt trận Tổ quốc", "Fatherland Front"},
	"kind.womens_union":     {"Hội Liên hiệp Phụ nữ", "Women's Union"},
	"kind.farmers_union":    {"Hội Nông dân", "Farmers' Union"},
	"kind.veterans":         {"Hội Cựu chiến binh", "Veterans' Association"},
	"kind.youth_union":      {"Đoàn Thanh niên", "Youth Union"},
	"kind.trade_union":      {"Công đoàn", "Trade Union"},
	"kind.other":            {"Khác", "Other"},

	// Reading the hierarchy.
	"org.err.unknown_unit":     {"Không tìm thấy đơn vị.", "Unit not found."},
	"org.err.unknown_unit_id":  {"Không tìm thấy đơn vị có mã số %d.", "There is no unit with id %d."},
	"org.err.unknown_code":     {"Không tìm thấy đơn vị có mã “%s”.", "There is no unit with code “%s”."},
	"org.err.not_yet":          {"Đơn vị chưa được thành lập vào ngày %s (bắt đầu từ ngày %s).", "The unit did not exist yet on %s (it starts on %s)."},
	"org.err.ended_on":         {"Đơn vị đã ngừng hoạt động vào ngày %s (ngày cuối cùng: %s).", "The unit no longer existed on %s (its last day was %s)."},
	"org.err.map_before_start": {"Ngày %s trước ngày thành lập đơn vị (%s).", "%s is before the unit started (%s)."},
	"org.err.search_empty":     {"Hãy nhập tên đơn vị cần tìm.", "Type the name of the unit to find."},

	// Dates, names, codes and where a unit may sit.
	"org.err.no_date":           {"Chưa nhập ngày hiệu lực.", "The effective date is missing."},
	"org.err.bad_date":          {"Ngày hiệu lực không hợp lệ.", "The effective date is not valid."},
	"org.err.no_code":           {"Chưa nhập mã đơn vị.", "The unit's code is missing."},
	"org.err.code_format":       {"Mã đơn vị không được có dấu cách và dài quá 64 ký tự.", "A unit's code has no spaces and at most 64 characters."},
	"org.err.code_taken":        {"Mã đơn vị “%s” đã được dùng cho một đơn vị khác.", "The code “%s” is already used by another unit."},
	"org.err.no_name":           {"Chưa nhập tên đơn vị.", "The unit's name is missing."},
	"org.err.same_name":         {"Tên mới trùng với tên hiện tại của đơn vị.", "The new name is the unit's current name."},
	"org.err.bad_level":         {"Cấp đơn vị không hợp lệ.", "Not a valid level."},
	"org.err.bad_kind":          {"Loại đơn vị không hợp lệ.", "Not a valid kind of unit."},
	"org.err.bloc_commune_only": {"Khối Dân vận chỉ có ở cấp xã.", "A commune mobilization bloc exists only at commune level."},
	"org.err.board_in_commune":  {"Ở cấp xã, đơn vị dân vận là Khối Dân vận, không phải Ban Dân vận.", "At commune level the mobilization unit is a bloc, not a board."},
	"org.err.needs_parent":      {"Đơn vị cấp “%s” phải thuộc một đơn vị cấp trên.", "A unit of level “%s” must sit under a unit above it."},
	"org.err.central_is_root":   {"Đơn vị cấp Trung ương không thuộc đơn vị cấp trên nào.", "A central unit sits under no other unit."},
	"org.err.place_under":       {"Không thể đặt đơn vị cấp “%s” dưới đơn vị cấp “%s”.", "A unit of level “%s” cannot be placed under a unit of level “%s”."},
	"org.err.org_under_lead":    {"%s chỉ đặt được dưới Ban Dân vận hoặc Khối Dân vận cùng cấp.", "A %s sits only under a board or a commune bloc of its own level."},
	"org.err.cycle":             {"Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó.", "A unit cannot be placed under itself or a unit below it."},

	// A unit's history.
	"org.err.closed":         {"Đơn vị “%s” đã ngừng hoạt động từ ngày %s.", "The unit “%s” has not existed since %s."},
	"org.err.before_start":   {"Ngày %s không hợp lệ: đơn vị “%s” bắt đầu hoạt động từ ngày %s.", "%s is not valid: the unit “%s” starts on %s."},
	"org.err.overlap":        {"Ngày %s trùng với thời gian hiệu lực đã ghi của đơn vị “%s” (thay đổi gần nhất từ ngày %s); chỉ ghi được thay đổi sau ngày đó.", "%s falls within the recorded history of “%s” (last changed on %s); only later changes can be recorded."},
	"org.err.parent_closed":  {"Đơn vị cấp trên “%s” đã ngừng hoạt động từ ngày %s.", "The unit above, “%s”, has not existed since %s."},
	"org.err.parent_not_yet": {"Đơn vị cấp trên “%s” chưa được thành lập vào ngày %s (bắt đầu từ ngày %s).", "The unit above, “%s”, did not exist yet on %s (it starts on %s)."},
	"org.err.parent_changed": {"Đơn vị cấp trên “%s” có thay đổi từ ngày %s, sau ngày %s.", "The unit above, “%s”, changed on %s, after %s."},
	"org.err.child_changed":  {"Đơn vị cấp dưới “%s” có thay đổi từ ngày %s, sau ngày chuyển %s.", "The unit below, “%s”, changed on %s, after the move on %s."},

	// Moves, merges, splits, closing.
	"org.err.no_new_parent":    {"Chưa chọn đơn vị cấp trên mới.", "No new parent chosen."},
	"org.err.same_parent":      {"Đơn vị “%s” đã thuộc đơn vị cấp trên này.", "The unit “%s” already sits under this parent."},
	"org.err.has_children":     {"Đơn vị “%s” còn %d đơn vị cấp dưới đang hoạt động; hãy chuyển hoặc giải thể các đơn vị đó trước.", "The unit “%s” still has %d living units below it; move or close them first."},
	"org.err.split_children":   {"Đơn vị “%s” còn %d đơn vị cấp dưới đang hoạt động; hãy chuyển các đơn vị đó trước khi chia tách.", "The unit “%s” still has %d living units below it; move them before splitting it."},
	"org.err.merge_target":     {"Hãy chọn đúng một đơn vị nhận sáp nhập: một đơn vị đã có hoặc một đơn vị mới.", "Choose exactly one receiving unit: an existing unit or a new one."},
	"org.err.merge_few":        {"Cần ít nhất hai đơn vị để sáp nhập.", "A merge needs at least two units."},
	"org.err.picked_twice":     {"Đơn vị có mã số %d được chọn hai lần.", "The unit with id %d is chosen twice."},
	"org.err.merge_into_self":  {"Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.", "The receiving unit cannot also be merged away."},
	"org.err.merge_level":      {"Chỉ sáp nhập được các đơn vị cùng cấp: “%s” là cấp “%s”, “%s” là cấp “%s”.", "Only units of one level merge: “%s” is of level “%s”, “%s” of level “%s”."},
	"org.err.merge_below":      {"Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.", "A unit cannot be merged into a unit below it."},
	"org.err.merge_new_level":  {"Đơn vị mới phải cùng cấp “%s” với các đơn vị bị sáp nhập.", "The new unit must be of the merged units' level, “%s”."},
	"org.err.merge_new_parent": {"Đơn vị cấp trên của đơn vị mới không thể là đơn vị bị sáp nhập hoặc đơn vị cấp dưới của nó.", "The new unit cannot sit under a merged unit or a unit below one."},
	"org.err.split_few":        {"Chia tách cần ít nhất hai đơn vị nhận.", "A split needs at least two receiving units."},
	"org.err.split_part":       {"Mỗi phần chia tách phải là đúng một đơn vị: một đơn vị đã có hoặc một đơn vị mới.", "Each part of a split is exactly one unit: an existing unit or a new one."},
	"org.err.split_share":      {"Tỷ lệ của mỗi phần chia tách phải lớn hơn 0 và không quá 1.", "Each part's share must be above 0 and at most 1."},
	"org.err.split_sum":        {"Tổng tỷ lệ các phần chia tách phải bằng 1 (100%%); hiện là %s%%.", "The parts' shares must add up to 1 (100%%); they add up to %s%%."},
	"org.err.split_into_self":  {"Đơn vị bị chia tách không thể là đơn vị nhận.", "The split unit cannot receive a part of itself."},
	"org.err.split_level":      {"Đơn vị nhận “%s” phải cùng cấp “%s” với đơn vị bị chia tách.", "The receiving unit “%s” must be of the split unit's level, “%s”."},
	"org.err.split_new_level":  {"Đơn vị mới phải cùng cấp “%s” với đơn vị bị chia tách.", "A new unit must be of the split unit's level, “%s”."},
	"org.err.split_new_under":  {"Đơn vị mới không thể thuộc đơn vị bị chia tách.", "A new unit cannot sit under the split unit."},

	// Changes asked for by a person (Apply, Preview).
	"org.err.not_admin":    {"Bạn không có quyền quản trị đơn vị này.", "You do not administer this unit."},
	"org.err.out_of_scope": {"Đơn vị được chọn nằm ngoài phạm vi bạn quản trị.", "The unit chosen is outside what you administer."},
	"org.err.admin_ended":  {"Đơn vị không còn hoạt động; chỉ quản trị được các đơn vị đang hoạt động.", "The unit has ended; only living units can be administered."},
	"org.err.ended_pick":   {"Đơn vị được chọn không còn hoạt động vào ngày đó.", "The unit chosen no longer exists on that day."},
	"org.err.no_parent":    {"Chưa chọn đơn vị cấp trên.", "No parent chosen."},
	"org.err.no_into":      {"Chưa chọn đơn vị nhận sáp nhập.", "No receiving unit chosen."},
	"org.err.bad_op":       {"Thao tác không hợp lệ.", "Not a valid change."},
}
