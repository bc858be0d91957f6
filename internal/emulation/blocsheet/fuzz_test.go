package blocsheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
)

func ptr(f float64) *float64 { return &f }

// good is a scoring table of two members on three lines.
func good(t testing.TB) []byte {
	var b bytes.Buffer
	if err := Write(&b, []string{Header(1, "Triển khai Quy chế dân chủ"), Header(2, "Mô hình “Dân vận khéo”"), Header(3, "Điểm trừ: báo cáo chậm")}, []Line{
		{Code: "LS-X1", Name: "Khối Dân vận xã Chi Lăng", Scores: []*float64{ptr(45), ptr(35.5), nil}},
		{Code: "LS-X2", Name: "Khối Dân vận xã Đồng Đăng", Scores: []*float64{ptr(40), ptr(40), ptr(2)}},
	}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTripAndErrors(t *testing.T) {
	sh, err := Read(bytes.NewReader(good(t)))
	if err != nil || len(sh.Columns) != 3 || len(sh.Rows) != 2 || sh.Rows[0].UnitCode != "LS-X1" || sh.Rows[0].Scores[1].Value != 35.5 ||
		sh.Rows[0].Scores[2].Set || !sh.Rows[1].Scores[2].Set || sh.Rows[1].Number != 3 {
		t.Fatalf("round trip: %+v %v", sh, err)
	}
	// A score typed as text the Vietnamese way is read; a word is not,
	// and the error names its cell; nothing is returned with an error.
	f, _ := excelize.OpenReader(bytes.NewReader(good(t)))
	_ = f.SetCellStr(Name, "C2", "8,5")
	_ = f.SetCellStr(Name, "D3", "tốt")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	sh, err = Read(bytes.NewReader(b.Bytes()))
	es, ok := err.(apperr.Errors)
	if !ok || len(es) != 1 || es[0].Field != "D3" || len(sh.Rows) != 0 {
		t.Fatalf("bad cell: %+v %v", sh, err)
	}
	_ = f.SetCellStr(Name, "D3", "40")
	b.Reset()
	_, _ = f.WriteTo(&b)
	if sh, err = Read(bytes.NewReader(b.Bytes())); err != nil || sh.Rows[0].Scores[0].Value != 8.5 {
		t.Fatalf("8,5: %+v %v", sh, err)
	}
	for name, data := range map[string][]byte{"empty": {}, "text": []byte("Mã đơn vị,Đơn vị\n"), "zip start": []byte("PK\x03\x04xx")} {
		if _, err := Read(bytes.NewReader(data)); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzRead feeds arbitrary bytes and mutations of a real table to the
// reader: it never panics, and returns either a sheet whose rows all have
// a unit code and one cell per column, or an invalid-input error with a
// message, never both.
func FuzzRead(f *testing.F) {
	f.Add(good(f))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := Read(bytes.NewReader(data))
		if err != nil {
			if len(sh.Rows) != 0 || len(sh.Columns) != 0 {
				t.Fatal("rows and an error")
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("error %v is not an invalid-input error", err)
			}
			if k, _ := apperr.KeyOf(err); k == "" {
				t.Fatalf("error %v has no message", err)
			}
			return
		}
		if len(sh.Rows) == 0 || len(sh.Columns) == 0 || len(sh.Rows) > MaxRows {
			t.Fatalf("sheet without rows or columns: %+v", sh)
		}
		for _, r := range sh.Rows {
			if r.UnitCode == "" || len(r.Scores) != len(sh.Columns) || r.Number < 2 {
				t.Fatalf("row accepted with missing parts: %+v", r)
			}
		}
	})
}
