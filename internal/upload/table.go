package upload

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// ReadTable reads the first sheet of an uploaded XLSX file as rows of
// cells, each NFC-normalized and trimmed. The file is bounded before
// anything is unpacked: at most maxFile bytes, then lim (see
// CheckWorkbook). A file that is not a workbook, is damaged or has an
// empty first sheet is refused with a message for the person who chose
// it; nothing of a refused file is returned.
func ReadTable(r io.Reader, maxFile int64, lim Limits) (rows [][]string, err error) {
	defer func() {
		// excelize panics on some malformed parts; a damaged upload is
		// the user's error, not the server's.
		if p := recover(); p != nil {
			rows, err = nil, apperr.Invalid("file", "upload.err.workbook")
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil || !IsWorkbook(data) {
		return nil, apperr.Invalid("file", "upload.err.workbook")
	}
	if int64(len(data)) > maxFile {
		return nil, apperr.Invalid("file", "upload.err.too_large", vntext.FormatInt(maxFile>>20))
	}
	lim = lim.withDefaults()
	if err := CheckWorkbook(data, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.MaxUnpacked, UnzipXMLSizeLimit: lim.MaxUnpacked})
	if err != nil {
		return nil, apperr.Invalid("file", "upload.err.workbook")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, apperr.Invalid("file", "upload.err.empty")
	}
	raw, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, apperr.Invalid("file", "upload.err.workbook")
	}
	nonEmpty := false
	for _, cells := range raw {
		for c := range cells {
			cells[c] = strings.TrimSpace(vntext.Normalize(cells[c]))
			nonEmpty = nonEmpty || cells[c] != ""
		}
	}
	if !nonEmpty {
		return nil, apperr.Invalid("file", "upload.err.empty")
	}
	return raw, nil
}

// Cell returns cell c of a row read by ReadTable, "" past its end.
func Cell(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// CellName is the spreadsheet name of a cell: the zero-based column c
// and the row number as the spreadsheet shows it ("C5").
func CellName(row, c int) string {
	col, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, c+1)
	}
	return fmt.Sprintf("%s%d", col, row)
}
