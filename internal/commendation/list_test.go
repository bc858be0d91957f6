package commendation_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/upload/uploadtest"
)

// A list as boards keep it: a title line, then STT, a name, a position
// and the achievement; kinds in words or left to be matched.
var boardList = [][]any{
	{"DANH SÁCH KHEN THƯỞNG NĂM 2024"},
	{"STT", "Họ và tên, tên tập thể", "Chức vụ", "Thành tích", "Loại"},
	{1, "Nông Thị Hoa", "Chi hội trưởng", "Có thành tích xuất sắc trong hòa giải ở cơ sở", ""},
	{2, "Xã Quang Lang", "", "Thực hiện tốt phong trào “Dân vận khéo”", ""},
	{3, "Hộ ông Lương Văn Tư", "", "Hiến 300 m² đất làm đường", "Hộ gia đình"},
	{},
	{4, "Chi hội Phụ nữ thôn Bản Dăm", "", "Vận động hiến đất", ""},
}

func TestReadAndMatchList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d, org.Date(2025, 3, 2))
		ctx := context.Background()
		pid := person(t, d, w.QuangLang.ID, "Nông Thị Hoa")
		rows, err := commendation.ReadList(bytes.NewReader(uploadtest.Table(t, boardList)))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 || rows[0].Row != 3 || rows[2].Kind != commendation.Household || rows[3].Row != 7 {
			t.Fatalf("rows: %+v", rows)
		}
		officer := w.Person("can.bo", auth.RoleOfficer, w.ChiLang.ID)
		outsider := w.Person("ngoai", auth.RoleOfficer, w.CaoLoc.ID)
		if _, err := s.MatchList(ctx, outsider, w.ChiLang.ID, org.Date(2025, 3, 2), rows); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another district matches Chi Lăng's list: %v", err)
		}
		rs, err := s.MatchList(ctx, officer, w.ChiLang.ID, org.Date(2025, 3, 2), rows)
		if err != nil {
			t.Fatal(err)
		}
		want := []commendation.RecipientKind{commendation.Person, commendation.UnitKind, commendation.Household, commendation.Collective}
		for i, k := range want {
			if rs[i].Kind != k {
				t.Errorf("row %d: kind %s, want %s", i, rs[i].Kind, k)
			}
		}
		if rs[0].PersonID != pid || rs[1].UnitID != w.QuangLang.ID {
			t.Errorf("matched: %+v", rs)
		}
		// The matched list records as one decision.
		dec := districtDecision(w, pid)
		dec.Recipients = rs
		if _, _, err := s.Create(ctx, officer, dec, false); err != nil {
			t.Fatalf("record the list: %v", err)
		}
		// A name the list calls a person but no directory holds, and two
		// people of one name, are errors at their cells.
		person(t, d, w.QuangLang.ID, "Vi Văn Long")
		person(t, d, w.ChiLang.ID, "Vi Văn Long")
		bad, err := commendation.ReadList(bytes.NewReader(uploadtest.Table(t, [][]any{
			{"Họ và tên", "Thành tích", "Loại"},
			{"Lý Thị Mai", "Tích cực tuyên truyền", "Cá nhân"},
			{"Vi Văn Long", "Tích cực tuyên truyền", ""},
		})))
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.MatchList(ctx, officer, w.ChiLang.ID, org.Date(2025, 3, 2), bad)
		var es apperr.Errors
		if !errors.As(err, &es) || len(es) != 2 || es[0].Field != "A2" || es[1].Field != "A3" {
			t.Errorf("unmatched names: %v", err)
		}
	})
}

func TestReadListRefusals(t *testing.T) {
	for name, c := range map[string]struct {
		data  []byte
		field string
	}{
		"not a workbook":  {[]byte("STT,Họ và tên,Thành tích\n1,A,B\n"), "file"},
		"no heading":      {uploadtest.Table(t, [][]any{{"STT", "Tên mô hình"}, {1, "A"}}), "file"},
		"no rows":         {uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích"}}), "file"},
		"bad kind":        {uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích", "Loại"}, {"A", "B", "Đội"}}), "C2"},
		"no achievement":  {uploadtest.Table(t, [][]any{{"Tên tập thể", "Thành tích"}, {"Tổ hòa giải thôn 3", ""}}), "B2"},
		"control":         {uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích"}, {"A\u0085B", "B"}}), "A2"},
		"too long a name": {uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích"}, {strings.Repeat("Nguyễn ", 60), "B"}}), "A2"},
	} {
		rows, err := commendation.ReadList(bytes.NewReader(c.data))
		e, ok := apperr.As(err)
		if rows != nil || !ok || e.Field != c.field {
			t.Errorf("%s: rows %v, error %v (field %q, want %q)", name, rows, err, fieldOf(e), c.field)
		}
	}
}

func fieldOf(e *apperr.Error) string {
	if e == nil {
		return ""
	}
	return e.Field
}

// FuzzReadList: any bytes give rows or an error, never both, never a
// panic, and every row read has a name and an achievement.
func FuzzReadList(f *testing.F) {
	f.Add(uploadtest.Table(f, boardList))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := commendation.ReadList(bytes.NewReader(data))
		if err != nil {
			if rows != nil {
				t.Fatal("rows and an error")
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("not a user's error: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.Name == "" || r.Achievement == "" {
				t.Fatalf("a row without name or achievement: %+v", r)
			}
		}
	})
}
