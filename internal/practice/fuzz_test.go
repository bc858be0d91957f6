package practice

import (
	"bytes"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
)

// FuzzReadSheet feeds arbitrary bytes, and mutations of a real register,
// to the import reader: it must never panic, and it returns either rows
// or an invalid-input error with a message, never both.
func FuzzReadSheet(f *testing.F) {
	var good bytes.Buffer
	ps := []Practice{
		{ID: 1, UnitID: 7, Name: "Tiếng kẻng an ninh", Field: DefenceSecurity, OwnerType: Collective, OwnerName: "Tổ an ninh thôn Bản Lấn",
			StartedOn: time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC), Status: Recognized, RecognizedLevel: "district", DecisionNo: "125-QĐ/HU"},
		{ID: 2, Name: "Tổ tiết kiệm phụ nữ", UnitID: 7, Field: Economy, OwnerType: Individual, OwnerName: "Hoàng Thị Lan", OwnerTitle: "Chi hội trưởng",
			StartedOn: time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC), Status: Registered},
	}
	if err := writeSheet(&good, ps, map[int64]string{7: "LS-CL-QL"}); err != nil {
		f.Fatal(err)
	}
	rows, err := ReadSheet(bytes.NewReader(good.Bytes()))
	if err != nil || len(rows) != 2 || rows[0].ID != 1 || rows[1].Input.OwnerType != Individual || rows[0].UnitCode != "LS-CL-QL" {
		f.Fatalf("round trip: %+v, %v", rows, err)
	}
	f.Add(good.Bytes())
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte("Mã,Tên mô hình\n1,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ReadSheet(bytes.NewReader(data))
		if err != nil {
			if len(rows) != 0 {
				t.Fatalf("rows and an error")
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid || apperr.MessageOf(err) == "" {
				t.Fatalf("error %v is not an invalid-input error with a message", err)
			}
			return
		}
		if len(rows) == 0 {
			t.Fatal("no rows and no error")
		}
		for _, r := range rows {
			if r.Row < 2 || r.UnitCode == "" || !r.Input.Field.Valid() || !r.Input.OwnerType.Valid() || r.Input.StartedOn.IsZero() {
				t.Fatalf("row accepted with missing parts: %+v", r)
			}
		}
	})
}
