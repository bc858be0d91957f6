package lunar

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestNewYear checks Tết against the dates Vietnam published, including
// the two years in which Vietnam's calendar (UTC+7) starts the year on
// another day than China's (UTC+8).
func TestNewYear(t *testing.T) {
	for _, c := range []struct {
		year int
		want time.Time
	}{
		{1985, day(1985, time.January, 21)},  // China: 20 February
		{2007, day(2007, time.February, 17)}, // China: 18 February
		{2020, day(2020, time.January, 25)},
		{2023, day(2023, time.January, 22)},
		{2024, day(2024, time.February, 10)},
		{2025, day(2025, time.January, 29)},
		{2026, day(2026, time.February, 17)},
		{2027, day(2027, time.February, 6)},
	} {
		got, err := NewYear(c.year)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(c.want) {
			t.Errorf("Tết %d = %s, want %s", c.year, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

func TestKnownDays(t *testing.T) {
	for _, c := range []struct {
		solar time.Time
		lunar Date
	}{
		{day(2025, time.April, 7), Date{2025, 3, 10, false}},  // Giỗ Tổ Hùng Vương 2025
		{day(2024, time.April, 18), Date{2024, 3, 10, false}}, // Giỗ Tổ 2024
		{day(2026, time.April, 26), Date{2026, 3, 10, false}}, // Giỗ Tổ 2026
		{day(2023, time.March, 22), Date{2023, 2, 1, true}},   // the leap second month of 2023
		{day(2025, time.July, 25), Date{2025, 6, 1, true}},    // the leap sixth month of 2025
		{day(2025, time.January, 28), Date{2024, 12, 29, false}},
		{day(2024, time.February, 9), Date{2023, 12, 30, false}},
		{day(2025, time.October, 6), Date{2025, 8, 15, false}}, // Tết Trung thu 2025
	} {
		if got := FromSolar(c.solar); got != c.lunar {
			t.Errorf("FromSolar(%s) = %s, want %s", c.solar.Format(time.DateOnly), got, c.lunar)
		}
		got, err := ToSolar(c.lunar)
		if err != nil {
			t.Errorf("ToSolar(%s): %v", c.lunar, err)
		} else if !got.Equal(c.solar) {
			t.Errorf("ToSolar(%s) = %s, want %s", c.lunar, got.Format(time.DateOnly), c.solar.Format(time.DateOnly))
		}
	}
}

func TestNoSuchDate(t *testing.T) {
	for _, d := range []Date{
		{2024, 2, 1, true},    // 2024 has no leap month
		{2025, 3, 1, true},    // 2025's leap month is the sixth
		{2024, 12, 30, false}, // the twelfth month of 2024 has 29 days
		{2025, 13, 1, false},
		{2025, 1, 0, false},
		{1700, 1, 1, false},
	} {
		if got, err := ToSolar(d); err == nil {
			t.Errorf("ToSolar(%s) = %s, want an error", d, got.Format(time.DateOnly))
		}
	}
}

// TestRoundTrip converts every day of 1900–2100 to the lunar calendar and
// back, and checks that lunar days follow each other.
func TestRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("every day of two centuries: not in -short")
	}
	prev := FromSolar(day(1899, time.December, 31))
	for d := day(1900, time.January, 1); d.Year() <= 2100; d = d.AddDate(0, 0, 1) {
		l := FromSolar(d)
		back, err := ToSolar(l)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%s → %s → %s, %v", d.Format(time.DateOnly), l, back.Format(time.DateOnly), err)
		}
		if l.Day != prev.Day+1 && (l.Day != 1 || prev.Day < 29) {
			t.Fatalf("%s: lunar day %s after %s", d.Format(time.DateOnly), l, prev)
		}
		prev = l
	}
}

func FuzzToSolar(f *testing.F) {
	f.Add(2025, 1, 1, false)
	f.Add(2023, 2, 30, true)
	f.Add(-5, 99, 31, true)
	f.Fuzz(func(t *testing.T, y, m, d int, leap bool) {
		in := Date{Year: y, Month: m, Day: d, Leap: leap}
		s, err := ToSolar(in)
		if err != nil {
			return
		}
		if got := FromSolar(s); got != in {
			t.Fatalf("ToSolar(%s) = %s, which is %s", in, s.Format(time.DateOnly), got)
		}
	})
}

func BenchmarkFromSolar(b *testing.B) {
	d := day(2026, time.March, 2)
	for b.Loop() {
		FromSolar(d)
	}
}
