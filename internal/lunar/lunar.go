// Package lunar converts between the Gregorian calendar and the
// Vietnamese lunisolar calendar (âm lịch), which fixes Tết and the
// Hùng Kings' day, two of Vietnam's public holidays.
//
// The Vietnamese calendar is computed, not tabulated: a lunar month
// starts on the civil day (in Vietnam's time zone, UTC+7) of a new moon;
// the month holding the winter solstice is month 11; a year of thirteen
// months between two month-11s repeats the first month that holds no
// major solar term (trung khí) as a leap month. The new moons and the
// sun's longitude come from the series in Jean Meeus' "Astronomical
// Algorithms" (truncated, accurate to minutes over 1800–2200). Because
// the time zone differs from China's (UTC+8), some Vietnamese years start
// on another day than the Chinese one: Tết 1985 fell on 21 January in
// Vietnam and on 20 February in China; Tết 2007 on 17 February against
// 18 February.
package lunar

import (
	"fmt"
	"math"
	"time"
)

// Zone is Vietnam's offset from UTC in hours, the time zone the
// Vietnamese calendar is reckoned in.
const Zone = 7.0

// The range the conversions are trusted on.
const (
	MinYear = 1800
	MaxYear = 2199
)

// Date is a day of the lunar calendar.
type Date struct {
	Year  int  // the lunar year (the Gregorian year in which its Tết falls)
	Month int  // 1 to 12
	Day   int  // 1 to 30
	Leap  bool // the month is the year's leap month (tháng nhuận)
}

// String writes the date as "10/3/2025", with "n" after a leap month:
// "15/6n/2025".
func (d Date) String() string {
	leap := ""
	if d.Leap {
		leap = "n"
	}
	return fmt.Sprintf("%d/%d%s/%d", d.Day, d.Month, leap, d.Year)
}

// synodic is the mean length of a lunar month in days.
const synodic = 29.530588853

// epochNewMoon is the Julian day of the new moon k = 0 (1900-01-01).
const epochNewMoon = 2415021.076998695

// julianDay is the Julian day number of a Gregorian date (noon).
func julianDay(y int, m time.Month, d int) int {
	a := (14 - int(m)) / 12
	yy := y + 4800 - a
	mm := int(m) + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// civil is the Gregorian date of Julian day number jd, at midnight UTC.
func civil(jd int) time.Time {
	a := jd + 32044
	b := (4*a + 3) / 146097
	c := a - b*146097/4
	d := (4*c + 3) / 1461
	e := c - 1461*d/4
	m := (5*e + 2) / 153
	day := e - (153*m+2)/5 + 1
	month := m + 3 - 12*(m/10)
	year := b*100 + d - 4800 + m/10
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// newMoon is the moment (Julian ephemeris day, then corrected to
// universal time) of the k-th new moon after the one of 1900-01-01.
func newMoon(k float64) float64 {
	const rad = math.Pi / 180
	t := k / 1236.85
	t2, t3 := t*t, t*t*t
	jde := 2415020.75933 + 29.53058868*k + 0.0001178*t2 - 0.000000155*t3 +
		0.00033*math.Sin((166.56+132.87*t-0.009173*t2)*rad)
	m := (359.2242 + 29.10535608*k - 0.0000333*t2 - 0.00000347*t3) * rad   // the sun's mean anomaly
	mp := (306.0253 + 385.81691806*k + 0.0107306*t2 + 0.00001236*t3) * rad // the moon's mean anomaly
	f := (21.2964 + 390.67050646*k - 0.0016528*t2 - 0.00000239*t3) * rad   // the moon's argument of latitude
	corr := (0.1734-0.000393*t)*math.Sin(m) + 0.0021*math.Sin(2*m) -
		0.4068*math.Sin(mp) + 0.0161*math.Sin(2*mp) - 0.0004*math.Sin(3*mp) +
		0.0104*math.Sin(2*f) - 0.0051*math.Sin(m+mp) - 0.0074*math.Sin(m-mp) +
		0.0004*math.Sin(2*f+m) - 0.0004*math.Sin(2*f-m) - 0.0006*math.Sin(2*f+mp) +
		0.0010*math.Sin(2*f-mp) + 0.0005*math.Sin(m+2*mp)
	var deltaT float64 // ephemeris time minus universal time, in days
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jde + corr - deltaT
}

// newMoonDay is the Julian day number of the civil day, in Vietnam, on
// which the k-th new moon falls.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(float64(k)) + 0.5 + Zone/24))
}

// sunLongitude is the sun's apparent longitude, in radians in [0, 2π),
// at Julian day jd (universal time).
func sunLongitude(jd float64) float64 {
	const rad = math.Pi / 180
	t := (jd - 2451545.0) / 36525
	t2 := t * t
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2 // mean anomaly
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2                  // mean longitude
	c := (1.914600-0.004817*t-0.000014*t2)*math.Sin(rad*m) +
		(0.019993-0.000101*t)*math.Sin(rad*2*m) + 0.000290*math.Sin(rad*3*m)
	l := (l0 + c) * rad
	return l - 2*math.Pi*math.Floor(l/(2*math.Pi))
}

// sunSector is which twelfth of the ecliptic (0 from the spring
// equinox) the sun is in at the start of civil day jd in Vietnam; the
// sector changes at each major solar term.
func sunSector(jd int) int {
	return int(math.Floor(sunLongitude(float64(jd)-0.5-Zone/24) / math.Pi * 6))
}

// month11 is the Julian day on which lunar month 11 — the month holding
// the winter solstice — begins, of the lunar year that ends in Gregorian
// year y.
func month11(y int) int {
	off := float64(julianDay(y, time.December, 31)) - 2415021
	k := int(math.Floor(off / synodic))
	nm := newMoonDay(k)
	if sunSector(nm) >= 9 { // the solstice is already past: the month before
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapOffset is, for a thirteen-month span starting with month 11 on day
// a11, how many months after it the leap month comes: the first month
// in which no major solar term begins.
func leapOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-epochNewMoon)/synodic + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// FromSolar converts the calendar day of t (its own year, month and day;
// the time and location are ignored) to the lunar calendar.
func FromSolar(t time.Time) Date {
	y, mo, d := t.Date()
	day := julianDay(y, mo, d)
	k := int(math.Floor((float64(day) - epochNewMoon) / synodic))
	// The month's first day: the last new moon on or before day (the
	// mean month only estimates which one).
	start := newMoonDay(k + 1)
	for start > day {
		k--
		start = newMoonDay(k + 1)
	}
	for next := newMoonDay(k + 2); next <= day; next = newMoonDay(k + 2) {
		k++
		start = next
	}
	a11 := month11(y)
	b11 := a11
	year := y
	if a11 >= start {
		a11 = month11(y - 1)
	} else {
		year = y + 1
		b11 = month11(y + 1)
	}
	diff := (start - a11) / 29
	out := Date{Day: day - start + 1, Month: diff + 11}
	if b11-a11 > 365 { // thirteen months: one is a leap month
		lo := leapOffset(a11)
		if diff >= lo {
			out.Month = diff + 10
			out.Leap = diff == lo
		}
	}
	if out.Month > 12 {
		out.Month -= 12
	}
	if out.Month >= 11 && diff < 4 {
		year--
	}
	out.Year = year
	return out
}

// ToSolar converts a lunar date to the Gregorian day (midnight UTC). It
// fails for a month or day that does not exist: a leap month the year
// has not got, day 30 of a short month, a year outside MinYear–MaxYear.
func ToSolar(d Date) (time.Time, error) {
	if d.Year < MinYear || d.Year > MaxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 30 {
		return time.Time{}, fmt.Errorf("lunar: no such date %s", d)
	}
	var a11, b11 int
	if d.Month < 11 {
		a11, b11 = month11(d.Year-1), month11(d.Year)
	} else {
		a11, b11 = month11(d.Year), month11(d.Year+1)
	}
	k := int(math.Floor(0.5 + (float64(a11)-epochNewMoon)/synodic))
	off := d.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		lo := leapOffset(a11)
		leapMonth := lo - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if d.Leap && d.Month != leapMonth {
			return time.Time{}, fmt.Errorf("lunar: year %d has no leap month %d", d.Year, d.Month)
		}
		if d.Leap || off >= lo {
			off++
		}
	} else if d.Leap {
		return time.Time{}, fmt.Errorf("lunar: year %d has no leap month", d.Year)
	}
	start := newMoonDay(k + off)
	t := civil(start + d.Day - 1)
	if got := FromSolar(t); got != d {
		return time.Time{}, fmt.Errorf("lunar: no such date %s (the month is shorter)", d)
	}
	return t, nil
}

// NewYear is the Gregorian day of Tết Nguyên Đán — the first day of the
// first lunar month — of lunar year y.
func NewYear(y int) (time.Time, error) { return ToSolar(Date{Year: y, Month: 1, Day: 1}) }
