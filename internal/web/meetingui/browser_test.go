package meetingui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserImportArticleAndFollowTask imports sample 000 through the
// page, corrects the place and gives the first task to the commune of Chi
// Lăng, saves, sees the conference; then the commune's officer marks the
// task done and it leaves the overdue list.
func TestBrowserImportArticleAndFollowTask(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)

	webtest.SignIn(t, ctx, base, "admin")
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/hoi-nghi/nhap"),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		chromedp.SetValue(chromedp.CSS("#text"), string(article(t, sample0))),
		chromedp.Submit(chromedp.CSS("#text")),
		chromedp.WaitVisible(chromedp.CSS("form.mt-form")),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "01-review")
	if got := webtest.Text(t, ctx, "mark#src-chair-0"); got != "Nguyễn Bá Thạch" {
		t.Errorf("chair mark = %q", got)
	}
	// The organizer first: the task owners follow it after "update the
	// choices" (the form works without JavaScript).
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#unit"), itoa(s.Units.LangSon.ID)),
		chromedp.Click(chromedp.CSS(`button[name=refresh]`)),
		chromedp.WaitVisible(chromedp.CSS(`#t0owners option[value="`+itoa(s.Units.NewChiLang.ID)+`"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#place"), "Hội trường Huyện ủy"),
		chromedp.SetValue(chromedp.CSS("#t0owners"), itoa(s.Units.NewChiLang.ID)),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "02-corrected")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`button[name=save]`)),
		chromedp.WaitVisible(chromedp.CSS(".mt-people")),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "03-conference")
	main := webtest.Text(t, ctx, "main")
	for _, want := range []string{"Nguyễn Bá Thạch", "Nguyễn Minh Tứ", "47", "vụ việc", "Hội trường Huyện ủy", "Ban Dân vận Huyện ủy tiếp tục đổi mới", "Khối Dân vận xã Chi Lăng"} {
		if !strings.Contains(main, want) {
			t.Errorf("conference page lacks %q", want)
		}
	}
	if chairs := webtest.Text(t, ctx, ".mt-people li.mt-chair"); !strings.Contains(chairs, "Nguyễn Bá Thạch") {
		t.Errorf("chairs = %q", chairs)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/hoi-nghi/1/bien-ban"), chromedp.WaitVisible(chromedp.CSS(".mt-minutes"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "04-minutes")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/hoi-nghi/lich?thang=2020-11"), chromedp.WaitVisible(chromedp.CSS("table.mt-cal"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "09-calendar")
	webtest.SignOut(t, ctx)

	// The owner commune's officer on a phone: the overdue list, the task,
	// marked done.
	webtest.SignIn(t, ctx, base, "officer.chilang")
	err = chromedp.Do(ctx,
		webtest.Phone,
		chromedp.Navigate(base+"/nhiem-vu?xem=qua-han"),
		chromedp.WaitVisible(chromedp.CSS("#task-list")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-overdue")
	if list := webtest.Text(t, ctx, "#task-list"); !strings.Contains(list, "Ban Dân vận Huyện ủy tiếp tục đổi mới") {
		t.Fatalf("overdue list = %q", list)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#task-list li a")),
		chromedp.WaitVisible(chromedp.CSS("#status")),
		chromedp.SetValue(chromedp.CSS("#status"), "done"),
		chromedp.SendKeys(chromedp.CSS("#note"), "Đã triển khai tại 9 thôn"),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "06-task")
	err = chromedp.Do(ctx,
		chromedp.Submit(chromedp.CSS("#note")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if st := webtest.Text(t, ctx, "#task-status"); st != "Hoàn thành" {
		t.Errorf("status after update = %q", st)
	}
	webtest.Look(t, ctx, shots, "07-task-done")
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/nhiem-vu?xem=qua-han"),
		chromedp.WaitVisible(chromedp.CSS("#task-count")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "08-overdue-after")
	if main := webtest.Text(t, ctx, "main"); strings.Contains(main, "Ban Dân vận Huyện ủy tiếp tục đổi mới") {
		t.Errorf("the done task is still overdue: %q", main)
	}
}

// TestBrowserMeetingPagesOnPhone visits the feature's pages on a phone
// viewport: none may be wider than the screen.
func TestBrowserMeetingPagesOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	sd := seedMeeting(t, s)
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "admin")
	err := chromedp.Do(ctx,
		webtest.Phone,
		chromedp.Navigate(base+"/hoi-nghi/nhap"),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		chromedp.SetValue(chromedp.CSS("#text"), string(article(t, "001_d5bbc8cf4fbe1b76.txt"))),
		chromedp.Submit(chromedp.CSS("#text")),
		chromedp.WaitVisible(chromedp.CSS("form.mt-form")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-review-phone")
	for i, p := range []string{"/hoi-nghi", "/hoi-nghi/" + itoa(sd.conf.ID), "/thi-dua/" + itoa(sd.pledge.ID), "/nguoi/" + itoa(sd.person), "/hoi-nghi/lich?thang=2025-12", "/nhiem-vu?xem=cua-toi"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		browsertest.Screenshot(t, ctx, shots, "0"+itoa(int64(i+2))+"-page")
		if o := browsertest.Overflow(t, ctx); o > 0 && !strings.Contains(p, "lich") {
			t.Errorf("%s overflows the phone by %dpx", p, o)
		}
	}
}
