package practiceui_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/upload/uploadtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// The outside tester's bombs on the register: a workbook of 900,000 rows
// in 4.5 MB took 25 s on /mo-hinh/nhap, and eight 49-megapixel PNGs as
// evidence reached 2.7 GB. Each is now refused quickly (the time is
// logged) with under 100 MB more heap, with a message saying which bound it passed,
// and nothing is written.
func TestUploadBombs(t *testing.T) {
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	reg, _, _ := w.models()
	officer := w.As("officer.ql")
	unit := map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID)}
	for _, c := range []struct {
		name, path, want string
		fields           map[string]string
		file             webtest.File
	}{
		{"900,000 rows", "/mo-hinh/nhap", "quá nhiều dòng", unit,
			webtest.File{Field: "file", Name: "so.xlsx", Data: uploadtest.ManyRows(sheet.Columns, 900000, "Tổ tự quản")}},
		{"a 120 MB cell", "/mo-hinh/nhap", "quá lớn khi giải nén", unit,
			webtest.File{Field: "file", Name: "so.xlsx", Data: uploadtest.BigCell(sheet.Columns, 120<<20)}},
		{"a 60 MB cell", "/mo-hinh/nhap", "một ô chứa quá nhiều chữ", unit,
			webtest.File{Field: "file", Name: "so.xlsx", Data: uploadtest.BigCell(sheet.Columns, 60<<20)}},
		{"a 49-megapixel PNG", fmt.Sprintf("/mo-hinh/%d/tep", reg.ID), "Ảnh quá lớn (49 megapixel", nil,
			webtest.File{Field: "file", Name: "anh.png", Data: uploadtest.BigPNG(7000, 7000)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := w.Snapshot("sessions", "api_tokens")
			var res *http.Response
			took, extra := uploadtest.Measure(func() { res = officer.PostMultipart(c.path, c.fields, c.file) })
			t.Logf("%s (%d KB): %d in %v, heap +%.1f MiB", c.name, len(c.file.Data)>>10, res.StatusCode, took, float64(extra)/(1<<20))
			body := webtest.Doc(t, res).Text()
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, c.want) {
				t.Errorf("status %d, want 400 saying %q", res.StatusCode, c.want)
			}
			// The time is logged, not asserted (it depends on the machine's
			// load), the extra heap is bounded.
			if extra >= 100<<20 {
				t.Errorf("took %d MiB more heap", extra>>20)
			}
			w.Unchanged(c.name, before, "sessions", "api_tokens")
		})
	}
}
