package reportui_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/upload/uploadtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// The outside tester's bombs on /bao-cao/tai-len: a 124 KB workbook with
// one 120 MB cell took 13 s and 400 MB; 900,000 rows in a few megabytes.
// Each is now refused, quickly and with under 100 MB more heap, with
// a message saying which bound it passed, and nothing is written.
func TestUploadBombs(t *testing.T) {
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	officer := w.As("canbo.xa")
	path := "/bao-cao/tai-len?don-vi=" + itoa(w.Units.NewChiLang.ID) + "&ky=2026S2"
	officer.Get(path)
	cols := []string{"Mã đơn vị", "Tên", "Mã chỉ tiêu", "Tên", "ĐVT", "Phân tổ", "Giá trị"}
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"a 120 MB cell", "quá lớn khi giải nén", uploadtest.BigCell(cols, 120<<20)},
		{"a 90 MB cell", "một ô chứa quá nhiều chữ", uploadtest.BigCell(cols, 90<<20)},
		{"900,000 rows", "quá nhiều dòng", uploadtest.ManyRows(cols, 900000, "LS-X1")},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := w.Snapshot(volatile...)
			var res *http.Response
			took, extra := uploadtest.Measure(func() {
				res = officer.PostMultipart(path, map[string]string{"mau": report.FormHalf},
					webtest.File{Field: "tep", Name: "so-lieu.xlsx", Data: c.data})
			})
			t.Logf("%s (%d KB): %d in %v, heap +%.1f MiB", c.name, len(c.data)>>10, res.StatusCode, took, float64(extra)/(1<<20))
			body := webtest.Doc(t, res).Text()
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, c.want) {
				t.Errorf("status %d, want 400 saying %q", res.StatusCode, c.want)
			}
			// The time is logged, not asserted (it depends on the machine's
			// load), the extra heap is bounded.
			if extra >= 100<<20 {
				t.Errorf("took %d MiB more heap", extra>>20)
			}
			w.Unchanged(c.name, before, volatile...)
		})
	}
}
