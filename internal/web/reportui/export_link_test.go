package reportui_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDashboardExportLinks follows the dashboard's export links as they
// stand on the page and reads the unit and the period inside each file:
// a link that lost its query exported the whole province for the
// current period.
func TestDashboardExportLinks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader := w.As("lanhdao.tinh")
		commune := w.Units.NewChiLang
		page := webtest.Doc(t, leader.Get("/bao-cao/tong-hop?don-vi="+itoa(commune.ID)+"&ky=2025S2"))
		for _, sel := range []string{`a[href*="xuat.xlsx"]`, `a[href*="xuat.csv"]`} {
			href, ok := page.Find(sel).Attr("href")
			if !ok {
				t.Fatalf("no link %s on the dashboard", sel)
			}
			res := leader.Get(href)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s = %d", href, res.StatusCode)
			}
			rows := fileRows(t, href, body)
			if len(rows) < 2 {
				t.Fatalf("%s: %d rows", href, len(rows))
			}
			period := len(report.ColumnKeys) // the column after the table's own
			if got := rows[0][period]; got != "Kỳ báo cáo" {
				t.Errorf("%s: header of the period column = %q", href, got)
			}
			for _, r := range rows[1:] {
				if r[0] != commune.Code {
					t.Errorf("%s: a row of unit %q, want only %q", href, r[0], commune.Code)
					break
				}
				if r[period] != "6 tháng cuối năm 2025" {
					t.Errorf("%s: a row of period %q, want 6 tháng cuối năm 2025", href, r[period])
					break
				}
			}
		}
	})
}

// fileRows reads an exported CSV or XLSX file.
func fileRows(t *testing.T, name string, body []byte) [][]string {
	t.Helper()
	if strings.Contains(name, ".csv") {
		rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
		rd.FieldsPerRecord = -1
		rows, err := rd.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rows
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	rows, err := f.GetRows(report.SheetName)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}
