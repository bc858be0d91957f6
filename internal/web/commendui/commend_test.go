package commendui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/upload/uploadtest"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// newSite is the test site with an officer and a leader of Lạng Sơn's
// board, an officer of the commune of Chi Lăng and an officer of Sóc
// Trăng, and one decision of Lạng Sơn to the commune of Chi Lăng.
func newSite(t *testing.T, d *db.DB) (*webtest.Site, commendation.Decision) {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("leader.langson", auth.RoleLeader, u.LangSon.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)
	store := commendation.NewStore(d, s.Org, s.Auth)
	dec, _, err := store.Create(context.Background(), s.Principal("officer.langson"), commendation.Decision{
		UnitID: u.LangSon.ID, Number: "812-QĐ/BDVTU", SignedOn: s.Now().AddDate(0, -1, 0), Signer: "Đoàn Thị Hậu", Form: commendation.Merit, Period: "2025",
		Recipients: []commendation.Recipient{{Kind: commendation.UnitKind, UnitID: u.NewChiLang.ID, Achievement: "Dẫn đầu phong trào “Dân vận khéo” năm 2025"}},
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	return s, dec
}

// propose sends a proposal from the commune of Chi Lăng to Lạng Sơn.
func propose(t *testing.T, s *webtest.Site) commendation.Proposal {
	t.Helper()
	store := commendation.NewStore(s.DB, s.Org, s.Auth)
	pr, err := store.Propose(context.Background(), s.Principal("officer.chilang"), commendation.Proposal{UnitID: s.Units.NewChiLang.ID, ToUnitID: s.Units.LangSon.ID,
		Form: commendation.Merit, Period: "2025", Reason: "Thành tích xuất sắc trong vận động hiến đất",
		Recipients: []commendation.Recipient{{Kind: commendation.Collective, Name: "Chi hội Phụ nữ thôn Bản Dăm", Achievement: "Vận động hiến 2.000 m² đất"}}})
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func TestProposalSentAndApproved(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := newSite(t, d)
		commune := s.As("officer.chilang")
		// The commune's form offers the units above it; a refused form keeps what was typed.
		doc := webtest.Doc(t, commune.Get("/khen-thuong/de-nghi/moi"))
		if doc.Find(`#to option[value="`+itoa(s.Units.LangSon.ID)+`"]`).Length() != 1 {
			t.Fatalf("the province is not offered: %s", doc.Find("main").Text())
		}
		form := url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "to": {itoa(s.Units.LangSon.ID)}, "form": {"bang_khen"}, "period": {"2025"},
			"reason": {"Thành tích xuất sắc"}, "r.0.kind": {"collective"}, "r.0.name": {"Chi hội Phụ nữ thôn Bản Dăm"}, "r.0.achievement": {""}}
		res := commune.Post("/khen-thuong/de-nghi/moi", form)
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || doc.Find("#reason").Text() != "Thành tích xuất sắc" {
			t.Fatalf("a recipient without achievement: %d", res.StatusCode)
		}
		form.Set("r.0.achievement", "Vận động hiến 2.000 m² đất")
		res = commune.Post("/khen-thuong/de-nghi/moi", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("propose: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		where := res.Header.Get("Location")
		// The province's officer sees it but may not decide; its leader does.
		if doc := webtest.Doc(t, s.As("officer.langson").Get(where)); doc.Find(`form[action$="/duyet"]`).Length() != 0 {
			t.Error("an officer is offered the decision")
		}
		leader := s.As("leader.langson")
		doc = webtest.Doc(t, leader.Get("/khen-thuong/de-nghi?don_vi="+itoa(s.Units.LangSon.ID)))
		if !strings.Contains(doc.Find("#gui-den").Text(), "Bằng khen") {
			t.Errorf("incoming list: %s", doc.Find("main").Text())
		}
		pr := propose(t, s) // a second, rejected below
		decide := url.Values{"version": {"1"}, "number": {"900-QĐ/TU"}, "signed_on": {s.Now().Format("02/01/2006")}, "signer": {"Đoàn Thị Hậu"}}
		res = leader.Post(where+"/duyet", decide)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/khen-thuong/") {
			t.Fatalf("approve: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, leader.Get(res.Header.Get("Location")))
		if !strings.Contains(doc.Find("#nguoi-duoc-khen").Text(), "Chi hội Phụ nữ thôn Bản Dăm") {
			t.Errorf("the decision: %s", doc.Find("main").Text())
		}
		path := "/khen-thuong/de-nghi/" + itoa(pr.ID)
		if res := leader.Post(path+"/tu-choi", url.Values{"version": {"1"}, "note": {""}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("reject without a reason: %d", res.StatusCode)
		}
		if res := leader.Post(path+"/tu-choi", url.Values{"version": {"1"}, "note": {"Trùng với đề nghị đã duyệt"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("reject: %d", res.StatusCode)
		}
		if doc := webtest.Doc(t, commune.Get(path)); !strings.Contains(doc.Find("#trang-thai").Text(), "Trùng với đề nghị đã duyệt") {
			t.Errorf("the commune reads the answer: %s", doc.Find("#trang-thai").Text())
		}
	})
}

func TestRecordDuplicateConfirmAndRevoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dec := newSite(t, d)
		c := s.As("officer.langson")
		// The register lists the decision, and finds it without diacritics.
		doc := webtest.Doc(t, c.Get("/khen-thuong?q=dan+van+kheo"))
		if !strings.Contains(doc.Find("ul.card").Text(), "812-QĐ/BDVTU") {
			t.Fatalf("register: %s", doc.Find("main").Text())
		}
		form := url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "number": {"813-QĐ/BDVTU"}, "signed_on": {"abc"}, "signer": {"Đoàn Thị Hậu"},
			"form": {"bang_khen"}, "period": {"2025"},
			"r.0.kind": {"unit"}, "r.0.unit": {itoa(s.Units.NewChiLang.ID)}, "r.0.achievement": {"Dẫn đầu phong trào “Dân vận khéo” năm 2025"},
			"r.1.kind": {"household"}, "r.1.name": {"Hộ ông Lương Văn Tư"}, "r.1.achievement": {"Hiến đất làm đường"}}
		// A day that is no day: refused, what was typed is kept.
		before := s.Snapshot()
		res := c.Post("/khen-thuong/moi", form)
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusBadRequest {
			t.Errorf("bad day: %d", res.StatusCode)
		}
		if v, _ := doc.Find(`input[name="r.1.name"]`).Attr("value"); v != "Hộ ông Lương Văn Tư" {
			t.Errorf("typed name lost: %q", v)
		}
		// A right day: the commune was commended for the same achievement,
		// so the form comes back with the earlier decision and a checkbox.
		form.Set("signed_on", org.Date(2026, 1, 2).Format("02/01/2006"))
		res = c.Post("/khen-thuong/moi", form)
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusConflict || !strings.Contains(doc.Find("#trung-lap").Text(), "812-QĐ/BDVTU") {
			t.Fatalf("duplicate: %d %s", res.StatusCode, doc.Find("main").Text())
		}
		s.Unchanged("refused forms", before)
		form.Set("confirm", "1")
		res = c.Post("/khen-thuong/moi", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("confirmed: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		where := res.Header.Get("Location")
		doc = webtest.Doc(t, c.Get(where))
		if got := doc.Find("#nguoi-duoc-khen li").Length(); got != 2 {
			t.Errorf("recipients shown: %d", got)
		}
		// Revoking asks for the confirmation first.
		revoke := url.Values{"version": {itoa(dec.Version)}, "reason": {"Kê khai không trung thực"}, "revoked_on": {s.Now().Format("02/01/2006")}}
		res = c.Post("/khen-thuong/"+itoa(dec.ID)+"/thu-hoi", revoke)
		if body := webtest.Body(t, res); res.StatusCode == http.StatusSeeOther || !strings.Contains(body, "Kê khai không trung thực") {
			t.Errorf("revoke without confirming: %d", res.StatusCode)
		}
		revoke.Set("confirm", "1")
		if res := c.Post("/khen-thuong/"+itoa(dec.ID)+"/thu-hoi", revoke); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, c.Get("/khen-thuong/"+itoa(dec.ID)))
		if !strings.Contains(doc.Find("#da-thu-hoi").Text(), "Kê khai không trung thực") {
			t.Errorf("revoked page: %s", doc.Find("main").Text())
		}
		// In English the page speaks English.
		doc = webtest.Doc(t, c.Get("/khen-thuong?lang=en"))
		if left := webtest.VietnameseLeft(doc, append(s.DataNames(), "812-QĐ/BDVTU", "813-QĐ/BDVTU")...); len(left) > 0 {
			t.Errorf("Vietnamese left on the English register: %v", left)
		}
		for _, path := range []string{"/khen-thuong/moi", where, "/khen-thuong/de-nghi", "/khen-thuong/de-nghi/moi"} {
			doc = webtest.Doc(t, c.Get(path))
			if left := webtest.VietnameseLeft(doc, append(s.DataNames(), "813-QĐ/BDVTU", "Đoàn Thị Hậu", "Hộ ông Lương Văn Tư", "Hiến đất làm đường",
				"Dẫn đầu phong trào “Dân vận khéo” năm 2025")...); len(left) > 0 {
				t.Errorf("Vietnamese left on the English page %s: %v", path, left)
			}
		}
	})
}

// TestEveryRouteOutOfScope walks every route of the feature, pages and
// API, as a visitor and as Sóc Trăng's officer and leader aimed at Lạng
// Sơn's decision, proposal and commune: each is refused or shows nothing
// of them, and nothing is written.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dec := newSite(t, d)
		id, prop, ls, cl := itoa(dec.ID), itoa(propose(t, s).ID), itoa(s.Units.LangSon.ID), itoa(s.Units.NewChiLang.ID)
		decision := []string{"id", id}
		probes := map[string][]webtest.Probe{
			"GET /khen-thuong":     {{Query: "don_vi=" + ls}},
			"GET /khen-thuong/moi": {{Query: "don_vi=" + ls}},
			"POST /khen-thuong/moi": {{Form: url.Values{"unit": {ls}, "number": {"1-QĐ"}, "signed_on": {"01/01/2026"}, "signer": {"A"}, "form": {"giay_khen"}, "r.0.kind": {"collective"}, "r.0.name": {"Tổ"}, "r.0.achievement": {"x"}}},
				{Form: url.Values{"unit": {ls}, "action": {"read"}}, File: &webtest.File{Field: "list", Name: "ds.xlsx", Data: uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích"}, {"Tổ", "x"}})}}},
			"GET /khen-thuong/{id}":          {{Values: decision}},
			"POST /khen-thuong/{id}/thu-hoi": {{Values: decision, Form: url.Values{"version": {itoa(dec.Version)}, "reason": {"x"}, "revoked_on": {"01/01/2026"}, "confirm": {"1"}}}},
			"GET /khen-thuong/de-nghi":       {{Query: "don_vi=" + ls}},
			"GET /khen-thuong/de-nghi/moi":   {{Query: "don_vi=" + cl}},
			"POST /khen-thuong/de-nghi/moi": {{Form: url.Values{"unit": {cl}, "to": {ls}, "form": {"bang_khen"},
				"r.0.kind": {"collective"}, "r.0.name": {"Tổ"}, "r.0.achievement": {"x"}}}},
			"GET /khen-thuong/de-nghi/{id}":          {{Values: []string{"id", prop}}},
			"POST /khen-thuong/de-nghi/{id}/duyet":   {{Values: []string{"id", prop}, Form: url.Values{"version": {"1"}, "number": {"1-QĐ"}, "signed_on": {"01/01/2026"}, "signer": {"A"}, "confirm": {"1"}}}},
			"POST /khen-thuong/de-nghi/{id}/tu-choi": {{Values: []string{"id", prop}, Form: url.Values{"version": {"1"}, "note": {"không"}}}},
			"GET /api/v1/commendations":              {{Query: "unit=" + ls}, {Query: "q=dan+van+kheo"}},
			"POST /api/v1/commendations": {{JSON: map[string]any{"unit_id": s.Units.LangSon.ID, "number": "1-QĐ", "signed_on": "2026-01-01", "signer": "A", "form": "giay_khen",
				"recipients": []map[string]any{{"kind": "collective", "name": "Tổ", "achievement": "x"}}}}},
			"GET /api/v1/commendations/{id}":         {{Values: decision}},
			"POST /api/v1/commendations/{id}/revoke": {{Values: decision, JSON: map[string]any{"version": 1, "reason": "x", "revoked_on": "2026-01-01"}}},
			"GET /api/v1/people/{id}/commendations":  {{Values: []string{"id", itoa(addPerson(t, s, s.Units.LangSon.ID, "Hoàng Văn Thụ"))}}},
			"GET /api/v1/units/{id}/commendations":   {{Values: []string{"id", cl}}},
		}
		var routes []string
		for _, r := range s.Routes("/khen-thuong", "/api/v1/commendations", "/api/v1/people", "/api/v1/units") {
			if strings.HasPrefix(r, "GET /khen") || strings.HasPrefix(r, "POST /khen") || strings.HasSuffix(r, "commendations") || strings.Contains(r, "/commendations/") {
				routes = append(routes, r)
			}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"", "officer.soctrang", "leader.soctrang"},
			Secrets: []string{"812-QĐ/BDVTU", "Đoàn Thị Hậu", "Dân vận khéo", "Chi hội Phụ nữ thôn Bản Dăm", "hiến đất", "Hoàng Văn Thụ"},
			Skip:    []string{"sessions", "api_tokens", "audit_log"}})
	})
}

// A unit's page and a person's page list their commendations to whoever
// may read them; the public and a reader of another province see none.
func TestAwardsOnUnitAndPersonPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := newSite(t, d)
		ctx := context.Background()
		pid := addPerson(t, s, s.Units.LangSon.ID, "Hoàng Văn Thụ")
		store := commendation.NewStore(d, s.Org, s.Auth)
		if _, _, err := store.Create(ctx, s.Principal("officer.langson"), commendation.Decision{
			UnitID: s.Units.LangSon.ID, Number: "820-QĐ/BDVTU", SignedOn: s.Now().AddDate(0, 0, -3), Signer: "Đoàn Thị Hậu", Form: commendation.Certificate, Period: "2025",
			Recipients: []commendation.Recipient{{Kind: commendation.Person, PersonID: pid, Achievement: "Hòa giải thành công 12 vụ việc"}},
		}, false); err != nil {
			t.Fatal(err)
		}
		unitPage := "/don-vi/" + itoa(s.Units.NewChiLang.ID)
		if got := webtest.Doc(t, s.As("officer.chilang").Get(unitPage)).Find("#khen-thuong + ul").Text(); !strings.Contains(got, "Dẫn đầu phong trào") || !strings.Contains(got, "812-QĐ/BDVTU") {
			t.Errorf("the commune's own page: %q", got)
		}
		for name, who := range map[string]*webtest.Client{"a visitor": s.Anon(), "Sóc Trăng's officer": s.As("officer.soctrang")} {
			doc := webtest.Doc(t, who.Get(unitPage))
			if doc.Find("#khen-thuong").Length() != 0 || strings.Contains(doc.Text(), "812-QĐ/BDVTU") {
				t.Errorf("%s sees the commune's commendations", name)
			}
		}
		personPage := "/nguoi/" + itoa(pid)
		if got := webtest.Doc(t, s.As("leader.langson").Get(personPage)).Find("#khen-thuong + ul").Text(); !strings.Contains(got, "Hòa giải thành công 12 vụ việc") || !strings.Contains(got, "Giấy khen") {
			t.Errorf("the person's page: %q", got)
		}
		if res := s.As("officer.soctrang").Get(personPage); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
			t.Errorf("another province opens the person: %d", res.StatusCode)
		}
	})
}

// A list in Excel fills the recipient rows of the form, matched to the
// units below the issuer; a list with a bad cell is refused by cell with
// the typed fields kept; nothing is recorded until the user saves.
func TestReadListIntoForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := newSite(t, d)
		c := s.As("officer.langson")
		fields := map[string]string{"unit": itoa(s.Units.LangSon.ID), "number": "830-QĐ/BDVTU", "signed_on": "20/12/2025",
			"signer": "Đoàn Thị Hậu", "form": "giay_khen", "period": "2025", "action": "read"}
		list := uploadtest.Table(t, [][]any{{"STT", "Họ và tên, tên tập thể", "Thành tích"},
			{1, s.Units.NewChiLang.Name, "Dẫn đầu khối thi đua"}, {2, "Tổ hòa giải thôn Bản Dăm", "Hòa giải thành 9 vụ việc"}})
		before := s.Count("commendation_decisions")
		res := c.PostMultipart("/khen-thuong/moi", fields, webtest.File{Field: "list", Name: "danh-sach.xlsx", Data: list})
		doc := webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("#da-doc").Text(), "2 dòng") {
			t.Fatalf("read: %d %s", res.StatusCode, doc.Find("main").Text())
		}
		if v, _ := doc.Find("#r0unit option[selected]").Attr("value"); v != itoa(s.Units.NewChiLang.ID) {
			t.Errorf("the commune is not matched: %q", v)
		}
		if v, _ := doc.Find("#r1name").Attr("value"); v != "Tổ hòa giải thôn Bản Dăm" {
			t.Errorf("second row: %q", v)
		}
		if v, _ := doc.Find("#number").Attr("value"); v != "830-QĐ/BDVTU" {
			t.Errorf("the number typed is lost: %q", v)
		}
		if s.Count("commendation_decisions") != before {
			t.Error("reading a list recorded a decision")
		}
		bad := uploadtest.Table(t, [][]any{{"Họ và tên", "Thành tích", "Loại"}, {"Lý Thị Mai", "", "Cá nhân"}})
		res = c.PostMultipart("/khen-thuong/moi", fields, webtest.File{Field: "list", Name: "sai.xlsx", Data: bad})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(doc.Find("#loi-danh-sach").Text(), "Ô B2") {
			t.Errorf("a bad list: %d %s", res.StatusCode, doc.Find("main").Text())
		}
		if v, _ := doc.Find("#signer").Attr("value"); v != "Đoàn Thị Hậu" {
			t.Errorf("the signer typed is lost: %q", v)
		}
		// The browser refuses a list larger than the reader takes before
		// sending it (a phone on a slow line), with the limit in words.
		if v, _ := doc.Find("#list").Attr("data-max"); v != strconv.Itoa(commendation.MaxListFile) {
			t.Errorf("the list input's data-max is %q, want %d", v, commendation.MaxListFile)
		}
		if msg := doc.Find("#danh-sach [data-too-big]").Text(); !strings.Contains(msg, "2 MB") {
			t.Errorf("the too-large message: %q", msg)
		}
	})
}

// addPerson adds a person to unit's directory, as a conference would.
func addPerson(t *testing.T, s *webtest.Site, unit int64, name string) int64 {
	t.Helper()
	var id int64
	err := s.DB.WithTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = tx.InsertID(context.Background(), `INSERT INTO meeting_people (unit_id, name, name_fold, sort_key, created_at) VALUES (?, ?, ?, ?, ?)`,
			unit, name, vntext.Fold(name), db.SortKey(name), db.Stamp(tx.Now()))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A decision's page links to drafting it as a Party-format decision: the
// draft names the award and the count of recipients, and lists them in
// its appendix; another province's officer cannot draft it.
func TestDraftDecisionDocument(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dec := newSite(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
		if _, err := document.NewStore(d, s.Org, s.Auth, s.Files, document.DefaultSettings()).SetIssuer(ctx, auth.System(), document.Issuer{
			UnitID: s.Units.LangSon.ID, From: s.Units.LangSon.ValidFrom, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"}); err != nil {
			t.Fatal(err)
		}
		c := s.As("officer.langson")
		link, ok := webtest.Doc(t, c.Get("/khen-thuong/"+itoa(dec.ID))).Find("#soan-van-ban").Attr("href")
		if !ok {
			t.Fatal("no link to draft the decision")
		}
		res := c.Get(link)
		doc := webtest.Doc(t, res)
		preview := doc.Find("#doc-preview").Text()
		if res.StatusCode != http.StatusOK || !strings.Contains(preview, "Về việc tặng Bằng khen") || !strings.Contains(preview, "QUYẾT ĐỊNH:") ||
			!strings.Contains(preview, "1 tập thể") || !strings.Contains(preview, "Dẫn đầu phong trào") || !strings.Contains(preview, "812-QĐ/BDVTU") {
			t.Fatalf("draft: %d\n%s", res.StatusCode, preview)
		}
		if v, _ := doc.Find(`#draft-form input[name=ban-ghi]`).Attr("value"); v != itoa(dec.ID) {
			t.Errorf("the draft form does not carry the decision: %q", v)
		}
		form := url.Values{}
		doc.Find("#draft-form input, #draft-form textarea, #draft-form select").Each(func(_ int, sel *goquery.Selection) {
			name, _ := sel.Attr("name")
			val, _ := sel.Attr("value")
			if goquery.NodeName(sel) == "textarea" {
				val = sel.Text()
			}
			if goquery.NodeName(sel) == "select" {
				val, _ = sel.Find("option[selected]").Attr("value")
			}
			if name != "" && name != "csrf" {
				form.Set(name, val)
			}
		})
		form.Set("action", "docx")
		if res := c.Post("/van-ban/soan", form); res.StatusCode != http.StatusOK || !strings.HasPrefix(webtest.Body(t, res), "PK") {
			t.Errorf("the decision as DOCX: %d", res.StatusCode)
		}
		form.Set("action", "ban-hanh")
		res = c.Post("/van-ban/soan", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("issue: %d %s", res.StatusCode, webtest.Doc(t, res).Find(".notice, .field-error").Text())
		}
		if n := webtest.Doc(t, c.Get(res.Header.Get("Location"))).Find("#doc-number").Text(); n != "01-QĐ/BDVTU" {
			t.Errorf("issued as %q", n)
		}
		res = s.As("officer.soctrang").Get(link)
		if body := webtest.Body(t, res); res.StatusCode == http.StatusOK && strings.Contains(body, "812-QĐ/BDVTU") {
			t.Error("another province drafts Lạng Sơn's decision")
		}
	})
}
