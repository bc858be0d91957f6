package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// ColumnKeys are the catalog keys of the headers of the value table that
// templates, uploads and exports share, in order; a file is written with
// them translated into the reader's language (an upload reads columns by
// position, not by header).
var ColumnKeys = []string{"report.col.unit_code", "report.col.unit_name", "report.col.ind_code", "report.col.ind_name",
	"report.col.measure", "report.col.part", "report.col.value", "report.col.status"}

// Column letters of the fields an upload reads.
const (
	colUnit      = 0 // A
	colIndicator = 2 // C
	colPart      = 5 // F
	colValue     = 6 // G
)

// SheetName is the sheet of values in a template or export (a name inside
// the file, like a column code, not a label of the interface).
const SheetName = "Số liệu"

// MaxTableRows bounds an upload.
const MaxTableRows = 200000

// tableLimits bound an uploaded workbook before it is read: a tenth more
// rows than MaxTableRows (blank ones included), 64 columns, 96 MiB
// unpacked.
var tableLimits = upload.Limits{MaxUnpacked: 96 << 20, MaxRows: MaxTableRows + MaxTableRows/10, MaxCols: 64}

// Row is one line of an uploaded table: where it came from and its cells
// (as text, trimmed).
type Row struct {
	Sheet string
	Line  int // 1-based, as a spreadsheet shows it
	Cells []string
}

// Cell returns cell i, or "".
func (r Row) Cell(i int) string {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}

// ColumnName returns the spreadsheet letter of column i (0 is "A").
func ColumnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

var errTable = apperr.Invalid("file", "report.err.file_unreadable")

// ReadTable reads an uploaded table: XLSX (by its zip signature) or CSV
// (comma or semicolon separated, UTF-8, a byte-order mark allowed). It
// returns the rows after the header line, blank rows skipped. It never
// panics on malformed input; every failure is an apperr.Invalid error.
func ReadTable(data []byte) ([]Row, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(data)
	}
	return readCSV(data)
}

func readXLSX(data []byte) (rows []Row, err error) {
	defer func() {
		if p := recover(); p != nil { // a malformed workbook must not take the server down
			rows, err = nil, errTable
		}
	}()
	// Bounded before excelize allocates anything: a small file must not
	// unpack into a huge cell or a million rows.
	if err := upload.CheckWorkbook(data, tableLimits); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: tableLimits.MaxUnpacked, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		return nil, errTable
	}
	defer f.Close()
	sheet := SheetName
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		list := f.GetSheetList()
		if len(list) == 0 {
			return nil, errTable
		}
		sheet = list[0]
	}
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, errTable
	}
	defer it.Close()
	line := 0
	for it.Next() {
		line++
		// A row numbered far down makes the iterator walk every empty row
		// before it: stop at a bound rather than walk a million.
		if line > 2*MaxTableRows {
			return nil, apperr.Invalid("file", "report.err.file_rows", MaxTableRows)
		}
		cells, err := it.Columns()
		if err != nil {
			return nil, errTable
		}
		if line == 1 {
			continue
		}
		r, ok, err := makeRow(sheet, line, cells)
		if err != nil {
			return nil, err
		}
		if ok {
			rows = append(rows, r)
			if len(rows) > MaxTableRows {
				return nil, apperr.Invalid("file", "report.err.file_rows", MaxTableRows)
			}
		}
	}
	if it.Error() != nil {
		return nil, errTable
	}
	return rows, nil
}

func makeRow(sheet string, line int, cells []string) (Row, bool, error) {
	blank := true
	for i, c := range cells {
		// No control character reaches a query (PostgreSQL refuses NUL).
		if r, bad := vntext.Control(c); bad {
			return Row{}, false, apperr.Invalid("file", "report.err.file_control", line, ColumnName(i), fmt.Sprintf("U+%04X", r))
		}
		c = strings.TrimSpace(c)
		cells[i] = c
		if c != "" {
			blank = false
		}
	}
	return Row{Sheet: sheet, Line: line, Cells: cells}, !blank, nil
}

func readCSV(data []byte) ([]Row, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, apperr.Invalid("file", "report.err.csv_utf8")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	rd := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		rd.Comma = ';'
	}
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	var rows []Row
	line := 0
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, apperr.Invalid("file", "report.err.csv_line", line+1)
		}
		line++
		if line == 1 {
			continue
		}
		l, _ := rd.FieldPos(0)
		r, ok, err := makeRow(CSVSheet, l, rec)
		if err != nil {
			return nil, err
		}
		if ok {
			rows = append(rows, r)
			if len(rows) > MaxTableRows {
				return nil, apperr.Invalid("file", "report.err.file_rows", MaxTableRows)
			}
		}
	}
	return rows, nil
}

// CSVSheet is the sheet name given to rows read from a CSV file.
const CSVSheet = "CSV"

// WriteXLSX writes a one-sheet workbook (streamed: large exports stay
// light) with a bold header row.
func WriteXLSX(w io.Writer, sheet string, header []string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"#E8EEF7"}, Pattern: 1}})
	if err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	// The header row stays in view while the rows scroll.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	widths := []float64{16, 36, 12, 60, 12, 16, 16, 18}
	for i, wd := range widths {
		if i < len(header) {
			if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
				return fmt.Errorf("report: xlsx: %w", err)
			}
		}
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return fmt.Errorf("report: xlsx: %w", err)
		}
		if err := sw.SetRow(cell, r); err != nil {
			return fmt.Errorf("report: xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	return nil
}

// WriteCSV writes rows as UTF-8 CSV with a byte-order mark (so that Excel
// shows Vietnamese correctly).
func WriteCSV(w io.Writer, header []string, rows [][]any) error {
	if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, 0, len(header))
	for _, r := range rows {
		rec = rec[:0]
		for _, c := range r {
			rec = append(rec, csvCell(c))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strings.TrimSuffix(strings.TrimRight(strings.Replace(fmt.Sprintf("%.6f", v), ".", ",", 1), "0"), ",")
	}
	return fmt.Sprint(c)
}
