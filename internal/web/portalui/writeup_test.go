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
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestWriteUp: "Viết tin" opens the new-article form prefilled from a
// conference; saving it makes a draft about that conference. Nobody
// outside the site's unit, nor anyone who may not read the conference,
// gets the form; nothing is written by opening it.
func TestWriteUp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ms := meeting.NewStore(d, w.Org, w.Auth)
		conf := func(unit int64, leader string) meeting.Conference {
			c, err := ms.Create(w.ctx, w.Principal(leader), meeting.Conference{UnitID: unit, Kind: meeting.SoKet,
				Title: "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026", HeldOn: org.Date(2026, 7, 15), TimeOfDay: "sáng",
				Period: "2026S1", Place: "Hội trường Tỉnh ủy",
				Participants: []meeting.Participant{{Name: "Hoàng Văn Kiên", Title: "Phó Bí thư Thường trực Tỉnh ủy", Role: meeting.Chair},
					{Name: "Lương Thị Mai", Title: "Phó Chủ tịch Ủy ban MTTQ tỉnh", Role: meeting.Attendee}},
				Figures: []meeting.Figure{{Value: 5112, Unit: "hộ", About: "tham gia mô hình"}},
				Tasks:   []meeting.Task{{Title: "Đẩy mạnh phong trào thi đua “Dân vận khéo”", Period: "2026S2", Status: meeting.Open, Owners: []int64{unit}}}})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		ls := conf(w.Units.LangSon.ID, "officer.ls")
		st := conf(w.Units.SocTrang.ID, "officer.st")
		path := func(c meeting.Conference) string { return w.siteSlash + "/viet-tin/" + strconv.FormatInt(c.ID, 10) }

		w.AddUser("viewer.ls", auth.RoleViewer, w.Units.LangSon.ID)
		clients := map[string]*webtest.Client{}
		for _, who := range []string{"officer.ls", "officer.st", "leader.st", "viewer.ls"} {
			clients[who] = w.As(who) // signed in before the snapshot
		}
		before := w.Snapshot("sessions")
		officer := clients["officer.ls"]
		doc := webtest.Doc(t, officer.Get(path(ls)))
		if h, _ := doc.Find("#headline").Attr("value"); h != ls.Title {
			t.Fatalf("headline %q", h)
		}
		body := doc.Find("#body").Text()
		for _, want := range []string{"Đồng chí Hoàng Văn Kiên - Phó Bí thư Thường trực Tỉnh ủy", "5.112 hộ tham gia mô hình", "Dân vận khéo"} {
			if !strings.Contains(body, want) {
				t.Fatalf("the draft lacks %q:\n%s", want, body)
			}
		}
		if v, _ := doc.Find(`input[name="record_id"]`).Attr("value"); v != strconv.FormatInt(ls.ID, 10) {
			t.Fatalf("record_id %q", v)
		}
		// Out of scope: another unit's officer and leader, a viewer, the
		// site's officer on a conference of another unit, a visitor.
		for _, c := range []struct {
			who  string
			conf meeting.Conference
		}{{"officer.st", ls}, {"leader.st", ls}, {"viewer.ls", ls}, {"officer.ls", st}} {
			if res := clients[c.who].Get(path(c.conf)); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s on conference %d: %d", c.who, c.conf.ID, res.StatusCode)
			}
		}
		if res := w.Anon().Get(path(ls)); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("visitor: %d", res.StatusCode)
		}
		w.Unchanged("opening the write-up", before, "sessions")

		// Saving the form makes a draft about the conference.
		form := url.Values{"category": {"news"}, "record_kind": {"conference"}, "record_id": {strconv.FormatInt(ls.ID, 10)}}
		h, _ := doc.Find("#headline").Attr("value")
		lead := doc.Find("#lead").Text()
		form.Set("headline", h)
		form.Set("lead", lead)
		form.Set("body", body)
		form.Set("tags", doc.Find("#tags").AttrOr("value", ""))
		res := officer.Post(w.siteSlash+"/bai-moi", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		items, _, err := w.store.Articles(w.ctx, w.officer, w.site.ID, portal.Filter{Search: "Hoàng Văn Kiên"})
		if err != nil || len(items) != 1 || items[0].RecordKind != portal.RecordConference || items[0].RecordID != ls.ID || items[0].Status != portal.Draft {
			t.Fatalf("saved: %v %+v", err, items)
		}
	})
}
