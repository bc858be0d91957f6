package searchui

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of the search pages, in Vietnamese and English.
var Messages = i18n.Catalog{
	"searchui.title":        {"Tìm kiếm", "Search"},
	"searchui.public.title": {"Tra cứu tin bài", "Search the news"},
	"searchui.box":          {"Tìm trong mọi hồ sơ", "Search every record"},
	"searchui.hint":         {"ví dụ: hòa giải thôn 3, BDV, uy ban", "for example: mediation, BDV, committee"},
	"searchui.submit":       {"Tìm", "Search"},
	"searchui.kind":         {"Loại", "Kind"},
	"searchui.kind.all":     {"Tất cả", "All"},
	"searchui.unit":         {"Đơn vị", "Unit"},
	"searchui.unit.all":     {"Mọi đơn vị", "Every unit"},
	"searchui.period":       {"Kỳ", "Period"},
	"searchui.count":        {"%s kết quả", "%s results"},
	"searchui.count.more":   {"Hơn %s kết quả; thêm từ để thu hẹp", "More than %s results; add words to narrow them"},
	"searchui.typo":         {"Không có hồ sơ nào chứa đúng các từ này; đây là những tên gần giống.", "No record holds these words; these are the closest names."},
	"searchui.empty":        {"Không tìm thấy hồ sơ nào trong phạm vi của bạn. Thử bỏ dấu, viết đầy đủ hoặc bỏ bớt bộ lọc.", "Nothing found within your units. Try fewer words or fewer filters."},
	"searchui.start":        {"Gõ từ cần tìm: tên người, đơn vị, hội nghị, mô hình, đơn thư… Có dấu hay không dấu đều được.", "Type what to look for: a person, a unit, a conference, a model, a petition… with or without diacritics."},
	"searchui.more":         {"Xem tất cả %s", "See all %s"},
}
