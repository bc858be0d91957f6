package vntext

import (
	"errors"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"25/12/2020", Date{Day: 25, Month: 12, Year: 2020}},
		{"1/2/2021", Date{Day: 1, Month: 2, Year: 2021}},
		{"Thứ sáu, 23/04/2021", Date{Day: 23, Month: 4, Year: 2021, Weekday: "Thứ sáu"}},
		{"thứ Sáu, ngày 23/04/2021", Date{Day: 23, Month: 4, Year: 2021, Weekday: "Thứ sáu"}},
		{"Thứ 6, 23/04/2021", Date{Day: 23, Month: 4, Year: 2021, Weekday: "Thứ sáu"}},
		{"THỨ BẢY 24/4/2021", Date{Day: 24, Month: 4, Year: 2021, Weekday: "Thứ bảy"}},
		{"Chủ nhật, 25/4/2021", Date{Day: 25, Month: 4, Year: 2021, Weekday: "Chủ nhật"}},
		{"ngày 08-10/2020", Date{Day: 8, Month: 10, Year: 2020}},
		{"09-13/11/2015", Date{Day: 9, EndDay: 13, Month: 11, Year: 2015}},
		{"ngày 09-13/11", Date{Day: 9, EndDay: 13, Month: 11}},
		{"30/11-02/12/2015", Date{Day: 30, Month: 11, EndDay: 2, EndMonth: 12, Year: 2015}},
		{"ngày 19 và 25/7/2019", Date{Day: 19, EndDay: 25, Month: 7, Year: 2019, Pair: true}},
		{"Ngày 27 và 28-7", Date{Day: 27, EndDay: 28, Month: 7, Pair: true}},
		{"ngày 27 và 28-7-2016", Date{Day: 27, EndDay: 28, Month: 7, Year: 2016, Pair: true}},
		{"14-7-2015", Date{Day: 14, Month: 7, Year: 2015}},
		{"Sáng 11/7", Date{Day: 11, Month: 7}},
		{"sáng ngày 11/7", Date{Day: 11, Month: 7}},
		{"Sáng ngày 25/12/2020", Date{Day: 25, Month: 12, Year: 2020}},
		{"chiều 3/4", Date{Day: 3, Month: 4}},
		{"Sáng 19.12", Date{Day: 19, Month: 12}},
		{"ngày 31/12/2015", Date{Day: 31, Month: 12, Year: 2015}},
		{"31.12.2015", Date{Day: 31, Month: 12, Year: 2015}},
		{"tháng 7/2023", Date{Month: 7, Year: 2023}},
		{"Tháng 7 năm 2023", Date{Month: 7, Year: 2023}},
		{"7/2023", Date{Month: 7, Year: 2023}},
		{"tháng 8-10/2020", Date{Month: 8, EndMonth: 10, Year: 2020}},
		{"ngày 25 tháng 12 năm 2020", Date{Day: 25, Month: 12, Year: 2020}},
		{"Lạng Sơn ngày 25 tháng 12 năm 2020"[len("Lạng Sơn "):], Date{Day: 25, Month: 12, Year: 2020}},
		{"ngày 2 tháng 9", Date{Day: 2, Month: 9}},
		{"mùng 2/9", Date{Day: 2, Month: 9}},
		{"29/2/2020", Date{Day: 29, Month: 2, Year: 2020}},
		{"29/2", Date{Day: 29, Month: 2}},
		{"3/4", Date{Day: 3, Month: 4}},
		{"2/9/1945", Date{Day: 2, Month: 9, Year: 1945}},
		{"  25/12/2020 ", Date{Day: 25, Month: 12, Year: 2020}},
		{norm.NFD.String("Thứ sáu, ngày 23/04/2021"), Date{Day: 23, Month: 4, Year: 2021, Weekday: "Thứ sáu"}},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if back, err := ParseDate(got.String()); err != nil || back != got {
			t.Errorf("ParseDate(%q.String() = %q) = %+v, %v; want %+v", tt.in, got.String(), back, err, got)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, in := range []string{
		"", "32/1/2020", "1/13/2020", "16/20", "29/2/2021", "31/4", "0/5", "5/0",
		"25/12/20", "25/12/2020/NĐ-CP", "1/2/3/4", "13-09/11/2015", "tháng 7", "tháng 13/2020",
		"ngày 19 và 19/7", "năm 2023", "19.12", "ngày 1.000", "2020-2021", "5", "ngày", "25/12/2020 hôm nay",
		"30/12-02/12/2015", "tháng 10-8/2020", "25/12/0999", "ngày 0 tháng 5", "ngày 0 và 5/7",
		"lần thứ 2, 3/4", "00/2020", "0-5/7", "tháng 1.0000", "tháng 1 năm 0000", "1/1/0000", "ngày 1 và 2/1/0000",
	} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %+v, want error", in, d)
		} else if !errors.Is(err, ErrNotDate) {
			t.Errorf("ParseDate(%q): %v does not wrap ErrNotDate", in, err)
		}
	}
}

func TestFindDates(t *testing.T) {
	type m struct {
		text string
		date Date
	}
	tests := []struct {
		in   string
		want []m
	}{
		{"Sáng ngày 25/12/2020, Ban Dân vận Huyện ủy tổ chức hội nghị", []m{{"Sáng ngày 25/12/2020", Date{Day: 25, Month: 12, Year: 2020}}}},
		{"Kết luận số 114-KL/TW, ngày 14-7-2015 của Bộ Chính trị", []m{{"ngày 14-7-2015", Date{Day: 14, Month: 7, Year: 2015}}}},
		{"đạt 16/20 xã, 3/4 xã hoàn thành", nil},
		{"Sáng 11/7, tại hội trường; chiều cùng ngày 12/7", []m{{"Sáng 11/7", Date{Day: 11, Month: 7}}, {"ngày 12/7", Date{Day: 12, Month: 7}}}},
		{"Nghị định số 12/2020/NĐ-CP ngày 1/2/2020", []m{{"ngày 1/2/2020", Date{Day: 1, Month: 2, Year: 2020}}}},
		{"theo Quyết định số 7/2023 và trong tháng 7/2023", []m{{"tháng 7/2023", Date{Month: 7, Year: 2023}}}},
		{"từ ngày 09-13/11/2015 tại Hà Nội", []m{{"ngày 09-13/11/2015", Date{Day: 9, EndDay: 13, Month: 11, Year: 2015}}}},
		{"ngày 19 và 25/7/2019,", []m{{"ngày 19 và 25/7/2019", Date{Day: 19, EndDay: 25, Month: 7, Year: 2019, Pair: true}}}},
		{"có 19 và 25/7/2019", []m{{"25/7/2019", Date{Day: 25, Month: 7, Year: 2019}}}},
		{"Ngày 27 và 28-7, Hội tổ chức đại hội", []m{{"Ngày 27 và 28-7", Date{Day: 27, EndDay: 28, Month: 7, Pair: true}}}},
		{"Thứ sáu, 23/04/2021 | Lượt xem: 41", []m{{"Thứ sáu, 23/04/2021", Date{Day: 23, Month: 4, Year: 2021, Weekday: "Thứ sáu"}}}},
		{"vào 25/12/20 và 31.12.2015.", []m{{"31.12.2015", Date{Day: 31, Month: 12, Year: 2015}}}},
		{"lần thứ 2, 3/4 số hộ", nil},
		{"tỷ lệ 1/3 và năm 2023, giai đoạn 2016 -2020", nil},
		{"Lạng Sơn, ngày 25 tháng 12 năm 2020", []m{{"ngày 25 tháng 12 năm 2020", Date{Day: 25, Month: 12, Year: 2020}}}},
		{"trong 6 tháng đầu năm 2023", nil},
		{"(25/12/2020)", []m{{"25/12/2020", Date{Day: 25, Month: 12, Year: 2020}}}},
		{"Sáng nay 20/12, tại hội trường", []m{{"Sáng nay 20/12", Date{Day: 20, Month: 12}}}},
		{"từ ngày 15 đến ngày 16/4/2024,", []m{{"ngày 15 đến ngày 16/4/2024", Date{Day: 15, EndDay: 16, Month: 4, Year: 2024}}}},
		{"từ ngày 01 - 08/3/2024 được", []m{{"ngày 01 - 08/3/2024", Date{Day: 1, EndDay: 8, Month: 3, Year: 2024}}}},
		{"LSO-Sáng nay (3/11), Hội", []m{{"Sáng nay (3/11)", Date{Day: 3, Month: 11}}}},
		{"Covid-Sáng 3/11", nil},
		{"Sáng nay (12/7), Ban Dân vận tổ chức", []m{{"Sáng nay (12/7)", Date{Day: 12, Month: 7}}}},
		{"Sáng thứ Năm (20/12), hội nghị", []m{{"Sáng thứ Năm (20/12)", Date{Day: 20, Month: 12, Weekday: "Thứ năm"}}}},
		{"hôm qua 19/12 đoàn về xã", []m{{"hôm qua 19/12", Date{Day: 19, Month: 12}}}},
		{"Hiện nay 3/4 xã đã hoàn thành", nil}, // "nay" alone announces nothing
		{"Sáng nay (3/4 xã) đã xong", nil},     // the bracket must close after the date
		{"tổ chức hôm (12/7", nil},             // an unclosed bracket
		{"Sáng 19.12, Ban Tuyên giáo", []m{{"Sáng 19.12", Date{Day: 19, Month: 12}}}},
		{"vào chiều 6.10, đồng chí", []m{{"chiều 6.10", Date{Day: 6, Month: 10}}}},
		{"đạt 5.1 điểm, tăng 2.3 lần", nil}, // a dot date needs a date word
		{"Sáng 8.30 giờ", nil}, // no month 30
	}
	for _, tt := range tests {
		got := FindDates(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindDates(%q) = %+v, want %d matches", tt.in, got, len(tt.want))
			continue
		}
		for k, g := range got {
			if text := tt.in[g.Start:g.End]; text != tt.want[k].text || g.Date != tt.want[k].date {
				t.Errorf("FindDates(%q)[%d] = %q %+v, want %q %+v", tt.in, k, text, g.Date, tt.want[k].text, tt.want[k].date)
			}
		}
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		d    Date
		want time.Time
		ok   bool
	}{
		{Date{Day: 25, Month: 12, Year: 2020}, time.Date(2020, 12, 25, 0, 0, 0, 0, time.UTC), true},
		{Date{Day: 9, EndDay: 13, Month: 11, Year: 2015}, time.Date(2015, 11, 9, 0, 0, 0, 0, time.UTC), true},
		{Date{Day: 11, Month: 7}, time.Time{}, false},
		{Date{Month: 7, Year: 2023}, time.Time{}, false},
		{Date{Day: 29, Month: 2, Year: 2021}, time.Time{}, false},
		{Date{Day: 1, Month: 13, Year: 2021}, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := tt.d.Time()
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("%+v.Time() = %v, %v; want %v, %v", tt.d, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatDate(t *testing.T) {
	if got := FormatDate(time.Date(2021, 4, 3, 15, 4, 0, 0, time.UTC)); got != "03/04/2021" {
		t.Errorf("FormatDate = %q, want 03/04/2021", got)
	}
	if got := FormatDate(time.Date(2020, 12, 25, 0, 0, 0, 0, time.UTC)); got != "25/12/2020" {
		t.Errorf("FormatDate = %q, want 25/12/2020", got)
	}
}
