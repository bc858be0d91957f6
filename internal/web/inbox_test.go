package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestLeaderHomeIsAnInbox: on 15/09/2026 the leader of Lạng Sơn finds on
// the home page, in this order and with counts, the report of xã Chi Lăng
// waiting for their decision, xã Đồng Đăng's missing report for the first
// half (overdue) and both communes' for the second (due 31/12/2026), and
// the tasks overdue or due this week newest first; the commune's officer
// finds their unit's report for the running period with its deadline and
// no inbox.
func TestLeaderHomeIsAnInbox(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := inboxSite(t, d)
		u := s.Units
		admin := s.Principal("quantri.tw")
		if _, err := meeting.NewStore(d, s.Org, s.Auth).Create(ctx, admin, meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.TrienKhai,
			Title: "Triển khai nhiệm vụ", HeldOn: org.Date(2016, 1, 5), Tasks: []meeting.Task{
				{Title: "Việc trễ từ 2016", DueOn: org.Date(2016, 6, 30), Owners: []int64{u.NewChiLang.ID}},
				{Title: "Việc trễ tháng tám", DueOn: org.Date(2026, 8, 1), Owners: []int64{u.NewChiLang.ID}},
				{Title: "Việc hạn trong tuần", DueOn: org.Date(2026, 9, 18), Owners: []int64{u.NewDongDang.ID}},
				{Title: "Việc hạn năm sau", DueOn: org.Date(2027, 6, 30), Owners: []int64{u.NewDongDang.ID}},
			}}); err != nil {
			t.Fatal(err)
		}

		body := webtest.Body(t, s.As("lanhdao.tinh").Get("/"))
		page := webtest.Doc(t, s.As("lanhdao.tinh").Get("/"))
		order := []string{`id="cho-duyet"`, `id="qua-han"`, `id="den-han"`, `id="nhiem-vu-den-han"`}
		at := -1
		for _, id := range order {
			i := strings.Index(body, id)
			if i < at {
				t.Errorf("inbox section %s missing or out of order", id)
			}
			at = i
		}
		count := func(sel string) string { return strings.TrimSpace(page.Find(sel + " .count").Text()) }
		if got := count("#cho-duyet"); got != "1" || !strings.Contains(page.Find("#cho-duyet").Text(), "xã Chi Lăng") {
			t.Errorf("waiting: %q %q", got, page.Find("#cho-duyet").Text())
		}
		if got := count("#qua-han"); got != "1" || !strings.Contains(page.Find("#qua-han").Text(), "xã Đồng Đăng") ||
			!strings.Contains(page.Find("#qua-han h3").Text(), "6 tháng đầu năm 2026") {
			t.Errorf("overdue: %q %q", got, page.Find("#qua-han").Text())
		}
		if got := count("#den-han"); got != "2" || !strings.Contains(page.Find("#den-han h3").Text(), "31/12/2026") {
			t.Errorf("due: %q %q", got, page.Find("#den-han").Text())
		}
		var tasks []string
		page.Find("#nhiem-vu-den-han li a").Each(func(_ int, a *goquery.Selection) { tasks = append(tasks, a.Text()) })
		if strings.Join(tasks, "|") != "Việc hạn trong tuần|Việc trễ tháng tám|Việc trễ từ 2016" || count("#nhiem-vu-den-han") != "3" {
			t.Errorf("tasks due or overdue, newest first: %q (count %s)", tasks, count("#nhiem-vu-den-han"))
		}

		// The officer: their unit's report for the running six months.
		page = webtest.Doc(t, s.As("canbo.xa").Get("/"))
		if page.Find("#hop-thu").Length() != 0 {
			t.Error("an officer, who decides nothing, gets the leader's inbox")
		}
		mine := strings.Join(strings.Fields(page.Find(".my-report").Text()), " ")
		for _, want := range []string{"6 tháng cuối năm 2026", "Khối Dân vận xã Chi Lăng", "Chưa báo cáo", "Hạn gửi: 31/12/2026", "Lập báo cáo"} {
			if !strings.Contains(mine, want) {
				t.Errorf("officer's report block lacks %q: %q", want, mine)
			}
		}
	})
}
