package citizen

import (
	"testing"
	"time"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func has(ds []time.Time, t time.Time) bool {
	for _, x := range ds {
		if x.Equal(t) {
			return true
		}
	}
	return false
}

// TestHolidays checks the public holidays of two years whose Tết falls in
// different months, with the days given for holidays on a weekend.
func TestHolidays(t *testing.T) {
	c := NewCalendar(DefaultSettings())
	h26 := c.Holidays(2026)
	for _, want := range []time.Time{
		d(2026, 1, 1),
		d(2026, 2, 16), d(2026, 2, 17), d(2026, 2, 18), d(2026, 2, 19), d(2026, 2, 20), // Tết Bính Ngọ: the eve and mùng 1–4
		d(2026, 4, 26), d(2026, 4, 27), // Giỗ Tổ on a Sunday, and the Monday after
		d(2026, 4, 30), d(2026, 5, 1), d(2026, 9, 2), d(2026, 9, 3),
	} {
		if !has(h26, want) {
			t.Errorf("2026: %s is not a holiday", want.Format(time.DateOnly))
		}
	}
	if has(h26, d(2026, 2, 21)) || has(h26, d(2026, 2, 23)) {
		t.Error("2026: a day after Tết counted as a holiday")
	}
	h25 := c.Holidays(2025)
	for _, want := range []time.Time{
		d(2025, 1, 28), d(2025, 1, 29), d(2025, 1, 30), d(2025, 1, 31), d(2025, 2, 1), // Tết Ất Tỵ
		d(2025, 2, 3), // mùng 4 fell on a Saturday: Monday is off
		d(2025, 4, 7), // Giỗ Tổ 10/3
	} {
		if !has(h25, want) {
			t.Errorf("2025: %s is not a holiday", want.Format(time.DateOnly))
		}
	}
	if len(h25) != 12 || len(h26) != 12 {
		t.Errorf("holidays: 2025 has %d, 2026 has %d, want 12 each: %v", len(h25), len(h26), h26)
	}
}

func TestDeadlines(t *testing.T) {
	set := DefaultSettings()
	c := NewCalendar(set)
	for _, tc := range []struct {
		name  string
		clock Clock
		from  time.Time
		want  time.Time
	}{
		// 10 working days over Tết 2026: 11–13/2, then 23/2 … 3/3.
		{"complaint accepted over Tết 2026", set.ComplaintAccept, d(2026, 2, 10), d(2026, 3, 3)},
		// Over Tết 2025, with the Monday given for mùng 4 on a Saturday.
		{"complaint accepted over Tết 2025", set.ComplaintAccept, d(2025, 1, 24), d(2025, 2, 14)},
		// 30 working days from 2/3/2026: Giỗ Tổ (26–27/4) is after.
		{"complaint decided", set.ComplaintResolve, d(2026, 3, 2), d(2026, 4, 13)},
		{"complex complaint", set.ComplaintComplex, d(2026, 3, 2), d(2026, 5, 7)},
		// 30 calendar days from 20/1/2026 end on 19/2, a Tết day: the
		// next working day (Civil Code, Article 148).
		{"denunciation over Tết", set.DenunciationResolve, d(2026, 1, 20), d(2026, 2, 23)},
		{"denunciation", set.DenunciationResolve, d(2026, 3, 2), d(2026, 4, 1)},
		// 7 working days from Friday 24/4/2026: 27/4, 30/4 and 1/5 are off.
		{"denunciation accepted", set.DenunciationAccept, d(2026, 4, 24), d(2026, 5, 8)},
	} {
		if got := c.Deadline(tc.clock, tc.from); !got.Equal(tc.want) {
			t.Errorf("%s from %s = %s, want %s", tc.name, tc.from.Format(time.DateOnly), got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
}

// TestSwaps checks the deployment's own days off and make-up working days.
func TestSwaps(t *testing.T) {
	set := DefaultSettings()
	set.DaysOff = []time.Time{d(2026, 2, 23)}  // a bridge day after Tết
	set.WorkDays = []time.Time{d(2026, 2, 28)} // made up on a Saturday
	c := NewCalendar(set)
	if c.Working(d(2026, 2, 23)) || !c.Working(d(2026, 2, 28)) || c.Working(d(2026, 3, 1)) {
		t.Error("the swaps are not applied")
	}
	// 23/2 off, 28/2 worked: 24, 25, 26, 27, 28, 2/3 … the 10th is 6/3.
	if got := c.Deadline(set.ComplaintAccept, d(2026, 2, 10)); !got.Equal(d(2026, 3, 3)) {
		t.Errorf("with swaps: %s", got.Format(time.DateOnly))
	}
	set.NationalDayExtra = "before"
	if c := NewCalendar(set); c.Working(d(2026, 9, 3)) == false || c.Working(d(2026, 9, 1)) {
		t.Error("National Day's extra day is not the day before")
	}
}

func TestParseDays(t *testing.T) {
	got, err := ParseDays("days_off", "02/01/2026; 2026-01-02, 25/1/2025\n30-4-2026")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !got[0].Equal(d(2025, 1, 25)) || !got[2].Equal(d(2026, 4, 30)) {
		t.Errorf("ParseDays = %v", got)
	}
	for _, bad := range []string{"31/02/2026", "ngày 5", "1/1/1990", "32/1/2026"} {
		if _, err := ParseDays("days_off", bad); err == nil {
			t.Errorf("ParseDays(%q): no error", bad)
		}
	}
}

func FuzzParseDays(f *testing.F) {
	f.Add("02/01/2026; 2026-01-02, 25/1/2025")
	f.Add("30-4-2026\n1/5/2026")
	f.Add("Thứ sáu, 23/04/2021")
	f.Fuzz(func(t *testing.T, s string) {
		days, err := ParseDays("x", s)
		if err != nil {
			return
		}
		for i, x := range days {
			if x.Year() < 2000 || x.Year() > 2100 || (i > 0 && !days[i-1].Before(x)) {
				t.Fatalf("ParseDays(%q) = %v", s, days)
			}
		}
	})
}
