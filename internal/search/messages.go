package search

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of the kinds of record and the messages of this
// package's errors, in Vietnamese and English.
var Messages = i18n.Catalog{
	"search.kind.person":       {"Người", "People"},
	"search.kind.unit":         {"Đơn vị", "Units"},
	"search.kind.conference":   {"Hội nghị", "Conferences"},
	"search.kind.task":         {"Nhiệm vụ trọng tâm", "Key tasks"},
	"search.kind.practice":     {"Mô hình “Dân vận khéo”", "“Skillful mobilization” models"},
	"search.kind.report":       {"Báo cáo", "Reports"},
	"search.kind.document":     {"Văn bản", "Documents"},
	"search.kind.petition":     {"Đơn thư", "Petitions"},
	"search.kind.dialogue":     {"Đối thoại", "Dialogues"},
	"search.kind.mediation":    {"Hòa giải", "Mediation cases"},
	"search.kind.commendation": {"Khen thưởng", "Commendations"},
	"search.kind.article":      {"Tin bài", "Articles"},

	"search.err.kind":    {"Loại kết quả không hợp lệ.", "Unknown kind of result."},
	"search.err.period":  {"Kỳ không hợp lệ; ví dụ: 2023, 2023S1, 2023Q3, 202307, 2010-2020.", "Invalid period; for example 2023, 2023S1, 2023Q3, 202307 or 2010-2020."},
	"search.err.unit":    {"Không tìm thấy đơn vị.", "Unit not found."},
	"search.err.reindex": {"Chỉ quản trị toàn quốc mới được dựng lại chỉ mục tìm kiếm.", "Only a national administrator may rebuild the search index."},
}
