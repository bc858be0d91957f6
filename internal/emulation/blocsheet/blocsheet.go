// Package blocsheet reads and writes the spreadsheet in which an
// emulation bloc keeps its members' scores (bảng chấm điểm thi đua của
// cụm, khối): one member per row under a header row, the unit's code in
// column A and its name in B, then one column per line of the criteria
// table, headed by its number and title ("1. Triển khai …"). The same
// layout is offered as a template and read on import. It knows nothing
// of the database, so its reader can be fuzzed quickly; package
// emulation matches the columns to the year's criteria and the codes to
// its members.
package blocsheet

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// The fixed columns' headers; they stay Vietnamese in every interface
// language: they are the file format.
const (
	HeadCode = "Mã đơn vị"
	HeadName = "Đơn vị"
)

// Bounds of an import file.
const (
	MaxFile    = 5 << 20
	MaxRows    = 500
	MaxColumns = 102 // code, name and 100 criteria
)

// limits bound the workbook before excelize reads it.
var limits = upload.Limits{MaxUnpacked: 16 << 20, MaxRows: 2*MaxRows + 1, MaxCols: MaxColumns, MaxCell: 4 << 10}

// Name is the sheet's name in a written workbook.
const Name = "Chấm điểm"

// Sheet is a read workbook: the criteria columns' headers and the rows.
type Sheet struct {
	Columns []string // headers of columns C onwards, as written
	Rows    []Row
}

// Row is one member's row.
type Row struct {
	Number   int    // the spreadsheet row (2 for the first)
	UnitCode string // column A
	Scores   []Cell // one per column of Columns
}

// Cell is a score cell: Set is false when it was blank.
type Cell struct {
	Set   bool
	Value float64
}

// ColName is the spreadsheet name of the zero-based column i (A, B, …).
func ColName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// CellError is an import error at a cell: "row, column: " then the
// message key with its arguments.
func CellError(row, col int, key string, args ...any) *apperr.Error {
	return apperr.Invalid(fmt.Sprintf("%s%d", ColName(col), row), "blocsheet.cell", row, ColName(col), i18n.M(key, args...))
}

// Header is the header text of a criteria column: "1. Title".
func Header(number int, title string) string { return fmt.Sprintf("%d. %s", number, title) }

// Line is one member's row to write: code, name and its scores (nil for
// a blank cell).
type Line struct {
	Code, Name string
	Scores     []*float64
}

// Write writes the scoring table: headers then one row per line.
func Write(w io.Writer, headers []string, lines []Line) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", Name); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	head := append([]any{HeadCode, HeadName}, toAny(headers)...)
	if err := f.SetSheetRow(Name, "A1", &head); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	for i, l := range lines {
		row := []any{l.Code, l.Name}
		for _, v := range l.Scores {
			if v == nil {
				row = append(row, nil)
			} else {
				row = append(row, *v)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(Name, cell, &row); err != nil {
			return fmt.Errorf("blocsheet: %w", err)
		}
	}
	if err := f.SetColWidth(Name, "A", "A", 14); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	if err := f.SetColWidth(Name, "B", "B", 36); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Read reads an import workbook: the first sheet, the header row (A and
// B as above, at least one criteria column), then one member per row
// (blank rows skipped). Every problem is returned by row and column as
// apperr.Errors, and no rows when there is any.
func Read(r io.Reader) (sh Sheet, err error) {
	raw, err := upload.ReadTable(r, MaxFile, limits)
	if err != nil {
		return Sheet{}, err
	}
	head := raw[0]
	at := upload.Cell
	if vntext.Fold(at(head, 0)) != vntext.Fold(HeadCode) || vntext.Fold(at(head, 1)) != vntext.Fold(HeadName) {
		return Sheet{}, apperr.Invalid("A1", "blocsheet.header", HeadCode, HeadName)
	}
	for c := 2; c < len(head); c++ {
		h := at(head, c)
		if h == "" {
			break
		}
		if _, bad := vntext.Control(h); bad {
			return Sheet{}, CellError(1, c, "blocsheet.control")
		}
		sh.Columns = append(sh.Columns, h)
	}
	if len(sh.Columns) == 0 {
		return Sheet{}, apperr.Invalid("C1", "blocsheet.no_criteria")
	}
	var es apperr.Errors
	for i, cells := range raw[1:] {
		n := i + 2
		blank := true
		for c := 0; c < 2+len(sh.Columns); c++ {
			if at(cells, c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		if len(sh.Rows) >= MaxRows {
			return Sheet{}, apperr.Invalid("file", "blocsheet.too_many", MaxRows)
		}
		row := Row{Number: n, UnitCode: at(cells, 0), Scores: make([]Cell, len(sh.Columns))}
		if row.UnitCode == "" {
			es = append(es, CellError(n, 0, "blocsheet.code"))
		} else if _, bad := vntext.Control(row.UnitCode); bad || len(row.UnitCode) > 64 {
			es = append(es, CellError(n, 0, "blocsheet.code"))
		}
		for j := range sh.Columns {
			v := at(cells, j+2)
			if v == "" {
				continue
			}
			x, ok := number(v)
			if !ok {
				es = append(es, CellError(n, j+2, "blocsheet.number", v))
				continue
			}
			row.Scores[j] = Cell{Set: true, Value: x}
		}
		sh.Rows = append(sh.Rows, row)
	}
	if len(es) > 0 {
		return Sheet{}, es
	}
	if len(sh.Rows) == 0 {
		return Sheet{}, apperr.Invalid("file", "blocsheet.no_rows")
	}
	return sh, nil
}

// number reads a score: a raw cell value ("8.5" as Excel stores it) or a
// number typed as text the Vietnamese way ("8,5").
func number(s string) (float64, bool) {
	if len(s) > 32 {
		return 0, false
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, !isBad(x)
	}
	n, err := vntext.ParseNumber(s)
	if err != nil || n.Percent || n.LowerBound || n.Approx || isBad(n.Value) {
		return 0, false
	}
	return n.Value, true
}

func isBad(x float64) bool { return x != x || x > 1e9 || x < -1e9 }

// Messages are the import's messages, in Vietnamese and English.
var Messages = i18n.Catalog{
	"blocsheet.cell":         {"Dòng %d, cột %s: %s", "Row %d, column %s: %s"},
	"blocsheet.header":       {"Dòng tiêu đề phải bắt đầu bằng “%s”, “%s”.", "The header row must begin with “%s”, “%s”."},
	"blocsheet.control":      {"có ký tự điều khiển.", "holds a control character."},
	"blocsheet.no_criteria":  {"Dòng tiêu đề không có cột tiêu chí nào từ cột C.", "The header row has no criteria columns from column C."},
	"blocsheet.too_many":     {"Tệp có quá %d dòng đơn vị.", "The file has more than %d member rows."},
	"blocsheet.code":         {"thiếu hoặc sai mã đơn vị.", "the unit code is missing or wrong."},
	"blocsheet.number":       {"“%s” không phải là số điểm.", "“%s” is not a score."},
	"blocsheet.no_rows":      {"Tệp không có dòng điểm nào.", "The file has no score rows."},
	"blocsheet.self_header":  {"Dòng tiêu đề phải là “%s”, “%s”, “%s”, “%s”.", "The header row must be “%s”, “%s”, “%s”, “%s”."},
	"blocsheet.line_number":  {"“%s” không phải là số thứ tự của tiêu chí.", "“%s” is not a line number."},
	"blocsheet.line_missing": {"thiếu số thứ tự hoặc nội dung tiêu chí.", "the line's number or title is missing."},
}
