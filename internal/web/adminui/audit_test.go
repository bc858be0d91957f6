package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAdminAuditLog: the log shows each viewer the changes of the units
// they cover, newest first, with the changed fields side by side;
// changes that belong to no unit only to national admins; filters and
// pages work.
func TestAdminAuditLog(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		rename := func(who string, id int64, name string) {
			t.Helper()
			res := s.post("/quan-tri/don-vi/"+itoa(id)+"/doi-ten", who, url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {name}})
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("rename as %s = %d", who, res.StatusCode)
			}
		}
		rename(whoAdminLS, s.Units.NewChiLang.ID, "Khối Dân vận xã Chi Lăng (mới)")
		rename(whoAdminST, s.Units.NewKeSach.ID, "Khối Dân vận xã Kế Sách (mới)")

		type row struct{ what, text string }
		rows := func(path, who string) (int, []row, *goquery.Document) {
			res := s.get(path, who)
			code := res.StatusCode
			page := webtest.Doc(t, res)
			var out []row
			page.Find("li.audit-row").Each(func(_ int, li *goquery.Selection) {
				out = append(out, row{li.Find("p").First().Text(), li.Text()})
			})
			return code, out, page
		}
		has := func(rs []row, sub string) bool {
			for _, r := range rs {
				if strings.Contains(r.text, sub) {
					return true
				}
			}
			return false
		}

		// The leader of Lạng Sơn sees Lạng Sơn's rename, newest first,
		// with the name before and after; not Sóc Trăng's, and no
		// account changes.
		code, rs, _ := rows("/quan-tri/nhat-ky", whoLeaderLS)
		if code != http.StatusOK || len(rs) == 0 {
			t.Fatalf("leader's log = %d, %d rows", code, len(rs))
		}
		if !strings.Contains(rs[0].what, "đổi tên đơn vị") || !strings.Contains(rs[0].text, "Khối Dân vận xã Chi Lăng (mới)") || !strings.Contains(rs[0].text, "admin.ls") {
			t.Errorf("newest row for the leader: %q", rs[0].text)
		}
		if has(rs, "Kế Sách (mới)") || has(rs, "tạo tài khoản") {
			t.Error("the leader sees another province's change or an account change")
		}
		// The changed field is a row of the table: its name, before, after.
		_, _, page := rows("/quan-tri/nhat-ky?loai=unit", whoLeaderLS)
		found := false
		page.Find("li.audit-row").First().Find("table.changes tbody tr").Each(func(_ int, tr *goquery.Selection) {
			tds := tr.Find("td").Map(func(_ int, td *goquery.Selection) string { return td.Text() })
			if len(tds) == 3 && tds[0] == "tên" && tds[1] == "Khối Dân vận xã Chi Lăng" && tds[2] == "Khối Dân vận xã Chi Lăng (mới)" {
				found = true
			}
		})
		if !found {
			t.Error("no name | before | after row in the changes table")
		}

		// An officer may not read the log.
		if res := s.get("/quan-tri/nhat-ky", whoOfficer); res.StatusCode != http.StatusForbidden {
			t.Errorf("officer's log = %d", res.StatusCode)
		}

		// The national admin sees everything, account changes included.
		_, rs, page = rows("/quan-tri/nhat-ky", whoNational)
		if !has(rs, "Kế Sách (mới)") || !has(rs, "Chi Lăng (mới)") {
			t.Error("the national admin misses a rename")
		}
		_, rs, _ = rows("/quan-tri/nhat-ky?loai=user", whoNational)
		if len(rs) == 0 || !has(rs, "disabled.ls") {
			t.Error("the national admin does not see account changes")
		}
		// Pages: the fixture alone left more than one page.
		next, ok := page.Find(`.pager a[rel=next]`).Attr("href")
		if !ok {
			t.Fatal("no next page")
		}
		_, rs2, _ := rows(next, whoNational)
		if len(rs2) == 0 || rs2[0].text == rs[0].text {
			t.Error("page 2 is empty or repeats page 1")
		}

		// Filters.
		tests := []struct {
			name, query string
			who         string
			status      int
			want, not   string
			empty       bool
		}{
			{"by user", "nguoi=admin.st", whoNational, 200, "Kế Sách (mới)", "Chi Lăng (mới)", false},
			{"unknown user: nothing, as for anyone", "nguoi=khong.co", whoNational, 200, "", "", true},
			{"another province's admin, to a leader", "nguoi=admin.st", whoLeaderLS, 200, "", "", true},
			{"nobody, to a leader", "nguoi=khong.co", whoLeaderLS, 200, "", "", true},
			{"by unit id", "don_vi=" + itoa(s.Units.NewKeSach.ID), whoNational, 200, "Kế Sách (mới)", "Chi Lăng (mới)", false},
			{"by unit name", "dv=" + url.QueryEscape("xa ke sach"), whoNational, 200, "Kế Sách (mới)", "Chi Lăng (mới)", false},
			{"no such unit", "dv=" + url.QueryEscape("không có xã này"), whoNational, 400, "", "", true},
			{"unit out of scope", "don_vi=" + itoa(s.Units.NewKeSach.ID), whoLeaderLS, 400, "", "", true},
			{"before the changes", "den=" + url.QueryEscape("22/11/2026"), whoNational, 200, "", "", true},
			{"on the day", "tu=2026-11-23&den=2026-11-23&loai=unit", whoNational, 200, "Chi Lăng (mới)", "", false},
			{"bad date", "tu=" + url.QueryEscape("32/13/2026"), whoNational, 400, "", "", false},
		}
		for _, tc := range tests {
			code, rs, _ := rows("/quan-tri/nhat-ky?"+tc.query, tc.who)
			if code != tc.status {
				t.Errorf("%s: status %d, want %d", tc.name, code, tc.status)
			}
			if tc.empty && len(rs) != 0 {
				t.Errorf("%s: %d rows, want none", tc.name, len(rs))
			}
			if tc.want != "" && !has(rs, tc.want) {
				t.Errorf("%s: lacks %q", tc.name, tc.want)
			}
			if tc.not != "" && has(rs, tc.not) {
				t.Errorf("%s: shows %q", tc.name, tc.not)
			}
		}
	})
}

// TestAuditLogInWords: the log reads as sentences: who did what to which
// record (by its name, linked to its page), when in Vietnam's time as
// dd/mm/yyyy HH:MM, and the changed fields with their values in words:
// no UTC, no ISO stamps, no codes such as "submit · report #1816" or
// "status draft→submitted".
func TestAuditLogInWords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		type state struct {
			Period string `json:"period"`
			Status string `json:"status"`
		}
		err := d.WithTx(context.Background(), func(tx *db.Tx) error {
			return audit.Record(context.Background(), tx, audit.Entry{Action: "submit", Entity: "report", EntityID: 1816,
				UnitID: s.Units.NewChiLang.ID, Before: state{"2026S1", "draft"}, After: state{"2026S1", "submitted"}})
		})
		if err != nil {
			t.Fatal(err)
		}
		page := webtest.Doc(t, s.get("/quan-tri/nhat-ky", whoLeaderLS))
		row := page.Find("li.audit-row").First()
		head := strings.Join(strings.Fields(row.Find("p").First().Text()), " ")
		if want := "hệ thống gửi báo cáo 6 tháng đầu năm 2026 · Khối Dân vận xã Chi Lăng"; !strings.HasPrefix(head, want) {
			t.Errorf("the row reads %q, want it to start %q", head, want)
		}
		if href := row.Find(`a[href="/bao-cao/1816"]`); href.Length() != 1 {
			t.Error("the report is not linked to its page")
		}
		// 10:00 UTC is 17:00 in Hanoi.
		if when := strings.TrimSpace(row.Find("time").Text()); when != "23/11/2026 17:00" {
			t.Errorf("time shown %q, want 23/11/2026 17:00", when)
		}
		var cells []string
		row.Find("table.changes td").Each(func(_ int, td *goquery.Selection) { cells = append(cells, td.Text()) })
		if got := strings.Join(cells, "|"); got != "trạng thái|nháp|đã gửi" {
			t.Errorf("changes %q, want the status in words", got)
		}
		text := row.Text()
		for _, code := range []string{"submit", "#1816", "UTC", "2026S1", "submitted", "T10:00"} {
			if strings.Contains(text, code) {
				t.Errorf("the row shows the code %q: %q", code, strings.Join(strings.Fields(text), " "))
			}
		}
		// The rename of a unit names the unit and links to it.
		rename := s.post("/quan-tri/don-vi/"+itoa(s.Units.NewChiLang.ID)+"/doi-ten", whoAdminLS,
			url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"Khối Dân vận xã Chi Lăng (mới)"}})
		rename.Body.Close()
		row = webtest.Doc(t, s.get("/quan-tri/nhat-ky", whoLeaderLS)).Find("li.audit-row").First()
		if a := row.Find(`a[href="/don-vi/` + itoa(s.Units.NewChiLang.ID) + `"]`); a.Length() == 0 || !strings.Contains(row.Text(), "đổi tên đơn vị") {
			t.Errorf("the rename row: %q", strings.Join(strings.Fields(row.Text()), " "))
		}
	})
}
