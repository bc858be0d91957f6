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

// goodSelf is a self-scoring sheet of three lines, two scored.
func goodSelf(t testing.TB) []byte {
	var b bytes.Buffer
	if err := WriteSelf(&b, "Khối Dân vận xã Chi Lăng", []SelfLine{
		{Number: 1, Title: "Triển khai Quy chế dân chủ", Max: 50, Score: Cell{Set: true, Value: 45}},
		{Number: 2, Title: "Mô hình “Dân vận khéo”", Max: 40, Score: Cell{Set: true, Value: 35.5}},
		{Number: 3, Title: "Điểm trừ: báo cáo chậm", Max: 5},
	}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSelfSheet(t *testing.T) {
	lines, err := ReadSelf(bytes.NewReader(goodSelf(t)))
	if err != nil || len(lines) != 3 || lines[1].Number != 2 || lines[1].Score.Value != 35.5 || !lines[1].Score.Set ||
		lines[2].Score.Set || lines[2].Row != 4 || lines[0].Title != "Triển khai Quy chế dân chủ" {
		t.Fatalf("round trip: %+v %v", lines, err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(goodSelf(t)))
	_ = f.SetCellStr(SelfName, "D2", "8,5")
	_ = f.SetCellStr(SelfName, "D3", "khá")
	_ = f.SetCellStr(SelfName, "A4", "ba")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	lines, err = ReadSelf(bytes.NewReader(b.Bytes()))
	es, ok := err.(apperr.Errors)
	if !ok || len(es) != 2 || es[0].Field != "D3" || es[1].Field != "A4" || lines != nil {
		t.Fatalf("bad cells: %+v %v", lines, err)
	}
	_ = f.SetCellStr(SelfName, "D3", "")
	_ = f.SetCellStr(SelfName, "A4", "3.")
	b.Reset()
	_, _ = f.WriteTo(&b)
	if lines, err = ReadSelf(bytes.NewReader(b.Bytes())); err != nil || lines[0].Score.Value != 8.5 || lines[1].Score.Set || lines[2].Number != 3 {
		t.Fatalf("8,5 and a number with its dot: %+v %v", lines, err)
	}
	// The scoring table of the whole bloc is not a self-scoring sheet.
	if _, err := ReadSelf(bytes.NewReader(good(t))); apperr.CodeOf(err) != apperr.CodeInvalid {
		t.Errorf("the bloc's table read as a self-scoring sheet: %v", err)
	}
}

// FuzzReadSelf feeds arbitrary bytes and mutations of a real sheet to the
// self-scoring reader: it never panics, and returns either lines that
// each name their line, or an invalid-input error with a message.
func FuzzReadSelf(f *testing.F) {
	f.Add(goodSelf(f))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := ReadSelf(bytes.NewReader(data))
		if err != nil {
			if lines != nil {
				t.Fatal("lines and an error")
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("error %v is not an invalid-input error", err)
			}
			if k, _ := apperr.KeyOf(err); k == "" {
				t.Fatalf("error %v has no message", err)
			}
			return
		}
		if len(lines) == 0 || len(lines) > MaxSelfRows {
			t.Fatalf("%d lines", len(lines))
		}
		for _, l := range lines {
			if (l.Number == 0 && l.Title == "") || l.Row < 2 || (l.Score.Set && (l.Score.Value != l.Score.Value)) {
				t.Fatalf("line accepted with missing parts: %+v", l)
			}
		}
	})
}
