package vntext

import (
	"math"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedLines are lines from real conference articles (see
// /work/shared/samples/articles) and the awkward spellings they contain.
var seedLines = []string{
	"Hội nghị tổng kết công tác dân vận năm 2020 và đề ra phương hướng, nhiệm vụ năm 2021",
	"Thứ sáu,\u00a0 23/04/2021",
	"LSO- Ngày 31/12/2015, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2015, triển khai nhiệm vụ năm 2016.",
	"Ban Dân vận Huyện uỷ tổ chức sơ kết công tác Dân vận 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2023",
	"Thứ Bảy, 16/1/2021",
	"Quế Sơn: Hội nghị tổng kết 10 năm thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2010-2020",
	"Ngày đăng: 9:25 | 09/10/2020 Lượt xem: 41",
	"Sáng ngày 08-10/2020, Ban Dân vận Huyện ủy Quế Sơn tổ chức Hội nghị tổng kết",
	"Kết luận số 114-KL/TW, ngày 14-7-2015 của Ban Bí thư",
	"Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị",
	"bồi dưỡng kiến thức quốc phòng – an ninh cho 5.112 cán bộ; phối hợp tuần tra biên giới được 156 cuộc. Giáo dục quốc phòng – an ninh cho 100% học sinh, sinh viên",
	"hỗ trợ phòng, chống dịch trong mùa dịch Covid-19, với số tiền trên 1 tỉ đồng.",
	"hòa giải thành công 47 vụ việc, đẩy mạnh Cuộc vận động giai đoạn 2016 -2020.",
	"toàn huyện có 50 mô hình dân vận khéo; khen thưởng 10 tập thể, 20 cá nhân",
	"Sáng ngày 11/7, Ban Dân vận Huyện ủy tổ chức hội nghị; ngày 19 và 25/7/2019; 09-13/11/2015",
	"Lạng Sơn, ngày 25 tháng 12 năm 2020; tháng 7/2023; 31.12.2015; 16/20 xã; 3/4 xã",
	"huy động 1,2 tỷ đồng, 2,3 triệu, 1 tỷ 200 triệu, xấp xỉ 30%, gần 1.000 hộ, hơn 3 nghìn",
	"UỶ BAN NHÂN DÂN TỈNH; Thuỷ, hoà, khoẻ, quý, qúy, gìa, Ðảng, Siu H’Phiết",
	norm.NFD.String("Uỷ ban Mặt trận Tổ quốc huyện, thuỷ lợi, hoà giải"),
	"", "0", "1.2.3", "1,200,000", "2.5", "-1.200", "Thứ 6, 3/4", "30/11-02/12/2015",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, again)
		}
		if !utf8.ValidString(n) || !norm.NFC.IsNormalString(n) {
			t.Fatalf("Normalize(%q) = %q is not NFC", s, n)
		}
		fs := Fold(s)
		if fn := Fold(n); fn != fs {
			t.Fatalf("Fold(Normalize(%q)) = %q, Fold = %q", s, fn, fs)
		}
		if !utf8.ValidString(fs) {
			t.Fatalf("Fold(%q) = %q, not UTF-8", s, fs)
		}
		if ff := Fold(fs); ff != fs {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, fs, ff)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s, int64(len(s)))
	}
	for _, s := range []string{"5.112", "1,5", "100%", "1 tỉ", "1,2 tỷ", "2,3 triệu", "trên 500 triệu", "3 ngàn", "xấp xỉ 2.500,75"} {
		f.Add(s, int64(-1200))
	}
	f.Add("9.223.372.036.854.775.807", int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, s string, i int64) {
		if n, err := ParseNumber(s); err == nil && math.IsNaN(n.Value) {
			t.Fatalf("ParseNumber(%q) = NaN", s)
		}
		text := FormatInt(i)
		n, err := ParseNumber(text)
		if err != nil || n != (Number{Value: float64(i)}) {
			t.Fatalf("ParseNumber(FormatInt(%d) = %q) = %+v, %v", i, text, n, err)
		}
		x := float64(i) / 1000
		text = FormatNumber(x, -1)
		if n, err := ParseNumber(text); err != nil || n.Value != x {
			t.Fatalf("ParseNumber(FormatNumber(%v) = %q) = %+v, %v", x, text, n, err)
		}
	})
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range FindNumbers(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindNumbers(%q): bad offsets %d:%d after %d", s, m.Start, m.End, prev)
			}
			prev = m.End
			n, err := ParseNumber(s[m.Start:m.End])
			if err != nil || !sameNumber(n, m.Number) {
				t.Fatalf("FindNumbers(%q) found %q = %+v; ParseNumber gives %+v, %v", s, s[m.Start:m.End], m.Number, n, err)
			}
		}
	})
}

func sameNumber(a, b Number) bool {
	return a == b || math.IsNaN(a.Value) && math.IsNaN(b.Value)
}

func FuzzParseDate(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s)
	}
	for _, s := range []string{"25/12/2020", "Thứ sáu, 23/04/2021", "ngày 08-10/2020", "14-7-2015", "Sáng 11/7",
		"ngày 19 và 25/7/2019", "31.12.2015", "tháng 8-10/2020", "ngày 25 tháng 12 năm 2020", "Chủ nhật, 29/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v; ParseDate(%q) = %+v, %v", s, d, d.String(), back, err)
		}
		if tm, ok := d.Time(); ok {
			if tm.Year() != d.Year || int(tm.Month()) != d.Month || tm.Day() != d.Day {
				t.Fatalf("ParseDate(%q) = %+v, Time = %v", s, d, tm)
			}
			f, err := ParseDate(FormatDate(tm))
			if err != nil || f.Year != d.Year || f.Month != d.Month || f.Day != d.Day {
				t.Fatalf("ParseDate(FormatDate(%v)) = %+v, %v", tm, f, err)
			}
		}
	})
}

func FuzzFindDates(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range FindDates(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindDates(%q): bad offsets %d:%d after %d", s, m.Start, m.End, prev)
			}
			prev = m.End
			d, err := ParseDate(s[m.Start:m.End])
			if err != nil || d != m.Date {
				t.Fatalf("FindDates(%q) found %q = %+v; ParseDate gives %+v, %v", s, s[m.Start:m.End], m.Date, d, err)
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2023", "2023S1", "2023S2", "2023Q3", "202307", "2010-2020", "2023s1", " 2024Q4 ", "0001", "9999-9999", "20231"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		code := p.String()
		back, err := ParsePeriod(code)
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %+v; ParsePeriod(%q) = %+v, %v", s, p, code, back, err)
		}
		if p.Label() == "" || p.End().Before(p.Start()) || !p.Contains(p) {
			t.Fatalf("ParsePeriod(%q) = %+v: Label %q, Start %v, End %v", s, p, p.Label(), p.Start(), p.End())
		}
	})
}

func FuzzFindPeriods(f *testing.F) {
	for _, s := range seedLines {
		f.Add(s)
	}
	f.Add("quý III năm 2023, quý 4/2023, sáu tháng cuối năm, nhiệm kỳ 2020 – 2025, tháng 8 năm 2023")
	f.Add("9 tháng đầu năm 2023, 6 tháng năm 2025, năm học 2023-2024, từ năm 2015 đến 2020, năm 2020-2025, 2016 -2020")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range FindPeriods(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindPeriods(%q): bad offsets %d:%d after %d", s, m.Start, m.End, prev)
			}
			prev = m.End
			partial := m.Period.Kind == 0 && m.Months >= 1 && m.Months <= 11 && m.Months != 6 && m.Period.Part == 0 && m.Period.ToYear == 0
			if p := m.Period; !partial && (p.Year != 0 && !p.Valid() || p.Year == 0 && p.Kind != Half && p.Kind != Quarter) {
				t.Fatalf("FindPeriods(%q) found %q = %+v", s, s[m.Start:m.End], p)
			}
			again := FindPeriods(s[m.Start:m.End])
			if len(again) != 1 || again[0].Period != m.Period || again[0].Months != m.Months || again[0].End != m.End-m.Start {
				t.Fatalf("FindPeriods(%q) found %q = %+v; alone it gives %+v", s, s[m.Start:m.End], m.Period, again)
			}
		}
	})
}
