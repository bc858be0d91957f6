package portalui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPollPages: a leader opens a poll from the editors' page; a reader
// sees the form, votes once, then sees the results; the same browser
// cannot vote again; another browser sees the form until the poll is
// closed, then the results. An option written as markup stays text.
func TestPollPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader := w.As("leader.ls")
		res := leader.Post(w.siteSlash+"/tham-do", url.Values{"question": {"Bạn biết mô hình “Dân vận khéo” qua đâu?"},
			"options": {"Báo chí\nCán bộ cơ sở\n<script>alert(1)</script>"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("open: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		// A refused form keeps what was typed.
		res = leader.Post(w.siteSlash+"/tham-do", url.Values{"question": {"Câu hỏi giữ lại"}, "options": {"Chỉ một"}})
		if b := webtest.Body(t, res); res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusBadRequest || !strings.Contains(b, "Câu hỏi giữ lại") {
			t.Fatalf("one option: %d", res.StatusCode)
		}
		polls, err := w.store.Polls(w.ctx, w.leader, w.site.ID)
		if err != nil || len(polls) != 1 {
			t.Fatalf("polls: %v %d", err, len(polls))
		}
		pl := polls[0]
		path := "/trang/lang-son/tham-do/" + strconv.FormatInt(pl.ID, 10)

		list := webtest.Doc(t, w.Anon().Get("/trang/lang-son/tham-do"))
		if list.Find(`a[href="`+path+`"]`).Length() != 1 {
			t.Fatal("the list does not link the poll")
		}
		reader := w.Anon()
		doc := webtest.Doc(t, reader.Get(path))
		if doc.Find(`input[type=radio][name=option]`).Length() != 3 || doc.Find("table.results").Length() != 0 {
			t.Fatal("a new reader does not get the form alone")
		}
		if doc.Find("script").Length() != 0 || !strings.Contains(doc.Find("form").Text(), "<script>alert(1)</script>") {
			t.Fatal("an option's markup is not shown as text")
		}
		if reader.Cookie("danvan_voter") == "" {
			t.Fatal("no voter cookie")
		}
		vote := func(c *webtest.Client, opt portal.PollOption) *http.Response {
			return c.Post(path, url.Values{"option": {strconv.FormatInt(opt.ID, 10)}})
		}
		if res := vote(reader, pl.Options[1]); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("vote: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, reader.Get(path))
		if doc.Find("table.results tbody tr").Length() != 3 || doc.Find("form input[type=radio]").Length() != 0 ||
			!strings.Contains(doc.Find("table.results").Text(), "100%") {
			t.Fatal("the voter does not see the results")
		}
		if res := vote(reader, pl.Options[0]); res.StatusCode != http.StatusConflict {
			t.Fatalf("second vote: %d", res.StatusCode)
		}
		other := w.Anon()
		other.Addr = "192.0.2.77:4000"
		if webtest.Doc(t, other.Get(path)).Find("table.results").Length() != 0 {
			t.Fatal("a browser that has not voted sees the results of an open poll")
		}
		// Closing asks for confirmation, then everyone sees the results.
		closePath := w.siteSlash + "/tham-do/" + strconv.FormatInt(pl.ID, 10) + "/dong"
		if res := leader.Post(closePath, url.Values{}); res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusBadRequest {
			t.Fatalf("close without confirming: %d", res.StatusCode)
		}
		if res := leader.Post(closePath, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("close: %d", res.StatusCode)
		}
		if webtest.Doc(t, other.Get(path)).Find("table.results").Length() != 1 {
			t.Fatal("a closed poll's results are not shown")
		}
		if res := vote(other, pl.Options[0]); res.StatusCode == http.StatusSeeOther {
			t.Fatal("a vote on a closed poll is taken")
		}
		got, _ := w.store.PublicPoll(w.ctx, w.site.ID, pl.ID)
		if got.Total != 1 || got.Options[1].Votes != 1 {
			t.Fatalf("counts %+v", got)
		}
	})
}

// TestPollOutOfScope: the editors' poll pages refuse other units'
// officers and leaders, the site's officer and viewer (open, close), and
// visitors; nothing is written.
func TestPollOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		pl, err := w.store.CreatePoll(w.ctx, w.leader, w.site.ID, portal.PollInput{Question: "Câu hỏi?", Options: "Có\nKhông"})
		if err != nil {
			t.Fatal(err)
		}
		w.AddUser("viewer.ls", auth.RoleViewer, w.Units.LangSon.ID)
		clients := map[string]*webtest.Client{}
		for _, who := range []string{"officer.ls", "viewer.ls", "officer.st", "leader.st"} {
			clients[who] = w.As(who)
		}
		if _, err := w.store.CreateSite(w.ctx, w.Principal("admin"), portal.SiteInput{UnitID: w.Units.SocTrang.ID, Slug: "soc-trang", Name: "Trang Sóc Trăng"}); err != nil {
			t.Fatal(err)
		}
		list := w.siteSlash + "/tham-do"
		closePath := list + "/" + strconv.FormatInt(pl.ID, 10) + "/dong"
		open := url.Values{"question": {"Khác?"}, "options": {"A\nB"}}
		before := w.Snapshot("sessions")
		for who, c := range clients {
			if res := c.Post(list, open); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s opens a poll: %d", who, res.StatusCode)
			}
			if res := c.Post(closePath, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s closes a poll: %d", who, res.StatusCode)
			}
			want := http.StatusOK
			if strings.HasSuffix(who, ".st") {
				want = http.StatusNotFound
			}
			if res := c.Get(list); res.StatusCode != want && !(want == http.StatusNotFound && res.StatusCode == http.StatusForbidden) {
				t.Errorf("%s reads the poll list: %d", who, res.StatusCode)
			}
		}
		anon := w.Anon()
		if res := anon.Get(list); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("visitor: %d", res.StatusCode)
		}
		// A poll is read only through its own site.
		if res := anon.Get("/trang/soc-trang/tham-do/" + strconv.FormatInt(pl.ID, 10)); res.StatusCode != http.StatusNotFound {
			t.Errorf("a poll through another site: %d", res.StatusCode)
		}
		w.Unchanged("out-of-scope poll requests", before, "sessions")
	})
}
