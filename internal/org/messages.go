package org

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of levels and kinds of units ("level.<code>",
// "kind.<code>") and the messages of this package's errors.
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
}
