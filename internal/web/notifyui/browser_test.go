package notifyui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserReminders looks at the reminders page on a phone and on a
// desktop, and unticks a kind with the real form.
func TestBrowserReminders(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	s := webtest.New(t, dbtest.Open(t, "sqlite"), webtest.At(org.Date(2026, 12, 2)))
	s.AddUser("canbo.a", auth.RoleOfficer, s.Units.LangSon.ID)
	remind(t, s, "canbo.a", "task_due", "task:1", `["Rà soát mô hình “Dân vận khéo” ở các xã biên giới", "Ban Dân vận Tỉnh ủy Lạng Sơn", "05/12/2026"]`)
	remind(t, s, "canbo.a", "report_overdue", "report:1", `["Báo cáo sơ kết công tác dân vận 6 tháng", {"key": "period.h2", "args": [2026]}, "Ban Dân vận Tỉnh ủy Lạng Sơn", "05/11/2026"]`)
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "canbo.a")
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(base+"/nhac-viec"),
			chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		webtest.Look(t, ctx, shots, "reminders-"+size.name)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name="nhan_task_due"]`)),
		chromedp.Click(chromedp.CSS(`form[action="/nhac-viec"] button`)), chromedp.WaitVisible(chromedp.CSS(".flash"))); err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ul.reminders")))
	if strings.Contains(text, "Rà soát mô hình") || !strings.Contains(text, "kỳ 6 tháng cuối năm 2026, của Ban Dân vận Tỉnh ủy Lạng Sơn: đã quá hạn nộp từ ngày 05/11/2026.") {
		t.Errorf("after unticking due tasks:\n%s", text)
	}
	webtest.Look(t, ctx, shots, "reminders-saved")
}
