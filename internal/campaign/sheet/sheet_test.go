package sheet_test

import (
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/campaign/sheet"
)

// workbook builds a contributions sheet with rows.
func workbook(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	data, err := sheet.Workbook(rows)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{"5.112": 5112, "1.200.000": 1200000, "2,5 triệu": 2500000, "0": 0, "1 tỷ": 1_000_000_000} {
		if got, ok := sheet.ParseAmount(in); !ok || got != want {
			t.Errorf("%q: %d %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "-5", "1,5", "trên 1 tỷ", "10%", "abc"} {
		if got, ok := sheet.ParseAmount(in); ok {
			t.Errorf("%q read as %d", in, got)
		}
	}
}

// FuzzParse: any bytes are read without panic; what is accepted
// has valid periods, amounts within bounds and at most MaxSheetLines
// lines; a refusal is an invalid-input error on the file.
func FuzzParse(f *testing.F) {
	f.Add(workbook(f, []any{"LS-CL-QL", "2024", "1.000", "2", "3", "x"}))
	f.Add(workbook(f, []any{"LS", "2024S1", 5, "", "", ""}, []any{"", "", "", "", "", ""}, []any{"ST", "2025", "1 tỷ", "", "", ""}))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte("Mã đơn vị,Kỳ\nLS,2024\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := sheet.Parse(data)
		if err != nil {
			if e, ok := apperr.As(err); !ok || e.Code != apperr.CodeInvalid || e.Field != "file" {
				t.Fatalf("refusal is not an invalid file: %v", err)
			}
			return
		}
		if len(lines) == 0 || len(lines) > sheet.MaxSheetLines {
			t.Fatalf("%d lines", len(lines))
		}
		for _, l := range lines {
			if !l.Period.Valid() || l.UnitCode == "" || l.Money < 0 || l.InKind < 0 || l.Households < 0 {
				t.Fatalf("accepted %+v", l)
			}
		}
	})
}
