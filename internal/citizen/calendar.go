package citizen

import (
	"sync"
	"time"

	"github.com/danvan/danvan/internal/lunar"
)

// The calendar legal deadlines are counted on. A working day is a day
// from Monday to Friday that is no public holiday. The public holidays
// are those of the Labour Code 2019 (Article 112): 1 January; Tết, five
// days — by default the last day of the lunar year and the first four
// days of the new one (Settings.TetBefore, TetAfter); the Hùng Kings'
// day, 10th of the third lunar month; 30 April; 1 May; 2 September with
// a day beside it (Settings.NationalDayExtra). A holiday that falls on a
// weekend gives the next working day off. On top, each deployment lists
// the days the government swapped that year (Settings.DaysOff, WorkDays).

// Calendar tells working days from days off under one Settings.
type Calendar struct {
	set   Settings
	off   map[string]bool // days off beyond weekends, by yyyy-mm-dd
	work  map[string]bool // weekend days worked
	years map[int]bool    // years whose holidays are in off
	mu    sync.Mutex
}

// NewCalendar builds the calendar of set.
func NewCalendar(set Settings) *Calendar {
	c := &Calendar{set: set, off: map[string]bool{}, work: map[string]bool{}, years: map[int]bool{}}
	for _, d := range set.DaysOff {
		c.off[d.Format(time.DateOnly)] = true
	}
	for _, d := range set.WorkDays {
		c.work[d.Format(time.DateOnly)] = true
	}
	return c
}

// Holidays lists the public holidays of Gregorian year y by law (with
// the days off given for holidays that fall on a weekend), before the
// deployment's swaps, in order.
func (c *Calendar) Holidays(y int) []time.Time {
	return holidays(c.set, y)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// holidays computes the public holidays of year y under set.
func holidays(set Settings, y int) []time.Time {
	var days []time.Time
	seen := map[time.Time]bool{}
	add := func(t time.Time) {
		if !seen[t] {
			seen[t] = true
			days = append(days, t)
		}
	}
	var blocks [][]time.Time
	block := func(ts ...time.Time) {
		blocks = append(blocks, ts)
		for _, t := range ts {
			add(t)
		}
	}
	block(date(y, time.January, 1))
	// Tết: the lunar new year of y, and of y+1 when its eve falls in y.
	for _, ly := range []int{y, y + 1} {
		tet, err := lunar.NewYear(ly)
		if err != nil {
			continue
		}
		var b []time.Time
		for i := -set.TetBefore; i < set.TetAfter; i++ {
			if d := tet.AddDate(0, 0, i); d.Year() == y {
				b = append(b, d)
			}
		}
		if len(b) > 0 {
			block(b...)
		}
	}
	if hung, err := lunar.ToSolar(lunar.Date{Year: y, Month: 3, Day: 10}); err == nil {
		block(hung)
	}
	block(date(y, time.April, 30), date(y, time.May, 1))
	nd := date(y, time.September, 2)
	if set.NationalDayExtra == "before" {
		block(nd.AddDate(0, 0, -1), nd)
	} else {
		block(nd, nd.AddDate(0, 0, 1))
	}
	// A holiday on a weekend: the next day that is neither a weekend nor
	// a holiday is off (Labour Code 2019, Article 112(3)).
	for _, b := range blocks {
		weekend := 0
		for _, d := range b {
			if isWeekend(d) {
				weekend++
			}
		}
		next := b[len(b)-1]
		for ; weekend > 0; weekend-- {
			next = next.AddDate(0, 0, 1)
			for isWeekend(next) || seen[next] {
				next = next.AddDate(0, 0, 1)
			}
			add(next)
		}
	}
	sortDays(days)
	return days
}

func sortDays(ds []time.Time) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Before(ds[j-1]); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

func isWeekend(t time.Time) bool {
	wd := t.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// Working reports whether t's calendar day is a working day.
func (c *Calendar) Working(t time.Time) bool {
	key := t.Format(time.DateOnly)
	if c.work[key] {
		return true
	}
	if isWeekend(t) {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.years[t.Year()] {
		c.years[t.Year()] = true
		for _, h := range holidays(c.set, t.Year()) {
			if k := h.Format(time.DateOnly); !c.work[k] {
				c.off[k] = true
			}
		}
	}
	return !c.off[key]
}

// Add counts n days after from and returns the last one: n working days
// (the day from itself not counted), or n calendar days moved on to the
// next working day when the last one is a day off (Civil Code 2015,
// Article 148). n <= 0 gives from.
func (c *Calendar) Add(from time.Time, n int, working bool) time.Time {
	if n <= 0 {
		return from
	}
	if !working {
		d := from.AddDate(0, 0, n)
		for !c.Working(d) {
			d = d.AddDate(0, 0, 1)
		}
		return d
	}
	d := from
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.Working(d) {
			n--
		}
	}
	return d
}

// calendarCache keeps the calendar of the current settings, rebuilt when
// their version changes.
type calendarCache struct {
	mu      sync.Mutex
	version int64
	cal     *Calendar
}

func newCalendarCache() *calendarCache { return &calendarCache{} }

func (cc *calendarCache) get(set Settings) *Calendar {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cal == nil || cc.version != set.Version {
		cc.cal, cc.version = NewCalendar(set), set.Version
	}
	return cc.cal
}
