package report_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/report"
)

// An uploaded table's cells reach queries: a control character (the
// tester's NUL and escape sequences) is refused with its row and column,
// from CSV and XLSX alike.
func TestReadTableRefusesControls(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Mã đơn vị", "Tên", "Mã chỉ tiêu"})
	// Excel writes a control character as _x001B_; excelize reads it back
	// as the character.
	f.SetSheetRow("Sheet1", "A2", &[]any{"LS-X1", "x", "DV02_x001B_[31m"})
	var xlsx bytes.Buffer
	f.WriteTo(&xlsx)
	for name, data := range map[string][]byte{
		"csv":  []byte("Mã đơn vị,Tên,Mã chỉ tiêu\nLS-X1,x,DV02\x1b[31m\n"),
		"xlsx": xlsx.Bytes(),
	} {
		_, err := report.ReadTable(data)
		key, args := apperr.KeyOf(err)
		if key != "report.err.file_control" || len(args) != 3 || args[0] != 2 || args[1] != "C" || args[2] != "U+001B" {
			t.Errorf("%s: %v, want row 2, column C, U+001B", name, err)
		}
	}
}
