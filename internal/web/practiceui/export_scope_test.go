package practiceui_test

import (
	"net/http"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestExportWithoutUnit: /mo-hinh/xuat without a unit exports the
// register of the user's own scope (it answered 400).
func TestExportWithoutUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		res := w.As("officer.ql").Get("/mo-hinh/xuat")
		body := webtest.Body(t, res)
		if res.StatusCode != http.StatusOK || len(body) < 4 || body[:2] != "PK" {
			t.Errorf("/mo-hinh/xuat without a unit = %d (%d bytes)", res.StatusCode, len(body))
		}
	})
}
