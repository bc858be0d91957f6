package meetingui_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// draftLinks are the links to drafts on a conference page, by label.
func draftLinks(t *testing.T, res *http.Response) (int, map[string]string) {
	t.Helper()
	status := res.StatusCode
	out := map[string]string{}
	webtest.Doc(t, res).Find("a.mt-draft").Each(func(_ int, a *goquery.Selection) {
		out[a.Text()] = a.AttrOr("href", "")
	})
	return status, out
}

// TestConferenceDraftLinks shows the links to draft the minutes, a plan
// and a news article from a conference to those who may use them, and
// to nobody else; each link shown opens its draft.
func TestConferenceDraftLinks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.AddUser("viewer.chilang", auth.RoleViewer, s.Units.NewChiLang.ID)
		sd := seedMeeting(t, s)
		ctx := context.Background()
		site, err := portal.NewStore(s.DB, s.Org, s.Auth, s.Files).CreateSite(ctx, s.Principal("admin"),
			portal.SiteInput{UnitID: s.Units.NewChiLang.ID, Slug: "chi-lang", Name: "Trang thông tin Khối Dân vận xã Chi Lăng"})
		if err != nil {
			t.Fatal(err)
		}
		meetings, _ := stores(s)
		// A conference of Đồng Đăng without tasks and without a site;
		// one of Chi Lăng that gives Đồng Đăng a task, whose officer then
		// sees the owner's part of it.
		bare, err := meetings.Create(ctx, auth.System(), meeting.Conference{UnitID: s.Units.NewDongDang.ID, Kind: meeting.DoiThoai,
			Title: "Đối thoại với Nhân dân xã Đồng Đăng", HeldOn: org.Date(2025, 11, 5)})
		if err != nil {
			t.Fatal(err)
		}
		owned, err := meetings.Create(ctx, auth.System(), meeting.Conference{UnitID: s.Units.NewChiLang.ID, Kind: meeting.ChuyenDe,
			Title: "Hội nghị chuyên đề dân vận chính quyền", HeldOn: org.Date(2025, 11, 20),
			Tasks: []meeting.Task{{Title: "Tiếp nhận phản ánh của Nhân dân", DueOn: org.Date(2026, 3, 31), Owners: []int64{s.Units.NewDongDang.ID}}}})
		if err != nil {
			t.Fatal(err)
		}
		conf := "/hoi-nghi/" + itoa(sd.conf.ID)
		minutes := "/van-ban/soan?loai=minutes&hoi-nghi=" + itoa(sd.conf.ID)
		plan := "/van-ban/soan?loai=plan&hoi-nghi=" + itoa(sd.conf.ID)
		news := "/bien-tap/" + itoa(site.ID) + "/viet-tin/" + itoa(sd.conf.ID)
		for _, c := range []struct {
			who, path string
			status    int
			want      map[string]string
		}{
			{"officer.chilang", conf, http.StatusOK, map[string]string{"Soạn biên bản": minutes, "Soạn kế hoạch": plan, "Viết tin": news}},
			{"officer.langson", conf, http.StatusOK, map[string]string{"Soạn biên bản": minutes, "Soạn kế hoạch": plan, "Viết tin": news}},
			{"viewer.chilang", conf, http.StatusOK, map[string]string{}},
			{"leader.soctrang", conf, http.StatusForbidden, map[string]string{}},
			// The owner of a task sees the conference, not its drafts.
			{"officer.dongdang", "/hoi-nghi/" + itoa(owned.ID), http.StatusOK, map[string]string{}},
			// No tasks, no plan; no site of the unit, no news article.
			{"officer.dongdang", "/hoi-nghi/" + itoa(bare.ID), http.StatusOK,
				map[string]string{"Soạn biên bản": "/van-ban/soan?loai=minutes&hoi-nghi=" + itoa(bare.ID)}},
		} {
			status, got := draftLinks(t, s.As(c.who).Get(c.path))
			if status != c.status || len(got) != len(c.want) {
				t.Errorf("%s at %s: %d, links %v; want %d, %v", c.who, c.path, status, got, c.status, c.want)
				continue
			}
			for label, href := range c.want {
				if got[label] != href {
					t.Errorf("%s at %s: %q links to %q, want %q", c.who, c.path, label, got[label], href)
				}
			}
			for _, href := range got {
				if res := s.As(c.who).Get(href); res.StatusCode != http.StatusOK {
					t.Errorf("%s: %s answers %d", c.who, href, res.StatusCode)
				}
			}
		}
		// In English the links say so.
		_, got := draftLinks(t, s.As("officer.chilang").Get(conf+"?lang=en"))
		if got["Draft the minutes"] != minutes || got["Draft a plan"] != plan || got["Write a news article"] != news {
			t.Errorf("English links %v", got)
		}
	})
}

// TestBrowserConferenceDraftLinks shows the conference page with its
// three draft links to the unit's officer on a phone and on a laptop:
// the links are there and the page is no wider than the screen.
func TestBrowserConferenceDraftLinks(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	sd := seedMeeting(t, s)
	if _, err := portal.NewStore(s.DB, s.Org, s.Auth, s.Files).CreateSite(context.Background(), s.Principal("admin"),
		portal.SiteInput{UnitID: s.Units.NewChiLang.ID, Slug: "chi-lang", Name: "Trang thông tin Khối Dân vận xã Chi Lăng"}); err != nil {
		t.Fatal(err)
	}
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.chilang")
	for _, v := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
	}{{"phone", webtest.Phone}, {"laptop", chromedp.EmulateViewport(1366, 900)}} {
		err := chromedp.Do(ctx, v.size, chromedp.Navigate(base+"/hoi-nghi/"+itoa(sd.conf.ID)), chromedp.WaitVisible(chromedp.CSS("h1")))
		if err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("a.mt-draft").length`))
		if err != nil {
			t.Fatal(err)
		}
		browsertest.Screenshot(t, ctx, shots, "draft-links-"+v.name)
		if n != 3 {
			t.Errorf("%s: %d draft links, want 3", v.name, n)
		}
		if o := browsertest.Overflow(t, ctx); o > 0 {
			t.Errorf("%s: the conference page overflows by %dpx", v.name, o)
		}
	}
}
