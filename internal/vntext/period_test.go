package vntext

import (
	"errors"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		code       string
		want       Period
		label      string
		start, end time.Time
	}{
		{"2023", Period{Kind: Year, Year: 2023}, "năm 2023", day(2023, 1, 1), day(2023, 12, 31)},
		{"2023S1", Period{Kind: Half, Year: 2023, Part: 1}, "6 tháng đầu năm 2023", day(2023, 1, 1), day(2023, 6, 30)},
		{"2023S2", Period{Kind: Half, Year: 2023, Part: 2}, "6 tháng cuối năm 2023", day(2023, 7, 1), day(2023, 12, 31)},
		{"2023Q1", Period{Kind: Quarter, Year: 2023, Part: 1}, "quý I năm 2023", day(2023, 1, 1), day(2023, 3, 31)},
		{"2023Q3", Period{Kind: Quarter, Year: 2023, Part: 3}, "quý III năm 2023", day(2023, 7, 1), day(2023, 9, 30)},
		{"2024Q4", Period{Kind: Quarter, Year: 2024, Part: 4}, "quý IV năm 2024", day(2024, 10, 1), day(2024, 12, 31)},
		{"202307", Period{Kind: Month, Year: 2023, Part: 7}, "tháng 7 năm 2023", day(2023, 7, 1), day(2023, 7, 31)},
		{"202402", Period{Kind: Month, Year: 2024, Part: 2}, "tháng 2 năm 2024", day(2024, 2, 1), day(2024, 2, 29)},
		{"2010-2020", Period{Kind: Stage, Year: 2010, ToYear: 2020}, "giai đoạn 2010 – 2020", day(2010, 1, 1), day(2020, 12, 31)},
	}
	for _, tt := range tests {
		for _, code := range []string{tt.code, " " + tt.code + "\n"} {
			got, err := ParsePeriod(code)
			if err != nil {
				t.Errorf("ParsePeriod(%q): %v", code, err)
				continue
			}
			if got != tt.want {
				t.Errorf("ParsePeriod(%q) = %+v, want %+v", code, got, tt.want)
			}
		}
		p := tt.want
		if got := p.String(); got != tt.code {
			t.Errorf("%+v.String() = %q, want %q", p, got, tt.code)
		}
		if got := p.Label(); got != tt.label {
			t.Errorf("%+v.Label() = %q, want %q", p, got, tt.label)
		}
		if got := p.Start(); !got.Equal(tt.start) {
			t.Errorf("%v.Start() = %v, want %v", p, got, tt.start)
		}
		if got := p.End(); !got.Equal(tt.end) {
			t.Errorf("%v.End() = %v, want %v", p, got, tt.end)
		}
	}
	if got, err := ParsePeriod("2023s2"); err != nil || got.String() != "2023S2" {
		t.Errorf("ParsePeriod(2023s2) = %v, %v", got, err)
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, code := range []string{
		"", "23", "0000", "2023S3", "2023S0", "2023Q5", "2023Q0", "202313", "202300", "2020-2010",
		"2020-2020", "2023-S1", "2023H1", "20231", "2023071", "2010-20", "2010 - 2020", "năm 2023",
		"２０２３", "-2023", "2023Q", "abcd",
	} {
		if p, err := ParsePeriod(code); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want error", code, p)
		} else if !errors.Is(err, ErrBadPeriod) {
			t.Errorf("ParsePeriod(%q): %v does not wrap ErrBadPeriod", code, err)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	mustParse := func(code string) Period {
		t.Helper()
		p, err := ParsePeriod(code)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		p, q string
		want bool
	}{
		{"2023", "2023", true},
		{"2023", "2023S1", true},
		{"2023", "2023S2", true},
		{"2023", "2023Q3", true},
		{"2023", "202307", true},
		{"2023", "2024", false},
		{"2023", "202401", false},
		{"2023S1", "2023Q1", true},
		{"2023S1", "2023Q2", true},
		{"2023S1", "2023Q3", false},
		{"2023S1", "202301", true},
		{"2023S1", "202306", true},
		{"2023S1", "202307", false},
		{"2023S2", "202307", true},
		{"2023S1", "2023", false},
		{"2023Q3", "202309", true},
		{"2023Q3", "202310", false},
		{"2010-2020", "2015", true},
		{"2010-2020", "2010", true},
		{"2010-2020", "2020Q4", true},
		{"2010-2020", "2021", false},
		{"2010-2020", "2009S2", false},
		{"2010-2020", "2015-2020", true},
		{"2010-2020", "2015-2021", false},
		{"2015", "2010-2020", false},
		{"202307", "2023", false},
	}
	for _, tt := range tests {
		if got := mustParse(tt.p).Contains(mustParse(tt.q)); got != tt.want {
			t.Errorf("%s.Contains(%s) = %v, want %v", tt.p, tt.q, got, tt.want)
		}
	}
	if (Period{}).Contains(Period{}) {
		t.Error("zero Period contains itself")
	}
}

func TestPeriodInvalid(t *testing.T) {
	for _, p := range []Period{{}, {Kind: Half, Year: 2023, Part: 3}, {Kind: Stage, Year: 2020, ToYear: 2020}, {Kind: 9, Year: 2023}} {
		if p.Valid() || p.String() != "" || p.Label() != "" || !p.Start().IsZero() || !p.End().IsZero() {
			t.Errorf("invalid %+v: Valid %v, String %q, Label %q, Start %v, End %v", p, p.Valid(), p.String(), p.Label(), p.Start(), p.End())
		}
	}
}
