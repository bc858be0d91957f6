package notifyui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// remind gives login one reminder of kind on 1 December 2026, with the
// sentence of its kind.
func remind(t *testing.T, s *webtest.Site, login, kind, ref, args string) {
	t.Helper()
	if _, err := s.DB.ExecContext(context.Background(), `INSERT INTO notify_reminders (user_id, day, kind, ref, due_on, message_key, message_args, link)
		VALUES (?, '2026-12-01', ?, ?, '2026-12-05', ?, ?, '/nhiem-vu/1')`, s.User(login).ID, kind, ref, "notify.msg."+kind, args); err != nil {
		t.Fatal(err)
	}
}

// TestRemindersPage shows each person their own reminders, in both
// languages, and saves the kinds they receive for them alone.
func TestRemindersPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d, webtest.At(org.Date(2026, 12, 2)))
		s.AddUser("canbo.a", auth.RoleOfficer, s.Units.LangSon.ID)
		s.AddUser("canbo.b", auth.RoleOfficer, s.Units.SocTrang.ID)
		remind(t, s, "canbo.a", "task_due", "task:1", `["Rà soát mô hình", "Ban Dân vận Tỉnh ủy Lạng Sơn", "05/12/2026"]`)
		remind(t, s, "canbo.b", "task_due", "task:2", `["Việc riêng của Sóc Trăng", "Ban Dân vận Tỉnh ủy Sóc Trăng", "05/12/2026"]`)

		a := s.As("canbo.a")
		page := webtest.Body(t, a.Get("/nhac-viec"))
		if !strings.Contains(page, "Nhiệm vụ “Rà soát mô hình” của Ban Dân vận Tỉnh ủy Lạng Sơn: đến hạn ngày 05/12/2026.") ||
			strings.Contains(page, "Sóc Trăng") || !strings.Contains(page, "ngày 01/12/2026") {
			t.Errorf("canbo.a's reminders:\n%s", page)
		}
		en := webtest.Doc(t, a.Get("/nhac-viec?lang=en"))
		if left := webtest.VietnameseLeft(en, append(s.DataNames(), "Rà soát mô hình")...); len(left) > 0 { // the task's title is data
			t.Errorf("Vietnamese on the English page: %v", left)
		}
		if got := en.Find(`input[type=checkbox]:checked`).Length(); got != 7 {
			t.Errorf("%d kinds ticked, want all 7", got)
		}

		// Untick overdue reports and due tasks: two rows for canbo.a alone.
		form := url.Values{"nhan_report_due": {"1"}, "nhan_decision_waiting": {"1"}, "nhan_task_overdue": {"1"}, "nhan_citizen_due": {"1"}, "nhan_citizen_overdue": {"1"}}
		if res := a.Post("/nhac-viec", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", res.StatusCode)
		}
		var got []string
		rows, err := d.QueryContext(context.Background(), `SELECT u.login, x.kind FROM notify_unsubscribes x JOIN users u ON u.id = x.user_id ORDER BY x.kind`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var login, kind string
			if err := rows.Scan(&login, &kind); err != nil {
				t.Fatal(err)
			}
			got = append(got, login+" "+kind)
		}
		rows.Close()
		if want := "canbo.a report_overdue, canbo.a task_due"; strings.Join(got, ", ") != want {
			t.Errorf("unsubscribes: %v, want %s", got, want)
		}
		page = webtest.Body(t, a.Get("/nhac-viec?lang=vi"))
		if strings.Contains(page, "Rà soát mô hình") || !strings.Contains(page, "Đã lưu") {
			t.Errorf("after unsubscribing from due tasks the page still shows one, or no notice:\n%s", page)
		}
		if page := webtest.Body(t, s.As("canbo.b").Get("/nhac-viec")); !strings.Contains(page, "Việc riêng của Sóc Trăng") {
			t.Errorf("canbo.b lost their reminder:\n%s", page)
		}

		// A visitor is sent to sign in and changes nothing.
		before := s.Snapshot()
		if res := s.Anon().Post("/nhac-viec", url.Values{}); res.StatusCode == http.StatusSeeOther && res.Header.Get("Location") == "/nhac-viec" {
			t.Errorf("a visitor's save was accepted")
		}
		if res := s.Anon().Get("/nhac-viec"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("a visitor reads /nhac-viec: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		s.Unchanged("a visitor's save", before)
	})
}
