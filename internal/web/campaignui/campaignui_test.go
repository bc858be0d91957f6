package campaignui_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// volatile are the tables a request may touch without changing anything.
var volatile = []string{"sessions", "api_tokens"}

// newSite is the test site with officers of Lạng Sơn, of its commune of
// Chi Lăng and of Sóc Trăng, and Lạng Sơn's campaign "Áo ấm cho em" with
// the commune taking part and one contribution of it.
func newSite(t *testing.T, d *db.DB) (*webtest.Site, campaign.Campaign) {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)
	store := campaign.NewStore(d, s.Org, s.Auth)
	ctx := context.Background()
	c, err := store.Create(ctx, s.Principal("officer.langson"), campaign.Campaign{UnitID: u.LangSon.ID, Kind: campaign.Local,
		Name: "Áo ấm cho em vùng cao", StartsOn: org.Date(2025, 10, 1), Target: 1_000_000_000, CountsHouseholds: true,
		Units: []campaign.Unit{{ID: u.NewChiLang.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	per, _ := vntext.ParsePeriod("2025S2")
	if _, err := store.Record(ctx, s.Principal("officer.chilang"), campaign.Contribution{CampaignID: c.ID, UnitID: u.NewChiLang.ID,
		Period: per, Money: 250_000_000, InKind: 12_500_000, Households: 40, Note: "Quyên góp của bà con thôn Bản Dăm"}); err != nil {
		t.Fatal(err)
	}
	return s, c
}

// workbook builds a contributions sheet with rows (sheet.Workbook).
func workbook(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	data, err := sheet.Workbook(rows)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCampaignPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, c := newSite(t, d)
		ls := s.As("officer.langson")
		// The list finds it without diacritics; its page rolls it up.
		doc := webtest.Doc(t, ls.Get("/cuoc-van-dong?q=ao+am"))
		if !strings.Contains(doc.Find("#danh-sach").Text(), "Áo ấm cho em vùng cao") {
			t.Fatalf("list: %s", doc.Find("main").Text())
		}
		path := "/cuoc-van-dong/" + itoa(c.ID)
		doc = webtest.Doc(t, ls.Get(path))
		if got := doc.Find("#tong-hop").Text(); !strings.Contains(got, "250.000.000") || !strings.Contains(got, "Hai trăm sáu mươi hai triệu năm trăm nghìn đồng") || !strings.Contains(got, "26%") {
			t.Errorf("roll-up: %s", got)
		}
		if !strings.Contains(doc.Find("#chi-tieu").Text(), "1.000.000.000 đồng (Một tỷ đồng)") {
			t.Errorf("target: %s", doc.Find("#chi-tieu").Text())
		}
		// The directive it carries out is named and linked.
		dirs := directive.NewStore(d, s.Org, s.Auth, s.Files)
		dir, err := dirs.Create(context.Background(), s.Principal("officer.langson"), directive.Directive{UnitID: s.Units.LangSon.ID, Number: "114-KL/TW",
			IssuedOn: org.Date(2015, 7, 14), Issuer: "Ban Bí thư", Summary: "Nâng cao chất lượng công tác dân vận"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := dirs.Link(context.Background(), s.Principal("officer.langson"), dir.ID, directive.Campaign, c.ID); err != nil {
			t.Fatal(err)
		}
		doc = webtest.Doc(t, ls.Get(path))
		if got := doc.Find("#van-ban a").AttrOr("href", ""); got != "/van-ban-chi-dao/"+itoa(dir.ID) || !strings.Contains(doc.Find("#van-ban").Text(), "Kết luận 114-KL/TW") {
			t.Errorf("directives: %q %s", got, doc.Find("#van-ban").Text())
		}
		// English: no Vietnamese but the data.
		doc = webtest.Doc(t, ls.Get(path+"?lang=en"))
		if left := webtest.VietnameseLeft(doc, append(s.DataNames(), "Áo ấm cho em vùng cao", "Quyên góp của bà con thôn Bản Dăm")...); len(left) > 0 {
			t.Errorf("English page shows Vietnamese: %v", left)
		}
		// A refused contribution keeps what was typed; a good one is recorded.
		form := url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "period": {"2026"}, "money": {"mười triệu"}, "note": {"Đợt 2"}}
		res := ls.Post(path+"/dong-gop", form)
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || doc.Find("#note").AttrOr("value", "") != "Đợt 2" || doc.Find("#money").AttrOr("value", "") != "mười triệu" {
			t.Fatalf("a bad amount: %d", res.StatusCode)
		}
		form.Set("money", "10.000.000")
		if res := ls.Post(path+"/dong-gop", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("record: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		// A sheet with one bad line records nothing; a good one records all.
		before := s.Snapshot(volatile...)
		res = ls.PostMultipart(path+"/nhap", nil, webtest.File{Field: "tep", Name: "dong-gop.xlsx", Data: workbook(t,
			[]any{s.Units.NewChiLang.Code, "2026Q1", "5.000.000", "", "3", ""},
			[]any{s.Units.AnMy.Code, "2026Q1", "5.000.000", "", "", ""})})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(doc.Find("#loi-tep").Text(), "3: ") {
			t.Errorf("a bad sheet: %d %s", res.StatusCode, doc.Find("#loi-tep").Text())
		}
		s.Unchanged("a refused sheet", before, volatile...)
		res = ls.PostMultipart(path+"/nhap", nil, webtest.File{Field: "tep", Name: "dong-gop.xlsx", Data: workbook(t,
			[]any{s.Units.NewChiLang.Code, "2026Q1", "5.000.000", "", "3", ""},
			[]any{s.Units.LangSon.Code, "2026Q1", "1.000.000", "", "", ""})})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("#da-nhap").Text(), "2") {
			t.Errorf("a good sheet: %d %s", res.StatusCode, doc.Find("main").Text())
		}
		if got := doc.Find("#tong-hop").Text(); !strings.Contains(got, "266.000.000") {
			t.Errorf("after import: %s", got)
		}
		// The blank template beside the import form: downloaded, filled in
		// and sent back, it imports (the lines left empty skipped).
		doc = webtest.Doc(t, ls.Get(path))
		href := doc.Find("#mau-nhap").AttrOr("href", "")
		if href != path+"/mau-nhap" {
			t.Fatalf("the template's link: %q", href)
		}
		res = ls.Get(href + "?ky=2026Q2")
		tmpl := []byte(webtest.Body(t, res))
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "2026Q2.xlsx") {
			t.Fatalf("the template: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		f, err := excelize.OpenReader(bytes.NewReader(tmpl))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Sheet1")
		if err != nil || len(rows) < 3 || rows[1][0] != s.Units.LangSon.Code || rows[2][0] != s.Units.NewChiLang.Code || rows[2][1] != "2026Q2" {
			t.Fatalf("the template's lines: %q %v", rows, err)
		}
		if err := f.SetCellValue("Sheet1", "C3", "4.000.000"); err != nil {
			t.Fatal(err)
		}
		filled, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		res = ls.PostMultipart(path+"/nhap", nil, webtest.File{Field: "tep", Name: "mau.xlsx", Data: filled.Bytes()})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("#da-nhap").Text(), "1") || !strings.Contains(doc.Find("#tong-hop").Text(), "270.000.000") {
			t.Errorf("the filled template: %d %s %s", res.StatusCode, doc.Find("#da-nhap").Text(), doc.Find("#tong-hop").Text())
		}
		if res := ls.Get(href + "?ky=2026S3"); res.StatusCode != http.StatusBadRequest {
			t.Errorf("a bad period: %d", res.StatusCode)
		}
		// A new campaign: a refused form keeps what was typed.
		res = ls.Post("/cuoc-van-dong/moi", url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "kind": {"poor"}, "name": {"Quỹ Vì người nghèo 2026"}, "starts_on": {"32/13/2026"}})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || doc.Find("#name").AttrOr("value", "") != "Quỹ Vì người nghèo 2026" {
			t.Fatalf("a bad day: %d", res.StatusCode)
		}
		res = ls.Post("/cuoc-van-dong/moi", url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "kind": {"poor"}, "name": {"Quỹ Vì người nghèo 2026"}, "starts_on": {"01/01/2026"}, "target": {"2.000.000.000"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		// The API rolls up, mapped or as reported.
		code, body := s.API("GET", fmt.Sprintf("/api/v1/campaigns/%d/rollup?view=mapped", c.ID), s.Token("officer.langson"), nil)
		if code != http.StatusOK || body["money"].(float64) != 270_000_000 {
			t.Errorf("API roll-up: %d %v", code, body)
		}
	})
}

// TestEveryRouteOutOfScope walks every route the feature mounts as the
// officer and the leader of Sóc Trăng aimed at Lạng Sơn's campaign and
// units: each is refused or shows none of it; nothing is written. A route
// added to Mount without a line here fails the test.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, c := newSite(t, d)
		langSon, chiLang := itoa(s.Units.LangSon.ID), itoa(s.Units.NewChiLang.ID)
		secrets := []string{"Áo ấm cho em vùng cao", "Quyên góp của bà con thôn Bản Dăm", "250.000.000"}
		type send struct {
			query string
			form  url.Values
			json  string
			file  bool
		}
		requests := map[string]send{
			"GET /cuoc-van-dong":                        {query: "don_vi=" + langSon},
			"GET /cuoc-van-dong/moi":                    {query: "don_vi=" + langSon},
			"POST /cuoc-van-dong/moi":                   {form: url.Values{"unit": {langSon}, "kind": {"local"}, "name": {"X"}, "starts_on": {"01/01/2026"}, "units": {chiLang}}},
			"GET /cuoc-van-dong/{id}":                   {query: "don_vi=" + langSon},
			"POST /cuoc-van-dong/{id}/dong-gop":         {form: url.Values{"unit": {chiLang}, "period": {"2026"}, "money": {"1.000"}}},
			"POST /cuoc-van-dong/{id}/nhap":             {file: true},
			"GET /cuoc-van-dong/{id}/mau-nhap":          {query: "ky=2026"},
			"GET /api/v1/campaigns":                     {query: "unit=" + langSon},
			"POST /api/v1/campaigns":                    {json: `{"unit_id": ` + langSon + `, "kind": "local", "name": "X", "starts_on": "2026-01-01"}`},
			"GET /api/v1/campaigns/{id}":                {},
			"GET /api/v1/campaigns/{id}/rollup":         {query: "unit=" + langSon},
			"POST /api/v1/campaigns/{id}/contributions": {json: `{"unit_id": ` + chiLang + `, "period": "2026", "money": 1000}`},
		}
		routes := s.Routes("/cuoc-van-dong", "/api/v1/campaigns")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, req := range requests {
			pr := webtest.Probe{Values: []string{"id", itoa(c.ID)}, Query: req.query, Form: req.form}
			if req.json != "" {
				pr.JSON = req.json
			}
			if req.file {
				pr.Form, pr.File = nil, &webtest.File{Field: "tep", Name: "x.xlsx", Data: workbook(t, []any{s.Units.NewChiLang.Code, "2026", "1.000", "", "", ""})}
			}
			probes[pattern] = []webtest.Probe{pr}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}
