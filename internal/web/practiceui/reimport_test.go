package practiceui_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestReimportUnchangedExport: the register exported and sent straight
// back says nothing changed and writes nothing (it was refused).
func TestReimportUnchangedExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.models()
		officer := w.As("officer.ql")
		res := officer.Get(fmt.Sprintf("/mo-hinh/xuat?don-vi=%d", w.Units.QuangLang.ID))
		data, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("export = %d", res.StatusCode)
		}
		before := w.Snapshot("sessions", "api_tokens")
		res = officer.PostMultipart("/mo-hinh/nhap", map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID)},
			webtest.File{Field: "file", Name: "so.xlsx", Data: data})
		page := webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || !strings.Contains(page.Find("[role=status]").Text(), "Không có gì thay đổi") {
			t.Errorf("re-import = %d: %q %q", res.StatusCode, page.Find("[role=status]").Text(), page.Find("#loi-nhap").Text())
		}
		w.Unchanged("an unchanged re-import", before, "sessions", "api_tokens")
	})
}
