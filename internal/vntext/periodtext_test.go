package vntext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFindPeriods(t *testing.T) {
	type m struct {
		text   string
		p      Period
		months int
	}
	tests := []struct {
		in   string
		want []m
	}{
		{"Hội nghị tổng kết công tác dân vận năm 2020 và đề ra phương hướng, nhiệm vụ năm 2021",
			[]m{{"năm 2020", Period{Kind: Year, Year: 2020}, 0}, {"năm 2021", Period{Kind: Year, Year: 2021}, 0}}},
		{"sơ kết công tác Dân vận 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2023",
			[]m{{"6 tháng đầu năm", Period{Kind: Half, Part: 1}, 6}, {"6 tháng cuối năm 2023", Period{Kind: Half, Year: 2023, Part: 2}, 6}}},
		{"Sáu tháng đầu năm 2024,", []m{{"Sáu tháng đầu năm 2024", Period{Kind: Half, Year: 2024, Part: 1}, 6}}},
		{"tổng kết 10 năm thực hiện phong trào giai đoạn 2010-2020",
			[]m{{"giai đoạn 2010-2020", Period{Kind: Stage, Year: 2010, ToYear: 2020}, 0}}},
		{"Cuộc vận động giai đoạn 2016 -2020.", []m{{"giai đoạn 2016 -2020", Period{Kind: Stage, Year: 2016, ToYear: 2020}, 0}}},
		{"nhiệm kỳ 2020 – 2025", []m{{"nhiệm kỳ 2020 – 2025", Period{Kind: Stage, Year: 2020, ToYear: 2025}, 0}}},
		{"quý III năm 2023 và quý 4/2023, quý II", []m{
			{"quý III năm 2023", Period{Kind: Quarter, Year: 2023, Part: 3}, 0},
			{"quý 4/2023", Period{Kind: Quarter, Year: 2023, Part: 4}, 0},
			{"quý II", Period{Kind: Quarter, Part: 2}, 0},
		}},
		{"trong tháng 7/2023 và tháng 8 năm 2023", []m{
			{"tháng 7/2023", Period{Kind: Month, Year: 2023, Part: 7}, 0},
			{"tháng 8 năm 2023", Period{Kind: Month, Year: 2023, Part: 8}, 0},
		}},
		{"Lạng Sơn, ngày 25 tháng 12 năm 2020", nil},
		{"tháng ", nil}, {"quý ", nil}, {"giai đoạn ", nil}, {"năm ", nil}, {"6 tháng đầu ", nil},
		{"16 tháng đầu năm; năm 20201; tháng 13/2020; giai đoạn 2020-2010; 10 năm; 6 tháng; năm học 2023-2024", nil},
		{"4 tháng đầu năm 2023 và 9 tháng đầu năm", []m{
			{"4 tháng đầu năm 2023", Period{Year: 2023}, 4}, {"9 tháng đầu năm", Period{}, 9}}},
		{"sơ kết công tác 6 tháng năm 2025", []m{{"6 tháng năm 2025", Period{Kind: Half, Year: 2025, Part: 1}, 6}}},
		{"Cuộc vận động 2016 -2020, năm 2020-2025 và từ năm 2015 đến 2020",
			[]m{{"2016 -2020", Period{Kind: Stage, Year: 2016, ToYear: 2020}, 0},
				{"năm 2020-2025", Period{Kind: Stage, Year: 2020, ToYear: 2025}, 0},
				{"từ năm 2015 đến 2020", Period{Kind: Stage, Year: 2015, ToYear: 2020}, 0}}},
		{norm.NFD.String("6 tháng cuối năm 2023"), []m{{norm.NFD.String("6 tháng cuối năm 2023"), Period{Kind: Half, Year: 2023, Part: 2}, 6}}},
	}
	for _, tt := range tests {
		got := FindPeriods(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindPeriods(%q) = %+v, want %d matches", tt.in, got, len(tt.want))
			continue
		}
		for k, g := range got {
			if text := tt.in[g.Start:g.End]; text != tt.want[k].text || g.Period != tt.want[k].p || g.Months != tt.want[k].months {
				t.Errorf("FindPeriods(%q)[%d] = %q %+v (%d months), want %q %+v (%d)", tt.in, k, text, g.Period, g.Months, tt.want[k].text, tt.want[k].p, tt.want[k].months)
			}
		}
	}
}

func TestFindPeriodsLabels(t *testing.T) {
	for _, code := range []string{"2023", "2023S1", "2023S2", "2023Q1", "2023Q3", "2023Q4", "202307", "2010-2020"} {
		p, err := ParsePeriod(code)
		if err != nil {
			t.Fatal(err)
		}
		got := FindPeriods(p.Label())
		if len(got) != 1 || got[0].Period != p || got[0].Start != 0 || got[0].End != len(p.Label()) {
			t.Errorf("FindPeriods(%q) = %+v, want %+v", p.Label(), got, p)
		}
	}
}
