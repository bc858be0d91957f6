package reportui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserReportWorkflowOnPhone walks a report through its whole
// workflow on a phone-sized screen: the commune's officer enters it,
// saves a draft and submits; the province's leader returns it with a
// comment; the officer fixes it and resubmits; the leader approves; the
// province's dashboard total changes.
func TestBrowserReportWorkflowOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 150*time.Second)
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	base := w.Serve()
	shots := browsertest.Dir(t)
	commune, province := itoa(w.Units.NewChiLang.ID), itoa(w.Units.LangSon.ID)
	input := func(ind report.Indicator) string { return "#" + field(ind) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	login := func(user string) { webtest.SignIn(t, ctx, base, user) }
	logout := func() { webtest.SignOut(t, ctx) }
	dashboardTotal := func() string {
		t.Helper()
		run("dashboard", chromedp.Navigate(base+"/bao-cao/tong-hop?don-vi="+province+"&ky=2026S2"),
			chromedp.WaitVisible(chromedp.CSS(".key-cards")))
		return webtest.Text(t, ctx, `.key-value[data-code="DV02"]`)
	}

	run("phone", webtest.Phone)
	login("lanhdao.tinh")
	before := dashboardTotal()
	webtest.Look(t, ctx, shots, "01-dashboard-before")
	logout()

	// The officer enters the report and saves a draft.
	login("canbo.xa")
	run("entry", chromedp.Navigate(base+"/bao-cao/nhap?don-vi="+commune+"&ky=2026S2"), chromedp.WaitVisible(chromedp.CSS(".indicator-rows")))
	run("type",
		chromedp.SendKeys(chromedp.CSS(input(w.dv)), "5.112"),
		chromedp.SendKeys(chromedp.CSS(input(w.an1)), "12"),
		chromedp.SendKeys(chromedp.CSS(input(w.an2)), "14"), // more resolved than received: refused
		chromedp.SendKeys(chromedp.CSS(input(w.pc)), "85,5"),
		chromedp.SendKeys(chromedp.CSS("#results"), "Tổ chức 3 hội nghị quán triệt; hòa giải thành công phần lớn vụ việc."),
	)
	webtest.Look(t, ctx, shots, "02-entry-typed")
	run("save draft", chromedp.Click(chromedp.CSS(`button[value="draft"]`)), chromedp.WaitVisible(chromedp.CSS(".notice.error")))
	webtest.Look(t, ctx, shots, "03-entry-error")
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(input(w.dv)))); got != "5.112" {
		t.Errorf("typed value lost after a refused save: %q", got)
	}
	run("fix and save draft",
		chromedp.SetValue(chromedp.CSS(input(w.an2)), "10"),
		chromedp.Click(chromedp.CSS(`button[value="draft"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	webtest.Look(t, ctx, shots, "04-draft-saved")
	run("submit", chromedp.Click(chromedp.CSS(`button[value="submit"]`)), chromedp.WaitVisible(chromedp.CSS(".status-submitted")))
	webtest.Look(t, ctx, shots, "05-submitted")
	reportURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	logout()

	// The leader returns it with a comment.
	login("lanhdao.tinh")
	run("open", chromedp.Navigate(reportURL), chromedp.WaitVisible(chromedp.CSS("#approve")))
	run("return",
		chromedp.SendKeys(chromedp.CSS("#comment"), "Số cán bộ được bồi dưỡng quá cao, đề nghị kiểm tra lại."),
		chromedp.Click(chromedp.CSS("#return")),
		chromedp.WaitVisible(chromedp.CSS(".status-returned")),
	)
	webtest.Look(t, ctx, shots, "06-returned")
	logout()

	// The officer sees the comment, fixes the figure and resubmits.
	login("canbo.xa")
	run("reports page", chromedp.Navigate(base+"/bao-cao"), chromedp.WaitVisible(chromedp.CSS(".report-notes")))
	if n := webtest.Text(t, ctx, ".report-notes"); !strings.Contains(n, "bị trả lại") {
		t.Errorf("officer's notifications: %q", n)
	}
	webtest.Look(t, ctx, shots, "07-officer-notified")
	run("fix",
		chromedp.Navigate(base+"/bao-cao/nhap?don-vi="+commune+"&ky=2026S2"),
		chromedp.WaitVisible(chromedp.CSS(".indicator-rows")),
		chromedp.SetValue(chromedp.CSS(input(w.dv)), "512"),
	)
	if c := webtest.Text(t, ctx, ".notice"); !strings.Contains(c, "kiểm tra lại") {
		t.Errorf("the leader's comment is not shown: %q", c)
	}
	webtest.Look(t, ctx, shots, "08-fixing")
	run("resubmit", chromedp.Click(chromedp.CSS(`button[value="submit"]`)), chromedp.WaitVisible(chromedp.CSS(".status-submitted")))
	logout()

	// The leader approves; the dashboard total changes.
	login("lanhdao.tinh")
	run("approve", chromedp.Navigate(reportURL), chromedp.WaitVisible(chromedp.CSS("#approve")),
		chromedp.Click(chromedp.CSS("#approve")), chromedp.WaitVisible(chromedp.CSS(".status-approved")))
	webtest.Look(t, ctx, shots, "09-approved")
	after := dashboardTotal()
	webtest.Look(t, ctx, shots, "10-dashboard-after")
	if before == after || after != "512" {
		t.Errorf("dashboard DV02: before %q, after %q; want a change to 512", before, after)
	}
}
