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
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestListedDocuments: a leader lists a document the unit issued; the
// site shows its number, date, type, summary and issuer, and serves its
// PDF to anyone; nobody else may list or unlist, a document of another
// unit is refused, and unlisting asks for confirmation.
func TestListedDocuments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ds := document.NewStore(d, w.Org, w.Auth, w.Files, document.DefaultSettings())
		admin := w.Principal("admin")
		issue := func(unit int64, place, summary string) document.Record {
			if _, err := ds.SetIssuer(w.ctx, admin, document.Issuer{UnitID: unit, From: fixture.Start, Code: "BDVTU", Name: "Ban Dân vận",
				Superior: "Tỉnh ủy " + place, Place: place}); err != nil {
				t.Fatal(err)
			}
			rec, err := ds.Issue(w.ctx, admin, document.Draft{UnitID: unit, Type: document.Report, Summary: summary,
				Body: []document.Block{document.Text("Nội dung " + summary)}, Recipients: []string{"Lưu VP"},
				Signature: document.Signature{Mode: document.SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Hoàng Thị Lan"}})
			if err != nil {
				t.Fatal(err)
			}
			return rec
		}
		ls := issue(w.Units.LangSon.ID, "Lạng Sơn", "Sơ kết công tác dân vận 6 tháng đầu năm 2026")
		st := issue(w.Units.SocTrang.ID, "Sóc Trăng", "Báo cáo của tỉnh khác")
		w.AddUser("viewer.ls", auth.RoleViewer, w.Units.LangSon.ID)
		clients := map[string]*webtest.Client{}
		for _, who := range []string{"leader.ls", "officer.ls", "viewer.ls", "officer.st", "leader.st"} {
			clients[who] = w.As(who)
		}
		list := w.siteSlash + "/van-ban"
		idOf := func(r document.Record) url.Values { return url.Values{"document": {strconv.FormatInt(r.ID, 10)}} }

		before := w.Snapshot("sessions")
		for _, who := range []string{"officer.ls", "viewer.ls", "officer.st", "leader.st"} {
			if res := clients[who].Post(list, idOf(ls)); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s lists: %d", who, res.StatusCode)
			}
		}
		if res := w.Anon().Get(list); res.StatusCode != http.StatusSeeOther {
			t.Errorf("visitor on the editors' page: %d", res.StatusCode)
		}
		leader := clients["leader.ls"]
		if res := leader.Post(list, idOf(st)); res.StatusCode == http.StatusSeeOther {
			t.Error("another unit's document is listed")
		}
		w.Unchanged("refused listings", before, "sessions")

		if res := leader.Post(list, idOf(ls)); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("list: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		page := webtest.Doc(t, w.Anon().Get("/trang/lang-son/van-ban"))
		row := page.Find("table.results tbody tr")
		if row.Length() != 1 || !strings.Contains(row.Text(), ls.Number) || !strings.Contains(row.Text(), ls.Summary) ||
			!strings.Contains(row.Text(), "Báo cáo") {
			t.Fatalf("the list shows %q", row.Text())
		}
		href, _ := row.Find("a").Attr("href")
		res := w.Anon().Get(href)
		if b := webtest.Body(t, res); res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(b, "%PDF") {
			t.Fatalf("file: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if res := w.Anon().Get("/trang/lang-son/van-ban/" + strconv.FormatInt(st.ID, 10) + "/tep"); res.StatusCode != http.StatusNotFound {
			t.Fatalf("an unlisted document's file: %d", res.StatusCode)
		}
		unlist := list + "/" + strconv.FormatInt(ls.ID, 10) + "/go"
		if res := clients["officer.ls"].Post(unlist, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("officer unlists: %d", res.StatusCode)
		}
		if res := leader.Post(unlist, url.Values{}); res.StatusCode == http.StatusSeeOther {
			t.Fatal("unlisted without confirmation")
		}
		if res := leader.Post(unlist, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("unlist: %d", res.StatusCode)
		}
		if res := w.Anon().Get(href); res.StatusCode != http.StatusNotFound {
			t.Fatalf("an unlisted file: %d", res.StatusCode)
		}
	})
}
