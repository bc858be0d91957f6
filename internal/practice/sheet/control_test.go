package sheet

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
)

// A register's cells may not hold control characters (Excel writes one
// as _x001B_, which is read back as the character): the cell is named.
func TestReadRefusesControls(t *testing.T) {
	f := excelize.NewFile()
	header := make([]any, len(Columns))
	for i, c := range Columns {
		header[i] = c
	}
	f.SetSheetRow("Sheet1", "A1", &header)
	f.SetSheetRow("Sheet1", "A2", &[]any{7, "Tổ tự quản_x001B_[31m", "LS-CL-QL", "", "Kinh tế", "Tập thể", "Chi hội", "", "", "15/03/2023"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := Read(&buf)
	var es apperr.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("Read = %v, want one error", err)
	}
	if msg := Messages.T(i18n.VI, es[0].Key, es[0].Args...); !strings.HasPrefix(msg, "Dòng 2, cột B (Tên mô hình): có ký tự điều khiển không được phép (U+001B)") {
		t.Errorf("message %q", msg)
	}
}
