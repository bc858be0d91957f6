package committeeui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

var volatile = []string{"sessions", "api_tokens"}

type seed struct {
	c      committee.Committee
	term   committee.Term
	confID int64
}

// newSite is the test site with officers of Lạng Sơn's board and of the
// commune of Chi Lăng, and Sóc Trăng's officer and leader; Lạng Sơn has a
// QCDC committee whose head has sat since 2021, and a conference.
func newSite(t *testing.T, d *db.DB) (*webtest.Site, seed) {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)
	ctx := context.Background()
	m := meeting.NewStore(d, s.Org, s.Auth)
	store := committee.NewStore(d, s.Org, s.Auth, m)
	board := s.Principal("officer.langson")
	c, err := store.Create(ctx, board, committee.Committee{UnitID: u.LangSon.ID, Name: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Lạng Sơn",
		Purpose: committee.QCDC, EstablishedOn: org.Date(2021, 3, 1), DecisionNo: "88-QĐ/TU"})
	if err != nil {
		t.Fatal(err)
	}
	term, err := store.AddMember(ctx, board, c.ID, committee.Term{Name: "Hoàng Văn Nghiệm", Title: "Phó Bí thư Thường trực Tỉnh ủy", UnitID: u.LangSon.ID,
		Role: committee.Head, From: org.Date(2021, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	conf, err := m.Create(ctx, board, meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.ChuyenDe, Title: "Hội nghị Ban Chỉ đạo QCDC tỉnh năm 2025", HeldOn: org.Date(2025, 12, 20)})
	if err != nil {
		t.Fatal(err)
	}
	return s, seed{c: c, term: term, confID: conf.ID}
}

// TestCommitteeThroughThePages: members added, a head replaced, and the
// page asked for a past day shows who sat then; a meeting, a decision
// and the year's report.
func TestCommitteeThroughThePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, sd := newSite(t, d)
		u := s.Units
		board := s.As("officer.langson")
		path := "/ban-chi-dao/" + itoa(sd.c.ID)
		// A second head at the same time is refused and the form keeps what was typed.
		res := board.Post(path+"/thanh-vien", url.Values{"name": {"Đoàn Thị Hậu"}, "unit": {itoa(u.LangSon.ID)}, "role": {"head"}, "from": {"01/01/2024"}})
		doc := webtest.Doc(t, res)
		if res.StatusCode != http.StatusConflict || doc.Find("#m-name").AttrOr("value", "") != "Đoàn Thị Hậu" {
			t.Fatalf("two heads: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		if res := board.Post(path+"/thanh-vien", url.Values{"name": {"Đoàn Thị Hậu"}, "unit": {itoa(u.LangSon.ID)}, "role": {"deputy"}, "from": {"01/03/2021"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add a deputy: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if res := board.Post(path+"/thanh-vien/"+itoa(sd.term.ID)+"/thoi", url.Values{"until": {"31/12/2023"}, "reason": {"Nghỉ hưu"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("end the head's term: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if res := board.Post(path+"/thanh-vien", url.Values{"name": {"Lương Thị Mai"}, "unit": {itoa(u.LangSonWomen.ID)}, "role": {"member"}, "from": {"01/01/2024"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add a member: %d", res.StatusCode)
		}
		doc = webtest.Doc(t, board.Get(path+"?ngay=01/06/2022"))
		if got := doc.Find("#thanh-vien").Text(); !strings.Contains(got, "Hoàng Văn Nghiệm") || strings.Contains(got, "Lương Thị Mai") {
			t.Errorf("members on 01/06/2022: %s", got)
		}
		doc = webtest.Doc(t, board.Get(path+"?ngay=01/06/2024"))
		if got := doc.Find("#thanh-vien").Text(); strings.Contains(got, "Hoàng Văn Nghiệm") || !strings.Contains(got, "Lương Thị Mai") {
			t.Errorf("members on 01/06/2024: %s", got)
		}
		if res := board.Post(path+"/hoi-nghi", url.Values{"conference": {itoa(sd.confID)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("link the meeting: %d", res.StatusCode)
		}
		if res := board.Post(path+"/quyet-dinh", url.Values{"number": {"05-QĐ/BCĐ"}, "signed_on": {"02/04/2025"}, "dtitle": {"Ban hành kế hoạch kiểm tra năm 2025"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("decision: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if res := board.Post(path+"/bao-cao", url.Values{"year": {"2025"}, "summary": {"  "}}); res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("an empty report: %d", res.StatusCode)
		}
		if res := board.Post(path+"/bao-cao", url.Values{"year": {"2025"}, "summary": {"Năm 2025, Ban Chỉ đạo kiểm tra 14 xã."}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("report: %d", res.StatusCode)
		}
		if res := board.Post(path+"/thanh-vien", url.Values{"name": {"Hoàng Văn Bình"}, "unit": {itoa(u.NewChiLang.ID)}, "role": {"member"}, "from": {"01/07/2025"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add the commune's member: %d", res.StatusCode)
		}
		// The commune's officer (its member's unit) reads the report but has no form.
		doc = webtest.Doc(t, s.As("officer.chilang").Get(path+"/bao-cao?nam=2025"))
		if !strings.Contains(doc.Find("#noi-dung").Text(), "14 xã") || doc.Find(`form[method=post][action$="/bao-cao"]`).Length() != 0 || !strings.Contains(doc.Find("#so-lieu").Text(), "1") {
			t.Errorf("the commune's view of the report: %s", doc.Find("main").Text())
		}
		code, body := s.API("GET", "/api/v1/steering-committees/"+itoa(sd.c.ID)+"?on=2022-06-01", s.Token("officer.langson"), nil)
		if code != http.StatusOK || body["members"] != float64(2) {
			t.Errorf("API on 2022-06-01: %d %v", code, body)
		}
	})
}

// TestEveryRouteOutOfScope walks every route as Sóc Trăng's officer and
// leader aimed at Lạng Sơn's committee: each is refused or shows none of
// it, and nothing is written.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, sd := newSite(t, d)
		u := s.Units
		id, term := itoa(sd.c.ID), itoa(sd.term.ID)
		secrets := []string{sd.c.Name, "Hoàng Văn Nghiệm", "88-QĐ/TU"}
		requests := map[string]url.Values{
			"GET /ban-chi-dao":                                   nil,
			"POST /ban-chi-dao":                                  {"unit": {itoa(u.LangSon.ID)}, "name": {"Ban lạ"}, "purpose": {"qcdc"}, "established_on": {"01/01/2026"}},
			"GET /ban-chi-dao/{id}":                              nil,
			"POST /ban-chi-dao/{id}/thanh-vien":                  {"name": {"X"}, "unit": {itoa(u.SocTrang.ID)}, "role": {"member"}, "from": {"01/01/2026"}},
			"POST /ban-chi-dao/{id}/thanh-vien/{term}/thoi":      {"until": {"01/01/2026"}, "reason": {"X"}},
			"POST /ban-chi-dao/{id}/thanh-vien/{term}/chuc-danh": {"from": {"01/01/2026"}, "role": {"member"}},
			"POST /ban-chi-dao/{id}/hoi-nghi":                    {"conference": {itoa(sd.confID)}},
			"POST /ban-chi-dao/{id}/quyet-dinh":                  {"number": {"1"}, "signed_on": {"01/01/2026"}, "dtitle": {"X"}},
			"GET /ban-chi-dao/{id}/bao-cao":                      nil,
			"POST /ban-chi-dao/{id}/bao-cao":                     {"year": {"2025"}, "summary": {"X"}},
			"GET /api/v1/steering-committees":                    nil,
			"GET /api/v1/steering-committees/{id}":               nil,
		}
		routes := s.Routes("/ban-chi-dao", "/api/v1/steering-committees")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, form := range requests {
			probes[pattern] = []webtest.Probe{{Values: []string{"id", id, "term", term}, Form: form}}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}

// TestListPages: the list pages in name order with the count and keeps
// the filter in its links; the API pages with limit and offset and
// filters below a unit.
func TestListPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := newSite(t, d)
		u := s.Units
		store := committee.NewStore(d, s.Org, s.Auth, meeting.NewStore(d, s.Org, s.Auth))
		ctx := context.Background()
		for i := 1; i <= 27; i++ {
			if _, err := store.Create(ctx, s.Principal("officer.langson"), committee.Committee{UnitID: u.LangSon.ID,
				Name: "Ban Chỉ đạo số " + strconv.Itoa(i), Purpose: committee.Other, PurposeNote: "Chuyên đề", EstablishedOn: org.Date(2024, 1, 1)}); err != nil {
				t.Fatal(err)
			}
		}
		board := s.As("officer.langson")
		doc := webtest.Doc(t, board.Get("/ban-chi-dao?q=ch%E1%BB%89+%C4%91%E1%BA%A1o+s%E1%BB%91"))
		if n := doc.Find("#ban-chi-dao li").Length(); n != 25 || !strings.Contains(doc.Find("#tong-so").Text(), "27") {
			t.Fatalf("first page: %d rows, %q", n, doc.Find("#tong-so").Text())
		}
		if got := doc.Find("#ban-chi-dao li a").Eq(9).Text(); got != "Ban Chỉ đạo số 10" {
			t.Errorf("tenth row: %q", got)
		}
		next, _ := doc.Find(`a[rel="next"]`).Attr("href")
		if !strings.Contains(next, "trang=2") || !strings.Contains(next, "q=ch") {
			t.Fatalf("next link: %q", next)
		}
		if doc = webtest.Doc(t, board.Get(next)); doc.Find("#ban-chi-dao li").Length() != 2 {
			t.Errorf("second page: %s", doc.Find("#ban-chi-dao").Text())
		}
		code, got := s.API("GET", "/api/v1/steering-committees?limit=5&offset=25", s.Token("officer.langson"), nil)
		items, _ := got["items"].([]any)
		if code != http.StatusOK || got["total"] != 28.0 || len(items) != 3 {
			t.Errorf("API page: %d total %v, %d items", code, got["total"], len(items))
		}
		if code, got = s.API("GET", "/api/v1/steering-committees?unit="+itoa(u.NewChiLang.ID), s.Token("officer.langson"), nil); code != http.StatusOK || got["total"] != 0.0 {
			t.Errorf("below Chi Lăng: %d %v", code, got["total"])
		}
	})
}
