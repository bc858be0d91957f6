package reportui_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
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

// TestDashboardExportIsWhatTheScreenShows: a province's export counts the
// reports its dashboard counts (approved; submitted too when the
// dashboard says so), keeps other reports' rows with their status and no
// figure, adds a total of each summed indicator, states in every row
// which reports are counted, and freezes the header row.
func TestDashboardExportIsWhatTheScreenShows(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.AddUser("canbo.dd", auth.RoleOfficer, w.Units.NewDongDang.ID)
		w.approvedFor(t, "canbo.xa", w.Units.NewChiLang.ID, "2026S1", "40")
		tg := w.target(t)
		tg.UnitID = w.Units.NewDongDang.ID
		var err error
		if tg.Period, err = vntext.ParsePeriod("2026S1"); err != nil {
			t.Fatal(err)
		}
		if _, err = w.store.Submit(context.Background(), w.Principal("canbo.dd"), tg, report.Input{Values: map[report.Key]string{
			{IndicatorID: w.dv.ID}: "7", {IndicatorID: w.an1.ID}: "1", {IndicatorID: w.an2.ID}: "1", {IndicatorID: w.pc.ID}: "50"}}); err != nil {
			t.Fatal(err)
		}
		leader := w.As("lanhdao.tinh")
		base := "/bao-cao/xuat.xlsx?don-vi=" + itoa(w.Units.LangSon.ID) + "&ky=2026S1"
		read := func(path string) ([][]string, *excelize.File) {
			t.Helper()
			res := leader.Get(path)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s = %d", path, res.StatusCode)
			}
			f, err := excelize.OpenReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return fileRows(t, path, body), f
		}
		rows, f := read(base)
		if panes, err := f.GetPanes(report.SheetName); err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("the header row is not frozen: %+v %v", panes, err)
		}
		value, status, count := 6, 7, len(report.ColumnKeys)+1
		dv := func(rows [][]string, name string) []string {
			for _, r := range rows[1:] {
				if r[2] == "DV02" && r[1] == name {
					return r
				}
			}
			t.Fatalf("no DV02 row for %q", name)
			return nil
		}
		if r := dv(rows, w.Units.NewChiLang.Name); r[value] != "40" || r[count] != "Chỉ báo cáo đã duyệt" {
			t.Errorf("the approved commune's row: %q", r)
		}
		if r := dv(rows, w.Units.NewDongDang.Name); r[value] != "" || r[status] == "" {
			t.Errorf("a submitted report's figure is exported, or its status is not: %q", r)
		}
		if r := dv(rows, "Tổng cộng (1 đơn vị có số liệu)"); r[value] != "40" || r[0] != "" {
			t.Errorf("the total: %q", r)
		}
		for _, r := range rows[1:] {
			if r[2] == "AN07" && r[0] == "" {
				t.Errorf("an average is totalled as a sum: %q", r)
			}
		}
		// Counting submitted reports too, as the dashboard may.
		rows, _ = read(base + "&gom=cho-duyet")
		if r := dv(rows, "Tổng cộng (2 đơn vị có số liệu)"); r[value] != "47" || r[count] != "Cả báo cáo chờ duyệt" {
			t.Errorf("the total with submitted reports: %q", r)
		}
	})
}
