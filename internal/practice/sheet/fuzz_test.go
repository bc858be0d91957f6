package sheet

import (
	"bytes"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
)

// FuzzRead feeds arbitrary bytes, and mutations of a real register, to
// the import reader: it must never panic, and it returns either rows or
// an invalid-input error with a message, never both.
func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	recs := []Record{
		{ID: 1, Name: "Tiếng kẻng an ninh", UnitCode: "LS-CL-QL", Field: "Quốc phòng – an ninh", OwnerType: "Tập thể",
			Owner: "Tổ an ninh thôn Bản Lấn", Started: "15/03/2023", Status: "Được công nhận", DecisionNo: "125-QĐ/HU"},
		{ID: 2, Name: "Tổ tiết kiệm phụ nữ", UnitCode: "LS-CL-QL", Field: "Kinh tế", OwnerType: "Cá nhân", Owner: "Hoàng Thị Lan",
			OwnerTitle: "Chi hội trưởng", Started: "2021-01-04"},
	}
	if err := Write(&good, recs); err != nil {
		f.Fatal(err)
	}
	rows, err := Read(bytes.NewReader(good.Bytes()))
	if err != nil || len(rows) != 2 || rows[0].ID != 1 || rows[1].OwnerType != "individual" || rows[0].Field != "defence_security" ||
		rows[1].StartedOn.Day() != 4 || rows[0].UnitCode != "LS-CL-QL" {
		f.Fatalf("round trip: %+v, %v", rows, err)
	}
	f.Add(good.Bytes())
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte("Mã,Tên mô hình\n1,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Read(bytes.NewReader(data))
		if err != nil {
			if len(rows) != 0 {
				t.Fatalf("rows and an error")
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid || errKey(err) == "" {
				t.Fatalf("error %v is not an invalid-input error with a message", err)
			}
			return
		}
		if len(rows) == 0 {
			t.Fatal("no rows and no error")
		}
		for _, r := range rows {
			if r.Number < 2 || r.UnitCode == "" || r.Field == "" || r.OwnerType == "" || r.StartedOn.IsZero() {
				t.Fatalf("row accepted with missing parts: %+v", r)
			}
		}
	})
}

// errKey is the message key of err.
func errKey(err error) string {
	k, _ := apperr.KeyOf(err)
	return k
}
