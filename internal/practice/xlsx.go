package practice

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The register's spreadsheet layout: one row per model under a header
// row, the same for export and import. Columns A–L are read on import;
// M–Q describe the lifecycle, which only the lifecycle steps change, and
// are ignored on import. Column A empty means a new model; an id updates
// that model.
var sheetColumns = []string{
	"Mã", "Tên mô hình", "Mã đơn vị", "Đơn vị", "Lĩnh vực", "Chủ thể (Tập thể/Cá nhân)", "Tên tập thể, cá nhân",
	"Chức vụ", "Phong trào, cuộc vận động", "Ngày bắt đầu", "Mô tả", "Mục tiêu",
	"Trạng thái", "Cấp công nhận", "Số quyết định", "Ngày công nhận", "Số đơn vị nhân rộng",
}

const (
	sheetName   = "Mô hình"
	importedCol = 12 // columns read on import: A–L
	maxImport   = 5000
)

// colName is the spreadsheet name of the zero-based column i (A, B, …).
func colName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// Export writes the register of the units (nil: all) — every model,
// stopped ones included — as an XLSX workbook. The caller checks that p
// may read them (the web layer passes a scope).
func (s *Store) Export(ctx context.Context, units []int64, w io.Writer) error {
	var all []Practice
	f := Filter{Units: units, Statuses: Statuses, Limit: 1000}
	for {
		rows, _, err := s.List(ctx, f)
		if err != nil {
			return err
		}
		all = append(all, rows...)
		if len(rows) < f.Limit || len(all) >= 100000 {
			break
		}
		f.Offset += f.Limit
	}
	codes, err := unitCodes(ctx, s.db, all)
	if err != nil {
		return err
	}
	return writeSheet(w, all, codes)
}

func unitCodes(ctx context.Context, q db.Querier, ps []Practice) (map[int64]string, error) {
	out := map[int64]string{}
	var args []any
	for _, p := range ps {
		if _, ok := out[p.UnitID]; !ok {
			out[p.UnitID] = ""
			args = append(args, p.UnitID)
		}
	}
	for start := 0; start < len(args); start += 1000 {
		part := args[start:min(start+1000, len(args))]
		rows, err := q.QueryContext(ctx, "SELECT id, code FROM units WHERE id IN ("+db.Placeholders(len(part))+")", part...)
		if err != nil {
			return nil, fmt.Errorf("practice: unit codes: %w", err)
		}
		for rows.Next() {
			var id int64
			var code string
			if err := rows.Scan(&id, &code); err != nil {
				rows.Close()
				return nil, fmt.Errorf("practice: unit codes: %w", err)
			}
			out[id] = code
		}
		rows.Close()
	}
	return out, nil
}

// writeSheet writes models as the register workbook.
func writeSheet(w io.Writer, ps []Practice, codes map[int64]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF7"}}})
	if err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	header := make([]any, len(sheetColumns))
	for i, h := range sheetColumns {
		header[i] = h
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	widths := []float64{8, 40, 14, 32, 20, 14, 30, 20, 32, 13, 50, 40, 16, 14, 16, 14, 10}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("practice: xlsx: %w", err)
		}
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	show := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return vntext.FormatDate(t)
	}
	for i, p := range ps {
		level := ""
		if p.RecognizedLevel != "" {
			level = p.RecognizedLevel.Label()
		}
		row := []any{p.ID, p.Name, codes[p.UnitID], p.UnitName, p.Field.Label(), p.OwnerType.Label(), p.OwnerName,
			p.OwnerTitle, p.Movement, show(p.StartedOn), p.Description, p.Goals,
			p.Status.Label(), level, p.DecisionNo, show(p.RecognizedOn), p.Replications}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("practice: xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	if err := f.SetPanes(sheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("practice: xlsx: %w", err)
	}
	return nil
}

// SheetRow is one data row read from an import workbook (columns A–L).
type SheetRow struct {
	Row      int   // the spreadsheet row number (2 for the first data row)
	ID       int64 // 0 for a new model
	UnitCode string
	Input    Input
}

// cellError is an import error at a cell, in Vietnamese.
func cellError(row, col int, msg string) *apperr.Error {
	return apperr.Invalid(fmt.Sprintf("%s%d", colName(col), row),
		fmt.Sprintf("Dòng %d, cột %s (%s): %s", row, colName(col), sheetColumns[col], msg))
}

// labelKey folds a label for lenient comparison: no marks, no case, any
// punctuation a space.
func labelKey(s string) string {
	return strings.Join(strings.FieldsFunc(vntext.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// ReadSheet reads an import workbook: the first sheet, a header row
// matching the register layout, then one model per row (blank rows
// skipped). It returns every problem it finds, by row and column, and no
// rows when there is any.
func ReadSheet(r io.Reader) (rows []SheetRow, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, apperr.Invalid("file", "Không đọc được tệp Excel: tệp bị hỏng.")
		}
	}()
	f, err := excelize.OpenReader(io.LimitReader(r, 20<<20), excelize.Options{UnzipSizeLimit: 100 << 20, UnzipXMLSizeLimit: 50 << 20})
	if err != nil {
		return nil, apperr.Invalid("file", "Không đọc được tệp: hãy chọn tệp Excel (.xlsx) theo mẫu xuất từ sổ mô hình.")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, apperr.Invalid("file", "Tệp Excel không có trang tính nào.")
	}
	raw, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, apperr.Invalid("file", "Không đọc được trang tính đầu tiên của tệp.")
	}
	var es apperr.Errors
	if len(raw) == 0 {
		return nil, apperr.Invalid("file", "Trang tính đầu tiên trống.")
	}
	for i := 0; i < importedCol; i++ {
		got := ""
		if i < len(raw[0]) {
			got = raw[0][i]
		}
		if labelKey(got) != labelKey(sheetColumns[i]) {
			es = append(es, apperr.Invalid(fmt.Sprintf("%s1", colName(i)),
				fmt.Sprintf("Dòng 1, cột %s: tiêu đề phải là %q (đang là %q). Hãy dùng đúng mẫu xuất từ sổ mô hình.", colName(i), sheetColumns[i], got)))
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(raw)-1 > maxImport {
		return nil, apperr.Invalid("file", fmt.Sprintf("Tệp có quá nhiều dòng: tối đa %s mô hình mỗi lần nhập.", vntext.FormatInt(maxImport)))
	}
	for i, cells := range raw[1:] {
		rowNo := i + 2
		cell := func(c int) string {
			if c < len(cells) {
				return strings.TrimSpace(cells[c])
			}
			return ""
		}
		blank := true
		for c := 0; c < importedCol; c++ {
			if cell(c) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		sr := SheetRow{Row: rowNo, UnitCode: cell(2)}
		if v := cell(0); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id <= 0 {
				es = append(es, cellError(rowNo, 0, "mã mô hình phải là số (để trống khi thêm mô hình mới)."))
			}
			sr.ID = id
		}
		if sr.UnitCode == "" {
			es = append(es, cellError(rowNo, 2, "chưa nhập mã đơn vị."))
		}
		in := Input{Name: cell(1), OwnerName: cell(6), OwnerTitle: cell(7), Movement: cell(8), Description: cell(10), Goals: cell(11)}
		if fl, ok := parseField(cell(4)); ok {
			in.Field = fl
		} else {
			es = append(es, cellError(rowNo, 4, "lĩnh vực phải là một trong: Kinh tế; Văn hóa – xã hội; Quốc phòng – an ninh; Xây dựng Đảng; Xây dựng chính quyền; Dân tộc, tôn giáo."))
		}
		switch labelKey(cell(5)) {
		case "tap the", "collective":
			in.OwnerType = Collective
		case "ca nhan", "individual":
			in.OwnerType = Individual
		default:
			es = append(es, cellError(rowNo, 5, "chủ thể phải là \"Tập thể\" hoặc \"Cá nhân\"."))
		}
		if t, ok := sheetDate(cell(9)); ok {
			in.StartedOn = t
		} else {
			es = append(es, cellError(rowNo, 9, "ngày bắt đầu không hợp lệ (dạng ngày/tháng/năm, ví dụ 15/03/2023)."))
		}
		sr.Input = in
		rows = append(rows, sr)
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(rows) == 0 {
		return nil, apperr.Invalid("file", "Tệp không có dòng mô hình nào dưới dòng tiêu đề.")
	}
	return rows, nil
}

func parseField(s string) (Field, bool) {
	k := labelKey(s)
	for _, f := range Fields {
		if k == labelKey(f.Label()) || k == string(f) {
			return f, true
		}
	}
	return "", false
}

// sheetDate reads a date cell: an Excel date serial, ISO, or written the
// Vietnamese way.
func sheetDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1000 && n < 200000 {
		t, err := excelize.ExcelDateToTime(n, false)
		if err == nil {
			return dayOf(t), true
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

// columnOf maps a validation field to its sheet column.
var columnOf = map[string]int{"name": 1, "field": 4, "owner_type": 5, "owner_name": 6, "owner_title": 7,
	"movement": 8, "started_on": 9, "description": 10, "goals": 11}

// Import writes the rows read by ReadSheet into the register of unitID
// (its subtree, past units included): new models are registered, models
// with an id are updated. p needs the write permission on every row's
// unit. All or nothing: any problem in any row and nothing is written;
// the errors name the row and column. It returns how many models were
// created and updated.
func (s *Store) Import(ctx context.Context, p *auth.Principal, unitID int64, rows []SheetRow) (created, updated int, err error) {
	if err := s.requireWrite(ctx, p, unitID); err != nil {
		return 0, 0, err
	}
	allowed, err := s.units.ScopeUnits(ctx, []int64{unitID})
	if err != nil {
		return 0, 0, err
	}
	inScope := map[int64]bool{}
	for _, id := range allowed {
		inScope[id] = true
	}
	today := s.today()
	byCode := map[string]org.Unit{}
	writable := map[int64]bool{}
	var es apperr.Errors
	for i := range rows {
		r := &rows[i]
		u, ok := byCode[r.UnitCode]
		if !ok {
			u, err = s.units.GetByCode(ctx, r.UnitCode, today)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				return 0, 0, err
			}
			byCode[r.UnitCode] = u
		}
		if u.ID == 0 || !inScope[u.ID] {
			es = append(es, cellError(r.Row, 2, fmt.Sprintf("không có đơn vị đang hoạt động mã %q trong phạm vi đơn vị đang nhập.", r.UnitCode)))
			continue
		}
		w, ok := writable[u.ID]
		if !ok {
			if w, err = s.auth.Can(ctx, p, auth.PermWrite, u.ID); err != nil {
				return 0, 0, err
			}
			writable[u.ID] = w
		}
		if !w {
			es = append(es, cellError(r.Row, 2, "bạn không có quyền nhập liệu cho đơn vị này."))
			continue
		}
		r.Input.UnitID = u.ID
		if err := validate(&r.Input, today); err != nil {
			for _, fe := range fieldErrors(err) {
				col, ok := columnOf[fe.Field]
				if !ok {
					col = 1
				}
				es = append(es, cellError(r.Row, col, fe.Message))
			}
		}
	}
	if len(es) > 0 {
		return 0, 0, es
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var es apperr.Errors
		for _, r := range rows {
			if r.ID == 0 {
				pr, err := insert(ctx, tx, r.Input, 0, "", 0)
				if err != nil {
					return err
				}
				if err := audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "practice", EntityID: pr.ID, UnitID: pr.UnitID, After: auditOf(pr)}); err != nil {
					return err
				}
				created++
				continue
			}
			before, err := load(ctx, tx, r.ID)
			if err != nil || before.UnitID != r.Input.UnitID {
				es = append(es, cellError(r.Row, 0, "không có mô hình mã này thuộc đơn vị ở cột C."))
				continue
			}
			if before.Status == Stopped {
				es = append(es, cellError(r.Row, 0, msgStoppedEdit))
				continue
			}
			in := r.Input
			after := before
			after.Name, after.Field, after.OwnerType, after.OwnerName, after.OwnerTitle = in.Name, in.Field, in.OwnerType, in.OwnerName, in.OwnerTitle
			after.Movement, after.StartedOn, after.Description, after.Goals = in.Movement, in.StartedOn, in.Description, in.Goals
			if _, err := tx.ExecContext(ctx, `UPDATE practices SET name = ?, name_fold = ?, search_fold = ?, sort_key = ?, field = ?,
				owner_type = ?, owner_name = ?, owner_title = ?, movement = ?, started_on = ?, description = ?, goals = ?,
				version = version + 1, updated_at = ? WHERE id = ?`,
				after.Name, vntext.Fold(after.Name), searchFold(&after), vntext.SortKey(after.Name), string(after.Field),
				string(after.OwnerType), after.OwnerName, after.OwnerTitle, after.Movement, day(after.StartedOn),
				after.Description, after.Goals, stamp(tx.Now()), r.ID); err != nil {
				return fmt.Errorf("practice: import: %w", err)
			}
			if err := audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "practice", EntityID: r.ID, UnitID: before.UnitID,
				Before: auditOf(before), After: auditOf(after)}); err != nil {
				return err
			}
			updated++
		}
		return es.Err()
	})
	if err != nil {
		return 0, 0, err
	}
	return created, updated, nil
}

func fieldErrors(err error) apperr.Errors {
	switch e := err.(type) {
	case apperr.Errors:
		return e
	case *apperr.Error:
		return apperr.Errors{e}
	}
	return apperr.Errors{apperr.Invalid("", apperr.MessageOf(err))}
}
