// Package sheet reads and writes the spreadsheet layout of the "Dân vận
// khéo" register (package practice): one model per row under a header
// row, the same layout for export and import. It knows nothing of the
// database, so its reader can be fuzzed quickly.
//
// Columns A–L are read on import; M–Q describe the lifecycle, which only
// the lifecycle steps change, and are ignored. Column A empty means a new
// model; an id updates that model, and column R then carries the version
// of the model the file was exported with, so that an edit made since is
// not silently overwritten.
package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// Columns are the header texts, A to Q. They stay Vietnamese in every
// interface language: they are the file format, which the boards' own
// registers use; messages quote them as they appear in the file.
var Columns = []string{
	"Mã", "Tên mô hình", "Mã đơn vị", "Đơn vị", "Lĩnh vực", "Chủ thể (Tập thể/Cá nhân)", "Tên tập thể, cá nhân",
	"Chức vụ", "Phong trào, cuộc vận động", "Ngày bắt đầu", "Mô tả", "Mục tiêu",
	"Trạng thái", "Cấp công nhận", "Số quyết định", "Ngày công nhận", "Số đơn vị nhân rộng", "Phiên bản",
}

// Column indexes (zero-based) of the columns read on import.
const (
	ColID = iota
	ColModelName
	ColUnitCode
	ColUnitName
	ColField
	ColOwnerType
	ColOwnerName
	ColOwnerTitle
	ColMovement
	ColStarted
	ColDescription
	ColGoals
	readColumns // A–L are read
)

// ColVersion is column R: the model's version when exported.
const ColVersion = 17

// Name is the sheet's name in an exported workbook.
const Name = "Mô hình"

// MaxRows is how many models one import may hold.
const MaxRows = 5000

// MaxFile bounds the size of an import file.
const MaxFile = 20 << 20

// limits bound an import workbook before it is read: rows (blank ones
// included) up to twice MaxRows, 64 columns, 64 MiB unpacked.
var limits = upload.Limits{MaxUnpacked: 64 << 20, MaxRows: 2*MaxRows + 1, MaxCols: 64}

// Fields maps each field code of package practice to its label; the
// practice tests check that the two agree.
var Fields = []struct{ Code, Label string }{
	{"economy", "Kinh tế"}, {"culture_society", "Văn hóa – xã hội"}, {"defence_security", "Quốc phòng – an ninh"},
	{"party_building", "Xây dựng Đảng"}, {"government_building", "Xây dựng chính quyền"}, {"ethnic_religious", "Dân tộc, tôn giáo"},
}

// Record is one model as exported: every column, already formatted.
type Record struct {
	ID                                                int64
	Name, UnitCode, UnitName, Field, OwnerType, Owner string
	OwnerTitle, Movement, Started, Description, Goals string
	Status, Level, DecisionNo, Recognized             string
	Replications                                      int
	Version                                           int64
}

// Row is one data row read on import.
type Row struct {
	Number      int   // the spreadsheet row (2 for the first data row)
	ID          int64 // 0 for a new model
	UnitCode    string
	Name        string
	Field       string // a field code
	OwnerType   string // "collective" or "individual"
	OwnerName   string
	OwnerTitle  string
	Movement    string
	StartedOn   time.Time
	Description string
	Goals       string
	Version     int64 // the model's version the file was exported with; 0 when not given
}

// ColName is the spreadsheet name of the zero-based column i (A, B, …).
func ColName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// CellError is an import error at a cell, with the cell name ("E5") as
// its field: "row, column (its heading): " then the message key with its
// arguments.
func CellError(row, col int, key string, args ...any) *apperr.Error {
	return apperr.Invalid(fmt.Sprintf("%s%d", ColName(col), row), "practice.sheet.cell", row, ColName(col), Columns[col], i18n.M(key, args...))
}

// Write writes records as the register workbook.
func Write(w io.Writer, recs []Record) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", Name); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF7"}}})
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	sw, err := f.NewStreamWriter(Name)
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	widths := []float64{8, 40, 14, 32, 20, 14, 30, 20, 32, 13, 50, 40, 16, 14, 16, 14, 10, 10}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	cells := make([]any, len(Columns))
	for i, h := range Columns {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	for i, r := range recs {
		row := []any{r.ID, r.Name, r.UnitCode, r.UnitName, r.Field, r.OwnerType, r.Owner, r.OwnerTitle, r.Movement,
			r.Started, r.Description, r.Goals, r.Status, r.Level, r.DecisionNo, r.Recognized, r.Replications, version(r)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetPanes(Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}

// labelKey folds a label for lenient comparison: no marks, no case, any
// punctuation a space.
func labelKey(s string) string {
	return strings.Join(strings.FieldsFunc(vntext.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// Read reads an import workbook: the first sheet, a header row matching
// Columns A–L, then one model per row (blank rows skipped). It checks
// what the layout alone can tell (ids, a unit code, a known field and
// owner type, a real start date) and returns every problem by row and
// column as apperr.Errors, and no rows when there is any.
func Read(r io.Reader) (rows []Row, err error) {
	// Bounded before excelize allocates anything: a small file must not
	// unpack into a huge cell or a million rows.
	raw, err := upload.ReadTable(r, MaxFile, limits)
	if err != nil {
		return nil, err
	}
	var es apperr.Errors
	for i := 0; i < readColumns; i++ {
		got := ""
		if i < len(raw[0]) {
			got = raw[0][i]
		}
		if labelKey(got) != labelKey(Columns[i]) {
			es = append(es, apperr.Invalid(fmt.Sprintf("%s1", ColName(i)), "practice.sheet.header", ColName(i), Columns[i], got))
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(raw)-1 > MaxRows {
		return nil, apperr.Invalid("file", "practice.sheet.too_many", vntext.FormatInt(MaxRows))
	}
	for i, cells := range raw[1:] {
		n := i + 2
		cell := func(c int) string {
			if c < len(cells) {
				return strings.TrimSpace(cells[c])
			}
			return ""
		}
		blank := true
		for c := 0; c < readColumns; c++ {
			if cell(c) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		bad := false
		for c := 0; c <= ColVersion; c++ {
			if r, ok := vntext.Control(cell(c)); ok {
				es = append(es, CellError(n, c, "practice.sheet.control", fmt.Sprintf("U+%04X", r)))
				bad = true
			}
		}
		if bad {
			continue
		}
		row := Row{Number: n, UnitCode: cell(ColUnitCode), Name: cell(ColModelName), OwnerName: cell(ColOwnerName),
			OwnerTitle: cell(ColOwnerTitle), Movement: cell(ColMovement), Description: cell(ColDescription), Goals: cell(ColGoals)}
		if v := cell(ColID); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id <= 0 {
				es = append(es, CellError(n, ColID, "practice.sheet.id"))
			}
			row.ID = id
			if v := cell(ColVersion); v != "" {
				ver, err := strconv.ParseInt(v, 10, 64)
				if err != nil || ver <= 0 {
					es = append(es, CellError(n, ColVersion, "practice.sheet.version"))
				}
				row.Version = ver
			}
		}
		if row.UnitCode == "" {
			es = append(es, CellError(n, ColUnitCode, "practice.sheet.unit_code"))
		}
		if row.Field = fieldCode(cell(ColField)); row.Field == "" {
			es = append(es, CellError(n, ColField, "practice.sheet.field"))
		}
		switch labelKey(cell(ColOwnerType)) {
		case "tap the", "collective":
			row.OwnerType = "collective"
		case "ca nhan", "individual":
			row.OwnerType = "individual"
		default:
			es = append(es, CellError(n, ColOwnerType, "practice.sheet.owner_type"))
		}
		if t, ok := date(cell(ColStarted)); ok {
			row.StartedOn = t
		} else {
			es = append(es, CellError(n, ColStarted, "practice.sheet.started"))
		}
		rows = append(rows, row)
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(rows) == 0 {
		return nil, apperr.Invalid("file", "practice.sheet.no_rows")
	}
	return rows, nil
}

// version is a record's version cell: empty for a new model.
func version(r Record) any {
	if r.Version == 0 {
		return ""
	}
	return r.Version
}

func fieldCode(s string) string {
	k := labelKey(s)
	for _, f := range Fields {
		if k == labelKey(f.Label) || k == f.Code {
			return f.Code
		}
	}
	return ""
}

// date reads a date cell: an Excel date serial, ISO, or written the
// Vietnamese way.
func date(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1000 && n < 200000 {
		if t, err := excelize.ExcelDateToTime(n, false); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if d, err := vntext.ParseDate(s); err == nil {
		if t, ok := d.Time(); ok {
			return t, true
		}
	}
	return time.Time{}, false
}
