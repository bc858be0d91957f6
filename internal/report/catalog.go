package report

import (
	"context"
	"fmt"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// allLevels are the territorial levels that report the usual indicators.
var allLevels = []string{"province", "district", "commune"}

// Catalogue returns the standard indicators of mass-mobilization
// reporting (41 of them), drawn from what boards count every six months:
// mediation, dialogues, complaints, "Dân vận khéo" models, the "Vì người
// nghèo" fund, new rural areas, ethnic and religious affairs. Ratios name
// their parts by code.
func Catalogue() []NewIndicator {
	n := func(code, name, measure, field string, agg Aggregation) NewIndicator {
		return NewIndicator{Indicator: Indicator{Code: code, Name: name, Measure: measure, Field: field,
			Aggregation: agg, Integral: true, Levels: allLevels}}
	}
	key := func(ni NewIndicator) NewIndicator { ni.Key = true; return ni }
	pct := func(ni NewIndicator) NewIndicator { ni.Percent = true; ni.Integral = false; return ni }
	ratio := func(code, name, field, num, den string) NewIndicator {
		ni := n(code, name, "%", field, Ratio)
		ni.Percent, ni.Integral = true, false
		ni.NumeratorCode, ni.DenominatorCode = num, den
		return ni
	}
	byOrg := func(ni NewIndicator) NewIndicator { ni.Breakdown = BreakdownOrganization; return ni }
	dec := func(ni NewIndicator) NewIndicator { ni.Integral = false; return ni }
	list := []NewIndicator{
		n("DV01", "Hội nghị học tập, quán triệt nghị quyết, chỉ thị về công tác dân vận", "hội nghị", "general", Sum),
		key(n("DV02", "Cán bộ, đảng viên được bồi dưỡng nghiệp vụ công tác dân vận", "người", "general", Sum)),
		n("DV03", "Cuộc kiểm tra, giám sát việc thực hiện công tác dân vận", "cuộc", "general", Sum),
		key(n("DV04", "Mô hình “Dân vận khéo” đăng ký mới", "mô hình", "general", Sum)),
		key(n("DV05", "Mô hình “Dân vận khéo” được công nhận", "mô hình", "general", Sum)),
		n("DV06", "Mô hình “Dân vận khéo” được nhân rộng", "mô hình", "general", Sum),
		n("DV07", "Tập thể được khen thưởng trong phong trào thi đua “Dân vận khéo”", "tập thể", "general", Sum),
		n("DV08", "Cá nhân được khen thưởng trong phong trào thi đua “Dân vận khéo”", "cá nhân", "general", Sum),
		key(n("DV09", "Cuộc đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", "cuộc", "government_building", Sum)),
		n("DV10", "Lượt người dân tham dự đối thoại", "lượt người", "government_building", Sum),
		n("DV11", "Ý kiến, kiến nghị của Nhân dân tiếp nhận qua đối thoại", "ý kiến", "government_building", Sum),
		n("CQ01", "Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận", "đơn", "government_building", Sum),
		n("CQ02", "Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh đã giải quyết", "đơn", "government_building", Sum),
		key(ratio("CQ03", "Tỷ lệ đơn thư được giải quyết", "government_building", "CQ02", "CQ01")),
		n("CQ04", "Hội nghị nhân dân thực hiện Quy chế dân chủ ở cơ sở", "hội nghị", "government_building", Sum),
		n("CQ05", "Điểm nóng, vụ việc phức tạp phát sinh", "vụ việc", "government_building", Sum),
		n("CQ06", "Điểm nóng, vụ việc phức tạp đã giải quyết dứt điểm", "vụ việc", "government_building", Sum),
		n("CQ07", "Thời gian giải quyết đơn thư dài nhất", "ngày", "government_building", Max),
		n("AN01", "Vụ việc hòa giải ở cơ sở tiếp nhận", "vụ việc", "defence_security", Sum),
		key(n("AN02", "Vụ việc hòa giải thành công", "vụ việc", "defence_security", Sum)),
		key(ratio("AN03", "Tỷ lệ hòa giải thành công", "defence_security", "AN02", "AN01")),
		n("AN04", "Tổ hòa giải ở cơ sở hiện có", "tổ", "defence_security", Last),
		n("AN05", "Cuộc tuần tra bảo vệ biên giới, an ninh trật tự có Nhân dân tham gia", "cuộc", "defence_security", Sum),
		n("AN06", "Mô hình tự quản về an ninh trật tự", "mô hình", "defence_security", Last),
		pct(n("AN07", "Tỷ lệ học sinh, sinh viên được giáo dục quốc phòng và an ninh", "%", "defence_security", Average)),
		key(n("KT01", "Tiền ủng hộ Quỹ “Vì người nghèo”", "đồng", "economy", Sum)),
		n("KT02", "Nhà Đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa", "căn", "economy", Sum),
		n("KT03", "Hộ nghèo được hỗ trợ thoát nghèo", "hộ", "economy", Sum),
		n("KT04", "Ngày công lao động Nhân dân đóng góp xây dựng nông thôn mới", "ngày công", "economy", Sum),
		n("KT05", "Tiền Nhân dân đóng góp xây dựng nông thôn mới", "đồng", "economy", Sum),
		n("KT06", "Đường giao thông nông thôn làm mới, nâng cấp", "m", "economy", Sum),
		n("KT07", "Sản phẩm OCOP được công nhận", "sản phẩm", "economy", Sum),
		n("VH01", "Hộ gia đình trên địa bàn", "hộ", "culture_society", Last),
		n("VH02", "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "hộ", "culture_society", Last),
		ratio("VH03", "Tỷ lệ hộ đạt danh hiệu “Gia đình văn hóa”", "culture_society", "VH02", "VH01"),
		n("VH04", "Khu dân cư đạt chuẩn văn hóa", "khu dân cư", "culture_society", Last),
		byOrg(n("VH05", "Hội viên, đoàn viên mới kết nạp", "người", "culture_society", Sum)),
		dec(n("VH06", "Buổi sinh hoạt chi hội, chi đoàn bình quân mỗi tháng", "buổi", "culture_society", Average)),
		pct(n("VH07", "Tỷ lệ người dân tham gia bảo hiểm y tế (đơn vị thấp nhất)", "%", "culture_society", Min)),
		n("DT01", "Cuộc tiếp xúc, thăm hỏi chức sắc, chức việc các tôn giáo", "cuộc", "ethnic_religion", Sum),
		n("DT02", "Người có uy tín trong đồng bào dân tộc thiểu số được bồi dưỡng", "người", "ethnic_religion", Sum),
	}
	for i := range list {
		list[i].Position = (i + 1) * 10
		list[i].NameEN, list[i].MeasureEN = catalogueEnglish[list[i].Code][0], catalogueEnglish[list[i].Code][1]
	}
	return list
}

// catalogueEnglish are the standard indicators' names and units of
// measure in English, by code (migration 00150 gives them to databases
// seeded before English names existed).
var catalogueEnglish = map[string][2]string{
	"DV01": {"Conferences to study resolutions and directives on mass mobilization", "conferences"},
	"DV02": {"Cadres and Party members trained in mass mobilization work", "people"},
	"DV03": {"Inspections and supervisions of mass mobilization work", "inspections"},
	"DV04": {"“Dân vận khéo” models newly registered", "models"},
	"DV05": {"“Dân vận khéo” models recognized", "models"},
	"DV06": {"“Dân vận khéo” models replicated", "models"},
	"DV07": {"Collectives commended in the “Dân vận khéo” movement", "collectives"},
	"DV08": {"Individuals commended in the “Dân vận khéo” movement", "individuals"},
	"DV09": {"Direct dialogues between Party and government heads and the people", "dialogues"},
	"DV10": {"Citizens attending dialogues", "attendances"},
	"DV11": {"Opinions and proposals received at dialogues", "opinions"},
	"CQ01": {"Complaints, denunciations, proposals and reports received", "petitions"},
	"CQ02": {"Complaints, denunciations, proposals and reports resolved", "petitions"},
	"CQ03": {"Share of petitions resolved", "%"},
	"CQ04": {"People's conferences under the grassroots democracy regulation", "conferences"},
	"CQ05": {"Hot spots and complex cases arising", "cases"},
	"CQ06": {"Hot spots and complex cases fully resolved", "cases"},
	"CQ07": {"Longest time to resolve a petition", "days"},
	"AN01": {"Grassroots mediation cases received", "cases"},
	"AN02": {"Mediation cases settled", "cases"},
	"AN03": {"Share of mediations settled", "%"},
	"AN04": {"Grassroots mediation teams", "teams"},
	"AN05": {"Border and public-order patrols with the people taking part", "patrols"},
	"AN06": {"Self-managed public-order models", "models"},
	"AN07": {"Share of pupils and students given defence and security education", "%"},
	"KT01": {"Donations to the “For the Poor” fund", "VND"},
	"KT02": {"Great Solidarity and gratitude houses built or repaired", "houses"},
	"KT03": {"Poor households helped out of poverty", "households"},
	"KT04": {"Workdays the people contributed to new rural areas", "workdays"},
	"KT05": {"Money the people contributed to new rural areas", "VND"},
	"KT06": {"Rural roads built or upgraded", "m"},
	"KT07": {"OCOP products recognized", "products"},
	"VH01": {"Households in the area", "households"},
	"VH02": {"Households awarded the “Cultured family” title", "households"},
	"VH03": {"Share of households with the “Cultured family” title", "%"},
	"VH04": {"Residential areas meeting the cultural standard", "residential areas"},
	"VH05": {"New members admitted to associations and unions", "people"},
	"VH06": {"Branch meetings per month on average", "meetings"},
	"VH07": {"Share of residents with health insurance (lowest unit)", "%"},
	"DT01": {"Visits and meetings with religious dignitaries and officials", "visits"},
	"DT02": {"Prestigious people among ethnic minorities trained", "people"},
}

// The standard forms' codes.
const (
	FormHalf  = "BC6T"  // Báo cáo sơ kết công tác dân vận 6 tháng
	FormYear  = "BCNAM" // Báo cáo tổng kết công tác dân vận năm
	FormStage = "BCGD"  // Báo cáo tổng kết giai đoạn
)

// StandardForms returns the forms every demo has: six months, year and
// multi-year stage, each with every catalogue indicator and the four
// narrative sections.
func StandardForms(codes []string) []NewForm {
	secs := []string{"results", "limitations", "causes", "tasks"}
	return []NewForm{
		{Code: FormHalf, Name: "Báo cáo sơ kết công tác dân vận 6 tháng", NameEN: "Six-month review of mass mobilization work", PeriodKind: vntext.Half, Sections: secs, Levels: allLevels, Indicators: codes},
		{Code: FormYear, Name: "Báo cáo tổng kết công tác dân vận năm", NameEN: "Annual review of mass mobilization work", PeriodKind: vntext.Year, Sections: secs, Levels: allLevels, Indicators: codes},
		{Code: FormStage, Name: "Báo cáo tổng kết công tác dân vận giai đoạn", NameEN: "Multi-year review of mass mobilization work", PeriodKind: vntext.Stage, Sections: secs, Levels: []string{"province"}, Indicators: codes},
	}
}

// SeedCatalogue adds the standard indicators (plus extra, e.g. generated
// ones) and the standard forms to an empty catalogue, in one transaction.
// It does nothing when indicators already exist.
func (s *Store) SeedCatalogue(ctx context.Context, extra []NewIndicator) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM report_indicators`).Scan(&n); err != nil {
		return fmt.Errorf("report: seed catalogue: %w", err)
	}
	if n > 0 {
		return nil
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		list := append(Catalogue(), extra...)
		inds, err := createIndicators(ctx, tx, list)
		if err != nil {
			return fmt.Errorf("report: seed catalogue: %w", err)
		}
		codes := make([]string, len(inds))
		for i, ind := range inds {
			codes[i] = ind.Code
		}
		for _, f := range StandardForms(codes) {
			if _, err := createForm(ctx, tx, f); err != nil {
				return fmt.Errorf("report: seed forms: %w", err)
			}
		}
		return nil
	})
}
