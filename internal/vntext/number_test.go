package vntext

import (
	"errors"
	"math"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		{"5", Number{Value: 5}},
		{"5.112", Number{Value: 5112}},
		{"1.200.000", Number{Value: 1200000}},
		{"1,5", Number{Value: 1.5}},
		{"1.234,56", Number{Value: 1234.56}},
		{"2.5", Number{Value: 2.5}},
		{"2.500", Number{Value: 2500}},
		{"1234.567", Number{Value: 1234.567}},
		{"25.137000", Number{Value: 25137000}},
		{"08", Number{Value: 8}},
		{"100%", Number{Value: 100, Percent: true}},
		{"99,5 %", Number{Value: 99.5, Percent: true}},
		{"50 phần trăm", Number{Value: 50, Percent: true}},
		{"1 tỉ", Number{Value: 1e9}},
		{"1 tỷ", Number{Value: 1e9}},
		{"1,2 tỷ", Number{Value: 1.2e9}},
		{"2,3 triệu", Number{Value: 2.3e6}},
		{"3 nghìn", Number{Value: 3000}},
		{"3 ngàn", Number{Value: 3000}},
		{"5triệu", Number{Value: 5e6}},
		{"3 nghìn tỷ", Number{Value: 3e12}},
		{"1 tỷ 200 triệu", Number{Value: 1.2e9}},
		{"2 triệu 500 nghìn", Number{Value: 2.5e6}},
		{"1 tỷ 200 triệu 50 nghìn", Number{Value: 1200050000}},
		{"trên 500 triệu", Number{Value: 5e8, LowerBound: true}},
		{"Trên 1 tỷ", Number{Value: 1e9, LowerBound: true}},
		{"hơn 1.000", Number{Value: 1000, LowerBound: true}},
		{"ngoài 60", Number{Value: 60, LowerBound: true}},
		{"gần 100%", Number{Value: 100, Percent: true, Approx: true}},
		{"khoảng 2,5 triệu", Number{Value: 2.5e6, Approx: true}},
		{"xấp xỉ 30%", Number{Value: 30, Percent: true, Approx: true}},
		{"-1.200", Number{Value: -1200}},
		{"-1 tỷ 200 triệu", Number{Value: -1.2e9}},
		{"  47  ", Number{Value: 47}},
		{norm.NFD.String("2,3 triệu"), Number{Value: 2.3e6}},
		{norm.NFD.String("trên 1 tỷ"), Number{Value: 1e9, LowerBound: true}},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNumber(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	for _, in := range []string{
		"", "abc", "31.12.2015", "1,200,000", "1.234.56", "5 người", "trên", "xỉ 5",
		"5 tỷ đồng", "5/7", "1.2.3", "hơn5", "5%%", "--5", "5 -", "triệu",
	} {
		if n, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want error", in, n)
		} else if !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseNumber(%q) error %v does not wrap ErrNotNumber", in, err)
		}
	}
}

func TestFindNumbers(t *testing.T) {
	type m struct {
		text     string
		value    float64
		attached bool
	}
	tests := []struct {
		in   string
		want []m
	}{
		{"hòa giải thành công 47 vụ việc", []m{{"47", 47, false}}},
		{"có 5.112 hộ.", []m{{"5.112", 5112, false}}},
		{"bão 63.298. 000 đồng", []m{{"63.298. 000", 63298000, false}}},
		{"đạt 1.500. 100% hộ", []m{{"1.500", 1500, false}, {"100%", 100, false}}},
		{"huy động trên 1 tỷ đồng và 2,3 triệu cây giống", []m{{"trên 1 tỷ", 1e9, false}, {"2,3 triệu", 2.3e6, false}}},
		{"đạt 100%, gần 95 % hộ", []m{{"100%", 100, false}, {"gần 95 %", 95, false}}},
		{"Kết luận số 114-KL/TW, ngày 14-7-2015", []m{{"114", 114, true}, {"14", 14, true}, {"7", 7, true}, {"2015", 2015, true}}},
		{"giai đoạn 2016 -2020", []m{{"2016", 2016, false}, {"2020", 2020, true}}},
		{"ngày 31.12.2015.", []m{{"31", 31, true}, {"12", 12, true}, {"2015", 2015, true}}},
		{"tổng 1 tỷ 200 triệu đồng", []m{{"1 tỷ 200 triệu", 1.2e9, false}}},
		{"xấp xỉ 30% và khoảng 2.500 người", []m{{"xấp xỉ 30%", 30, false}, {"khoảng 2.500", 2500, false}}},
		{"Covid-19", []m{{"19", 19, true}}},
		{"16/20 xã", []m{{"16", 16, true}, {"20", 20, true}}},
		{"(5)", []m{{"5", 5, false}}},
		{"Ngày đăng: 9:25 | 09/10/2020", []m{{"9", 9, true}, {"25", 25, true}, {"09", 9, true}, {"10", 10, true}, {"2020", 2020, true}}},
		{"5 triệu 6", []m{{"5 triệu", 5e6, false}, {"6", 6, false}}},
		{"không có số", nil},
	}
	for _, tt := range tests {
		got := FindNumbers(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindNumbers(%q) = %+v, want %d matches", tt.in, got, len(tt.want))
			continue
		}
		for k, g := range got {
			w := tt.want[k]
			if text := tt.in[g.Start:g.End]; text != w.text || g.Number.Value != w.value || g.Attached != w.attached {
				t.Errorf("FindNumbers(%q)[%d] = %q %v attached=%v, want %q %v attached=%v",
					tt.in, k, text, g.Number.Value, g.Attached, w.text, w.value, w.attached)
			}
		}
	}
}

func TestFindNumbersFlags(t *testing.T) {
	got := FindNumbers("trên 500 triệu đồng, hơn 90% và gần 1.000 hộ")
	want := []Number{
		{Value: 5e8, LowerBound: true},
		{Value: 90, Percent: true, LowerBound: true},
		{Value: 1000, Approx: true},
	}
	if len(got) != len(want) {
		t.Fatalf("FindNumbers = %+v, want %d", got, len(want))
	}
	for k := range want {
		if got[k].Number != want[k] {
			t.Errorf("match %d: %+v, want %+v", k, got[k].Number, want[k])
		}
	}
}

func TestFindNumbersNFD(t *testing.T) {
	s := norm.NFD.String("huy động trên 1 tỷ đồng")
	got := FindNumbers(s)
	if len(got) != 1 || got[0].Number.Value != 1e9 || !got[0].Number.LowerBound || s[got[0].Start:got[0].End] != norm.NFD.String("trên 1 tỷ") {
		t.Errorf("FindNumbers(NFD) = %+v", got)
	}
}

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {5112, "5.112"},
		{-1200, "-1.200"}, {1200000, "1.200.000"}, {123456789, "123.456.789"},
		{math.MaxInt64, "9.223.372.036.854.775.807"}, {math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in       float64
		decimals int
		want     string
	}{
		{1.5, 1, "1,5"}, {1.5, 0, "2"}, {1234567.891, 2, "1.234.567,89"}, {0.25, -1, "0,25"},
		{-1200.5, 1, "-1.200,5"}, {-0.001, 1, "0,0"}, {1e9, 0, "1.000.000.000"}, {5112, -1, "5.112"},
		{math.NaN(), 2, "NaN"}, {math.Inf(1), 2, "+Inf"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in, tt.decimals); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.in, tt.decimals, got, tt.want)
		}
	}
}

// TestParseNumberThousands: a dot before three digits groups thousands,
// however many groups ("100.000" is a hundred thousand, not 100.0).
func TestParseNumberThousands(t *testing.T) {
	for in, want := range map[string]float64{"100.000": 100000, "999.999": 999999, "1.000.000": 1000000, "5.112": 5112} {
		n, err := ParseNumber(in)
		if err != nil || n.Value != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, n.Value, err, want)
		}
	}
}
