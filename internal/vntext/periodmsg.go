package vntext

import "github.com/danvan/danvan/internal/i18n"

// Message is p's label as a catalog message ("period.h1" with the year,
// …), for pages and errors shown in either language; Label is the
// Vietnamese label alone.
func (p Period) Message() i18n.Message {
	if !p.Valid() {
		return i18n.M("period.none")
	}
	switch p.Kind {
	case Half:
		if p.Part == 1 {
			return i18n.M("period.h1", p.Year)
		}
		return i18n.M("period.h2", p.Year)
	case Quarter:
		return i18n.M("period.quarter", romanQuarters[p.Part], p.Year)
	case Month:
		return i18n.M("period.month", p.Part, p.Year)
	case Stage:
		return i18n.M("period.stage", p.Year, p.ToYear)
	}
	return i18n.M("period.year", p.Year)
}

// Messages are the labels of periods, in Vietnamese and English.
var Messages = i18n.Catalog{
	"period.none":    {"(không rõ kỳ)", "(no period)"},
	"period.h1":      {"6 tháng đầu năm %d", "first half of %d"},
	"period.h2":      {"6 tháng cuối năm %d", "second half of %d"},
	"period.quarter": {"quý %s năm %d", "quarter %s of %d"},
	"period.month":   {"tháng %d năm %d", "month %d of %d"},
	"period.stage":   {"giai đoạn %d – %d", "stage %d – %d"},
	"period.year":    {"năm %d", "year %d"},
}
