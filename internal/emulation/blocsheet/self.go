package blocsheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// The self-scoring sheet (phiếu tự chấm điểm) is the criteria table a
// member fills in for itself: one line of the table per row under a
// header row, its number in column A, its title in B, its maximum in C
// and the member's own score in D. Columns A to C are written from the
// year's criteria and read back only to find the line (by number, else
// by title); D is the score, blank when not yet scored.

// The self-scoring sheet's headers; like the scoring table's, they stay
// Vietnamese in every interface language.
const (
	HeadNumber = "STT"
	HeadTitle  = "Tiêu chí"
	HeadMax    = "Điểm tối đa"
	HeadSelf   = "Điểm tự chấm"
)

// SelfName is the sheet's name in a written self-scoring workbook.
const SelfName = "Tự chấm điểm"

// MaxSelfRows bounds the lines of a self-scoring sheet.
const MaxSelfRows = 200

// selfLimits bound a self-scoring workbook before excelize reads it.
var selfLimits = upload.Limits{MaxUnpacked: 8 << 20, MaxRows: 2*MaxSelfRows + 1, MaxCols: 16, MaxCell: 4 << 10}

// SelfLine is one line of a self-scoring sheet: as written, the line's
// number, title and maximum with the score so far (nil when none); as
// read, the row it was on too.
type SelfLine struct {
	Row    int // the spreadsheet row (2 for the first); set by ReadSelf
	Number int // column A; 0 when blank
	Title  string
	Max    float64
	Score  Cell
}

// WriteSelf writes a self-scoring sheet of lines. unit, the member's
// name, is put in F1 for the reader's eye only: the import takes the
// member from where the file is sent.
func WriteSelf(w io.Writer, unit string, lines []SelfLine) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SelfName); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	head := []any{HeadNumber, HeadTitle, HeadMax, HeadSelf, nil, unit}
	if err := f.SetSheetRow(SelfName, "A1", &head); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	for i, l := range lines {
		row := []any{nil, l.Title, nil, nil}
		if l.Number > 0 {
			row[0] = l.Number
		}
		if l.Max > 0 {
			row[2] = l.Max
		}
		if l.Score.Set {
			row[3] = l.Score.Value
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(SelfName, cell, &row); err != nil {
			return fmt.Errorf("blocsheet: %w", err)
		}
	}
	if err := f.SetColWidth(SelfName, "B", "B", 60); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	if err := f.SetColWidth(SelfName, "C", "D", 14); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("blocsheet: %w", err)
	}
	return nil
}

// ReadSelf reads a self-scoring sheet: the first sheet, the header row
// (A to D as above), then one line per row (blank rows skipped). A row
// needs a number or a title to name its line; a score, when typed, must
// be a number. Every problem is returned by cell as apperr.Errors, and
// no lines when there is any.
func ReadSelf(r io.Reader) ([]SelfLine, error) {
	raw, err := upload.ReadTable(r, MaxFile, selfLimits)
	if err != nil {
		return nil, err
	}
	at := upload.Cell
	head := raw[0]
	for c, want := range []string{HeadNumber, HeadTitle, HeadMax, HeadSelf} {
		if vntext.Fold(at(head, c)) != vntext.Fold(want) {
			return nil, apperr.Invalid("A1", "blocsheet.self_header", HeadNumber, HeadTitle, HeadMax, HeadSelf)
		}
	}
	var lines []SelfLine
	var es apperr.Errors
	for i, cells := range raw[1:] {
		n := i + 2
		if at(cells, 0) == "" && at(cells, 1) == "" && at(cells, 3) == "" {
			continue
		}
		if len(lines) >= MaxSelfRows {
			return nil, apperr.Invalid("file", "blocsheet.too_many", MaxSelfRows)
		}
		l := SelfLine{Row: n, Title: at(cells, 1)}
		if s := strings.TrimSuffix(strings.TrimSpace(at(cells, 0)), "."); s != "" {
			num, err := strconv.Atoi(s)
			if err != nil || num < 1 || num > MaxSelfRows {
				es = append(es, CellError(n, 0, "blocsheet.line_number", clip(s)))
			}
			l.Number = num
		}
		if _, bad := vntext.Control(l.Title); bad || len(l.Title) > 2000 {
			es = append(es, CellError(n, 1, "blocsheet.control"))
		}
		if x, ok := number(at(cells, 2)); ok {
			l.Max = x // shown to the member only: the year's own maximum counts
		}
		if l.Number == 0 && l.Title == "" {
			es = append(es, CellError(n, 0, "blocsheet.line_missing"))
		}
		if v := at(cells, 3); v != "" {
			x, ok := number(v)
			if !ok {
				es = append(es, CellError(n, 3, "blocsheet.number", clip(v)))
			}
			l.Score = Cell{Set: ok, Value: x}
		}
		lines = append(lines, l)
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(lines) == 0 {
		return nil, apperr.Invalid("file", "blocsheet.no_rows")
	}
	return lines, nil
}

// clip shortens a cell quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
