// Package sheet reads the contributions sheet boards keep for a campaign
// (XLSX): a header line, then one line per unit and period. It is
// bounded before anything is allocated for a file, and kept apart from
// package campaign so that its fuzz target runs without a database.
package sheet

import (
	"bytes"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// MaxAmount bounds an amount or a count: a thousand trillion đồng.
const MaxAmount = int64(1e15)

// maxNote bounds a line's note, in bytes.
const maxNote = 300

// The contributions sheet boards keep: a header line, then one line per
// unit and period with the columns of SheetColumns.

// SheetColumns are the sheet's columns, in order: the unit's code, the
// period code, money and in-kind value in đồng, households helped, a
// note. The header line's words are not read.
var SheetColumns = []string{"unit_code", "period", "money", "in_kind", "households", "note"}

// MaxSheetLines bounds the lines of one sheet.
const MaxSheetLines = 20000

// sheetLimits bound the workbook before excelize opens it.
var sheetLimits = upload.Limits{MaxUnpacked: 32 << 20, MaxRows: MaxSheetLines + 1, MaxCols: 32, MaxCell: 4 << 10}

// Line is one line of a contributions sheet as read.
type Line struct {
	Row                       int // the sheet's row number
	UnitCode                  string
	Period                    vntext.Period
	Money, InKind, Households int64
	Note                      string
}

// Parse reads an XLSX contributions sheet (its first sheet), bounded
// before anything is allocated for it: every line, or the first error
// naming the line and column.
func Parse(data []byte) (lines []Line, err error) {
	table, err := upload.ReadTable(bytes.NewReader(data), int64(len(data)), sheetLimits)
	if err != nil {
		return nil, err
	}
	if len(table) > MaxSheetLines+1 {
		return nil, apperr.Invalid("file", "campaign.err.file_rows", MaxSheetLines)
	}
	seen := map[[2]string]int{}
	for i, cells := range table[1:] {
		row := i + 2
		l, ok, err := parseLine(row, cells)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		key := [2]string{strings.ToUpper(l.UnitCode), l.Period.String()}
		if first, dup := seen[key]; dup {
			return nil, apperr.Invalid("file", "campaign.err.file_twice", row, first)
		}
		seen[key] = row
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return nil, apperr.Invalid("file", "campaign.err.file_empty")
	}
	return lines, nil
}

// parseLine reads one line; ok is false for a blank one.
func parseLine(row int, cells []string) (l Line, ok bool, err error) {
	get := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(vntext.Normalize(cells[i]))
		}
		return ""
	}
	blank := true
	for i := range cells {
		if _, bad := vntext.Control(cells[i]); bad {
			return Line{}, false, apperr.Invalid("file", "campaign.err.file_line", row, i18n.M("campaign.err.control"))
		}
		if get(i) != "" {
			blank = false
		}
	}
	if blank {
		return Line{}, false, nil
	}
	if get(2) == "" && get(3) == "" && get(4) == "" && get(5) == "" {
		// A line of the blank template left unfilled (a unit's code and
		// the period, nothing given): not a contribution of 0.
		return Line{}, false, nil
	}
	l = Line{Row: row, UnitCode: get(0), Note: get(5)}
	if l.UnitCode == "" || len(l.UnitCode) > 64 {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_unit", row, clip(l.UnitCode, 64))
	}
	if l.Period, err = vntext.ParsePeriod(get(1)); err != nil {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_period", row, clip(get(1), 32))
	}
	for i, dst := range []*int64{&l.Money, &l.InKind, &l.Households} {
		s := get(2 + i)
		if s == "" {
			continue
		}
		v, ok := ParseAmount(s)
		if !ok {
			return Line{}, false, apperr.Invalid("file", "campaign.err.file_number", row, string(rune('C'+i)), clip(s, 32))
		}
		*dst = v
	}
	if len(l.Note) > maxNote {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_line", row, i18n.M("campaign.err.too_long"))
	}
	return l, true, nil
}

// ParseAmount reads a whole amount written the Vietnamese way ("5.112",
// "1.200.000", "2,5 triệu"); ok is false for anything else, a negative
// or a fraction of a đồng.
func ParseAmount(s string) (int64, bool) {
	n, err := vntext.ParseNumber(s)
	if err != nil || n.Percent || n.LowerBound || n.Approx {
		return 0, false
	}
	if n.Value < 0 || n.Value > float64(MaxAmount) || n.Value != math.Trunc(n.Value) {
		return 0, false
	}
	return int64(n.Value), true
}

// clip cuts s to at most n bytes at a rune boundary, for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Header is the header line of a contributions sheet.
var Header = []any{"Mã đơn vị", "Kỳ", "Tiền (đồng)", "Hiện vật quy ra tiền (đồng)", "Số hộ được giúp", "Ghi chú"}

// NameColumn heads the column after the read ones in the blank template:
// each unit's name, for whoever fills it in; the import does not read it.
const NameColumn = "Tên đơn vị (để đối chiếu, không nhập)"

// BlankUnit is a unit of the blank template.
type BlankUnit struct{ Code, Name string }

// Blank writes the blank template of a contributions sheet: Header, then
// a line per unit with its code and the period filled in, the figures
// left empty, and its name beside them. Lines left unfilled are skipped
// on import.
func Blank(period vntext.Period, units []BlankUnit) ([]byte, error) {
	rows := [][]any{append(append([]any{}, Header...), NameColumn)}
	for _, u := range units {
		rows = append(rows, []any{u.Code, period.String(), nil, nil, nil, nil, u.Name})
	}
	return write(rows)
}

// Workbook writes a contributions sheet: Header, then rows.
func Workbook(rows [][]any) ([]byte, error) {
	return write(append([][]any{Header}, rows...))
}

// write writes rows on the first sheet of a new workbook.
func write(rows [][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return nil, err
		}
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
