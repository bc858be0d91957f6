package emulationui_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

var volatile = []string{"sessions", "api_tokens"}

// newSite is the test site with officers of Lạng Sơn's board and of its
// communes Chi Lăng and Đồng Đăng, its leader, and Sóc Trăng's officer
// and leader; and a cluster of Lạng Sơn with the two communes in 2026
// on two criteria.
func newSite(t *testing.T, d *db.DB) (*webtest.Site, emulation.BlocYear) {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("leader.langson", auth.RoleLeader, u.LangSon.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
	s.AddUser("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)
	store := emulation.NewStore(d, s.Org, s.Auth, meeting.NewStore(d, s.Org, s.Auth))
	ctx := context.Background()
	org := s.Principal("officer.langson")
	b, err := store.CreateBloc(ctx, org, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm thi đua các xã biên giới"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.SetMembers(ctx, org, b.ID, 2026, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
		t.Fatal(err)
	}
	y, err := store.AddCriteria(ctx, org, b.ID, 2026, []emulation.BlocCriterion{{Title: "Thực hiện Quy chế dân chủ ở cơ sở", MaxPoints: 60, Evidence: "Kế hoạch, báo cáo"},
		{Title: "Mô hình “Dân vận khéo”", MaxPoints: 40}})
	if err != nil {
		t.Fatal(err)
	}
	return s, y
}

// TestBlocYearThroughThePages walks a year on the pages: the members
// score themselves, the leader imports the bloc's scores (a wrong file
// first, which writes nothing), closes the review, and the province's
// leader approves with the flag.
func TestBlocYearThroughThePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, y := newSite(t, d)
		u := s.Units
		path := "/cum-khoi-thi-dua/" + itoa(y.ID)
		c1, c2 := itoa(y.Criteria[0].ID), itoa(y.Criteria[1].ID)

		// Setting up: a bloc without a name keeps what was typed; the
		// members' form refuses an unknown code.
		board := s.As("officer.langson")
		res := board.Post("/cum-khoi-thi-dua", url.Values{"unit": {itoa(u.LangSon.ID)}, "kind": {"bloc"}, "name": {" "}})
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("a bloc without a name: %d", res.StatusCode)
		}
		res = board.Post(path+"/thanh-vien", url.Values{"year": {"2027"}, "codes": {"LS-X1\nKHONG-CO"}})
		doc := webtest.Doc(t, res)
		if res.StatusCode < 400 || !strings.Contains(doc.Find("#codes").Text(), "KHONG-CO") || !strings.Contains(doc.Find("#loi").Text(), "KHONG-CO") {
			t.Errorf("an unknown code: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		if res := board.Post(path+"/thanh-vien", url.Values{"year": {"2027"}, "codes": {"LS-X1\nLS-X2"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("members for 2027: %d", res.StatusCode)
		}
		doc = webtest.Doc(t, board.Get(path+"?nam=2027"))
		if !strings.Contains(doc.Find("#thanh-vien li").Eq(1).Text(), "Trưởng cụm, khối") {
			t.Errorf("2027's rotation: %s", doc.Find("#thanh-vien").Text())
		}

		// Each commune scores itself; a score typed wrong keeps the form.
		chiLang := s.As("officer.chilang")
		doc = webtest.Doc(t, chiLang.Get(path+"?nam=2026"))
		if doc.Find(`form[action$="/tu-cham"]`).Length() != 1 {
			t.Fatalf("Chi Lăng's own form: %s", doc.Find("main").Text())
		}
		res = chiLang.Post(path+"/tu-cham", url.Values{"year": {"2026"}, "unit": {itoa(u.NewChiLang.ID)}, "s." + c1: {"năm mươi"}, "s." + c2: {"30"}, "submit": {"1"}})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("a word for a score: %d", res.StatusCode)
		}
		if v, _ := doc.Find("#s-" + itoa(u.NewChiLang.ID) + "-" + c1).Attr("value"); v != "năm mươi" {
			t.Errorf("typed score lost: %q", v)
		}
		for login, unit := range map[string]int64{"officer.chilang": u.NewChiLang.ID, "officer.dongdang": u.NewDongDang.ID} {
			res := s.As(login).Post(path+"/tu-cham", url.Values{"year": {"2026"}, "unit": {itoa(unit)}, "s." + c1: {"50,5"}, "s." + c2: {"30"}, "submit": {"1"}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s hands in: %d %s", login, res.StatusCode, webtest.Body(t, res))
			}
		}
		doc = webtest.Doc(t, chiLang.Get(path+"?nam=2026"))
		if got := doc.Find("#bang-xep-hang tbody tr").First().Text(); !strings.Contains(got, "80,5") || !strings.Contains(got, "Đồng hạng") && !strings.Contains(got, "đồng hạng") {
			t.Errorf("tied ranking: %q", got)
		}

		// The leader (Chi Lăng, first in 2026) imports the bloc's scores.
		sheet := func(lines ...blocsheet.Line) []byte {
			var b bytes.Buffer
			if err := blocsheet.Write(&b, []string{"1. QCDC", "2. Dân vận khéo"}, lines); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
		f := func(v float64) *float64 { return &v }
		before := s.Snapshot(volatile...)
		res = chiLang.PostMultipart(path+"/nhap", map[string]string{"year": "2026"}, webtest.File{Field: "file", Name: "diem.xlsx",
			Data: sheet(blocsheet.Line{Code: "LS-X1", Scores: []*float64{f(55), f(35)}}, blocsheet.Line{Code: "LS-X2", Scores: []*float64{f(70), f(30)}})})
		doc = webtest.Doc(t, res)
		if res.StatusCode < 400 || !strings.Contains(doc.Find("#loi").Text(), "C3") && !strings.Contains(doc.Find("#loi").Text(), "cột C") {
			t.Errorf("a score over the maximum: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		s.Unchanged("a refused import", before, volatile...)
		res = chiLang.PostMultipart(path+"/nhap", map[string]string{"year": "2026"}, webtest.File{Field: "file", Name: "diem.xlsx",
			Data: sheet(blocsheet.Line{Code: "LS-X1", Scores: []*float64{f(55), f(35)}}, blocsheet.Line{Code: "LS-X2", Scores: []*float64{f(50), f(30)}})})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || doc.Find("#da-nhap").Length() != 1 {
			t.Fatalf("import: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		if res := chiLang.Post(path+"/cham", url.Values{"year": {"2026"}, "close": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("close the review: %d", res.StatusCode)
		}
		// The province's leader approves; the leading commune gets the flag.
		leader := s.As("leader.langson")
		doc = webtest.Doc(t, leader.Get(path+"?nam=2026"))
		if !strings.Contains(doc.Find("#de-nghi-co").Text(), "Chi Lăng") {
			t.Errorf("the flag proposal: %s", doc.Find("main").Text())
		}
		if res := leader.Post(path+"/duyet", url.Values{"year": {"2026"}, "flag": {itoa(u.NewChiLang.ID)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, chiLang.Get(path+"?nam=2026"))
		if !strings.Contains(doc.Find("#trang-thai").Text(), "đã duyệt") || !strings.Contains(doc.Find("#bang-xep-hang").Text(), "Cờ thi đua") {
			t.Errorf("approved: %s", doc.Find("main").Text())
		}
		// The API says the same.
		code, body := s.API("GET", "/api/v1/emulation-blocs/"+itoa(y.ID)+"?year=2026", s.Token("officer.dongdang"), nil)
		if code != http.StatusOK || body["status"] != "approved" || body["flag_unit_id"] != float64(u.NewChiLang.ID) {
			t.Errorf("API: %d %v", code, body)
		}
	})
}

// TestEveryRouteOutOfScope walks every route as Sóc Trăng's officer and
// leader aimed at Lạng Sơn's cluster: each is refused or shows none of
// it, and nothing is written. A route added without a line here fails.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, y := newSite(t, d)
		u := s.Units
		id, c1 := itoa(y.ID), itoa(y.Criteria[0].ID)
		chiLang := itoa(u.NewChiLang.ID)
		secrets := []string{y.Name, y.Criteria[0].Title, "Khối Dân vận xã Chi Lăng"}
		type send struct {
			query string
			form  url.Values
			json  string
			file  bool
		}
		requests := map[string]send{
			"GET /cum-khoi-thi-dua":                                       {},
			"POST /cum-khoi-thi-dua":                                      {form: url.Values{"unit": {itoa(u.LangSon.ID)}, "kind": {"cluster"}, "name": {"Cụm lạ"}}},
			"GET /cum-khoi-thi-dua/{id}":                                  {query: "nam=2026"},
			"POST /cum-khoi-thi-dua/{id}/thanh-vien":                      {form: url.Values{"year": {"2026"}, "codes": {"ST-X1"}}},
			"POST /cum-khoi-thi-dua/{id}/tieu-chi":                        {form: url.Values{"year": {"2026"}, "title": {"X"}, "max": {"5"}}},
			"POST /cum-khoi-thi-dua/{id}/giao-uoc":                        {form: url.Values{"year": {"2026"}, "pledge": {"1"}}},
			"POST /cum-khoi-thi-dua/{id}/tieu-chi/{cid}":                  {form: url.Values{"year": {"2026"}, "title": {"X"}, "max": {"5"}}},
			"POST /cum-khoi-thi-dua/{id}/tieu-chi/{cid}/xoa":              {form: url.Values{"year": {"2026"}, "confirm": {"1"}}},
			"GET /cum-khoi-thi-dua/{id}/phieu-tu-cham":                    {query: "nam=2026&don-vi=" + chiLang},
			"POST /cum-khoi-thi-dua/{id}/nhap-tu-cham":                    {file: true},
			"POST /cum-khoi-thi-dua/{id}/de-nghi-co":                      {form: url.Values{"year": {"2026"}, "to": {itoa(u.LangSon.ID)}}},
			"POST /cum-khoi-thi-dua/{id}/tu-cham":                         {form: url.Values{"year": {"2026"}, "unit": {chiLang}, "s." + c1: {"5"}}},
			"POST /cum-khoi-thi-dua/{id}/cham":                            {form: url.Values{"year": {"2026"}, "r." + chiLang + "." + c1: {"5"}, "close": {"1"}}},
			"GET /cum-khoi-thi-dua/{id}/bang-diem":                        {query: "nam=2026"},
			"POST /cum-khoi-thi-dua/{id}/nhap":                            {file: true},
			"POST /cum-khoi-thi-dua/{id}/duyet":                           {form: url.Values{"year": {"2026"}, "flag": {chiLang}}},
			"POST /cum-khoi-thi-dua/{id}/tra-lai":                         {form: url.Values{"year": {"2026"}, "note": {"X"}}},
			"GET /api/v1/emulation-blocs":                                 {},
			"GET /api/v1/emulation-blocs/{id}":                            {query: "year=2026"},
			"POST /api/v1/emulation-blocs/{id}/self-scores":               {json: fmt.Sprintf(`{"year": 2026, "unit_id": %s, "scores": {"%s": 5}}`, chiLang, c1)},
			"PUT /api/v1/emulation-blocs/{id}/criteria/{criterion_id}":    {json: `{"year": 2026, "title": "X", "max_points": 5}`},
			"DELETE /api/v1/emulation-blocs/{id}/criteria/{criterion_id}": {query: "year=2026"},
			"POST /api/v1/emulation-blocs/{id}/flag-proposal":             {json: `{"year": 2026}`},
		}
		routes := s.Routes("/cum-khoi-thi-dua", "/api/v1/emulation-blocs")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, req := range requests {
			pr := webtest.Probe{Values: []string{"id", id, "cid", c1, "criterion_id", c1}, Query: req.query, Form: req.form}
			if req.json != "" {
				pr.JSON = req.json
			}
			if req.file {
				pr.Form, pr.File = url.Values{"year": {"2026"}, "unit": {chiLang}, "submit": {"1"}}, &webtest.File{Field: "file", Name: "x.xlsx", Data: []byte("PK\x03\x04")}
			}
			probes[pattern] = []webtest.Probe{pr}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}

// TestBlocListPages: the list shows a page at a time in name order with
// the count, keeps the filter in its links, says when nothing matches,
// and the API pages with limit and offset.
func TestBlocListPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := newSite(t, d)
		u := s.Units
		store := emulation.NewStore(d, s.Org, s.Auth, meeting.NewStore(d, s.Org, s.Auth))
		ctx := context.Background()
		for i := 1; i <= 30; i++ {
			if _, err := store.CreateBloc(ctx, s.Principal("officer.langson"), emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Bloc,
				Name: fmt.Sprintf("Khối thi đua số %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
		board := s.As("officer.langson")
		doc := webtest.Doc(t, board.Get("/cum-khoi-thi-dua?q=khoi"))
		if n := doc.Find("#cum-khoi li").Length(); n != 25 || !strings.Contains(doc.Find("#tong-so").Text(), "30") {
			t.Fatalf("first page: %d rows, %q", n, doc.Find("#tong-so").Text())
		}
		if got := doc.Find("#cum-khoi li a").Eq(1).Text(); got != "Khối thi đua số 2" {
			t.Errorf("second row: %q", got)
		}
		next, ok := doc.Find(`a[rel="next"]`).Attr("href")
		if !ok || !strings.Contains(next, "trang=2") || !strings.Contains(next, "q=khoi") {
			t.Fatalf("next link: %q", next)
		}
		doc = webtest.Doc(t, board.Get(next))
		if n := doc.Find("#cum-khoi li").Length(); n != 5 || doc.Find("#cum-khoi li a").Last().Text() != "Khối thi đua số 30" {
			t.Errorf("second page: %d rows, last %q", n, doc.Find("#cum-khoi li a").Last().Text())
		}
		doc = webtest.Doc(t, board.Get("/cum-khoi-thi-dua?q=kh%C3%B4ng+c%C3%B3"))
		if doc.Find("#cum-khoi li").Length() != 0 || !strings.Contains(doc.Find("#cum-khoi").Text(), "khớp bộ lọc") {
			t.Errorf("nothing matches: %q", doc.Find("#cum-khoi").Text())
		}
		code, got := s.API("GET", "/api/v1/emulation-blocs?limit=10&offset=25", s.Token("officer.langson"), nil)
		items, _ := got["items"].([]any)
		if code != http.StatusOK || got["total"] != 31.0 || len(items) != 6 {
			t.Errorf("API page: %d total %v, %d items", code, got["total"], len(items))
		}
		if code, _ := s.API("GET", "/api/v1/emulation-blocs?unit="+itoa(u.LangSon.ID), s.Token("officer.soctrang"), nil); code != http.StatusNotFound {
			t.Errorf("Sóc Trăng filters by Lạng Sơn: %d", code)
		}
	})
}
