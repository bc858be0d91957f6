package db

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// How values are stored, the same on both databases, so that they compare
// correctly as strings and every package reads them one way.

// DayLayout is the stored form of a calendar day.
const DayLayout = "2006-01-02"

// StampLayout is the stored form of a moment: fixed-width UTC with
// microseconds, so that stored stamps sort as strings.
const StampLayout = "2006-01-02T15:04:05.000000Z"

// Day formats t's own calendar day as stored ('YYYY-MM-DD'); its time of
// day and location are ignored.
func Day(t time.Time) string { return t.Format(DayLayout) }

// ParseDay reads a stored day as midnight UTC; "" gives the zero time.
func ParseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("db: stored day %q: %w", s, err)
	}
	return t, nil
}

// NullDay reads a nullable stored day; NULL gives the zero time.
func NullDay(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return ParseDay(s.String)
}

// DayOf is the calendar day of t (in t's own location) at midnight UTC.
func DayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Stamp formats a moment as stored.
func Stamp(t time.Time) string { return t.UTC().Format(StampLayout) }

// ParseStamp reads a stored moment (any RFC 3339 form, for rows written
// before the layout was fixed); "" gives the zero time.
func ParseStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("db: stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// NullStamp reads a nullable stored moment; NULL gives the zero time.
func NullStamp(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return ParseStamp(s.String)
}

// NullID is the value to store for an optional reference: NULL for 0.
func NullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// NullString is the value to store for optional text: NULL for "".
func NullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// EscapeLike escapes LIKE's wildcards in s for a pattern written with
// ESCAPE '\'.
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// SortKey is the stored Vietnamese collation key of a name (never nil, so
// it is never stored as NULL).
func SortKey(name string) []byte {
	k := vntext.SortKey(name)
	if k == nil {
		k = []byte{}
	}
	return k
}
