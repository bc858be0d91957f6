package meetingui_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEveryRouteOutOfScope walks every route the feature mounts as
// officers of Sóc Trăng (who may write there, and nothing of Lạng Sơn)
// aimed at the records of Lạng Sơn's commune of Chi Lăng — by path, by
// query and by the ids a form or a JSON body names. Each is refused, or
// answers with a page that shows none of those records; nothing is
// written. A route added to Mount without a line here fails the test.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.AddUser("officer.soctrang", "officer", s.Units.SocTrang.ID)
		sd := seedMeeting(t, s)
		conf, task, person, pledge := itoa(sd.conf.ID), itoa(sd.task.ID), itoa(sd.person), itoa(sd.pledge.ID)
		chiLang, socTrang, myXuyen := itoa(s.Units.NewChiLang.ID), itoa(s.Units.SocTrang.ID), itoa(s.Units.NewMyXuyen.ID)
		secrets := []string{sd.conf.Title, sd.task.Title, "Hoàng Văn Bình", "Hoàng V. Bình", sd.pledge.Title, sd.doc.Name,
			"Báo cáo sơ kết", "/hoi-nghi/" + conf + `"`}

		// What each route is sent: the query of a GET, the form of a page's
		// POST, the body of an API call.
		type send struct {
			query string
			form  url.Values
			json  string
			file  bool // a multipart form with a file
		}
		pledgeForm := url.Values{"unit": {socTrang}, "conference": {conf}, "title": {"Giao ước"}, "period": {"2026"},
			"signed_on": {"15/01/2026"}, "c.0.description": {"Một mô hình"}, "c.0.max": {"10"}, "signed": {myXuyen}, "signer." + myXuyen: {"A"}}
		confForm := url.Values{"unit": {chiLang}, "kind": {"so_ket"}, "title": {"Sơ kết"}, "held_on": {"01/02/2026"},
			"p.0.name": {"Hoàng Văn Bình"}, "p.0.role": {"chair"}}
		requests := map[string]send{
			"GET /hoi-nghi":                     {query: "don_vi=" + chiLang},
			"GET /hoi-nghi/lich":                {query: "thang=2025-12"},
			"GET /hoi-nghi/moi":                 {query: "don_vi=" + chiLang},
			"POST /hoi-nghi/moi":                {form: confForm},
			"GET /hoi-nghi/nhap":                {},
			"POST /hoi-nghi/nhap":               {form: url.Values{"text": {sd.conf.SourceText}}},
			"POST /hoi-nghi/nhap/luu":           {form: confForm},
			"GET /hoi-nghi/{id}":                {},
			"GET /hoi-nghi/{id}/bien-ban":       {},
			"GET /hoi-nghi/{id}/nguon":          {},
			"GET /hoi-nghi/{id}/sua":            {},
			"POST /hoi-nghi/{id}/sua":           {form: url.Values{"kind": {"tong_ket"}, "title": {"Sửa"}, "held_on": {"20/12/2025"}, "version": {"1"}}},
			"POST /hoi-nghi/{id}/nhiem-vu":      {form: url.Values{"title": {"Việc"}, "due": {"2026"}, "owners": {myXuyen}}},
			"POST /hoi-nghi/{id}/tai-lieu":      {file: true},
			"GET /hoi-nghi/{id}/tai-lieu/{doc}": {},
			"GET /nhiem-vu":                     {},
			"GET /nhiem-vu/{id}":                {},
			"POST /nhiem-vu/{id}":               {form: url.Values{"status": {"done"}, "note": {"xong"}}},
			"GET /nguoi":                        {query: "don_vi=" + chiLang},
			"GET /nguoi/{id}":                   {},
			"GET /nguoi/{id}/gop":               {query: "nguoi=" + itoa(sd.other)},
			"POST /nguoi/{id}/gop":              {form: url.Values{"other": {itoa(sd.other)}}},
			"GET /thi-dua":                      {},
			"GET /thi-dua/moi":                  {query: "hoi_nghi=" + conf},
			"POST /thi-dua/moi":                 {form: pledgeForm},
			"GET /thi-dua/{id}":                 {},
			"POST /thi-dua/{id}/cham-diem":      {form: url.Values{fmt.Sprintf("s.%d.%d", sd.pledge.Signatories[0].ID, sd.pledge.Commitments[0].ID): {"10"}}},
			"GET /api/v1/conferences":           {query: "unit=" + chiLang},
			"POST /api/v1/conferences":          {json: fmt.Sprintf(`{"unit_id": %s, "kind": "so_ket", "title": "X", "held_on": "2026-02-01", "chairs": [{"person_id": %s}]}`, myXuyen, person)},
			"GET /api/v1/conferences/{id}":      {},
			"GET /api/v1/tasks":                 {query: "unit=" + chiLang},
			"GET /api/v1/tasks/{id}":            {},
			"POST /api/v1/tasks/{id}/status":    {json: `{"status": "done", "note": "xong"}`},
		}
		ids := func(pattern string) []string {
			switch {
			case strings.Contains(pattern, "/tai-lieu/{doc}"):
				return []string{"id", conf, "doc", itoa(sd.doc.ID)}
			case strings.HasPrefix(pattern, "GET /hoi-nghi/"), strings.HasPrefix(pattern, "POST /hoi-nghi/"), strings.Contains(pattern, "/conferences/"):
				return []string{"id", conf}
			case strings.Contains(pattern, "/nhiem-vu/"), strings.Contains(pattern, "/tasks/"):
				return []string{"id", task}
			case strings.Contains(pattern, "/nguoi/"):
				return []string{"id", person}
			case strings.Contains(pattern, "/thi-dua/"):
				return []string{"id", pledge}
			}
			return nil
		}
		routes := s.Routes("/hoi-nghi", "/nhiem-vu", "/nguoi", "/thi-dua", "/api/v1/conferences", "/api/v1/tasks")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, req := range requests {
			pr := webtest.Probe{Values: ids(pattern), Query: req.query, Form: req.form}
			if req.json != "" {
				pr.JSON = req.json
			}
			if req.file {
				pr.Form, pr.File = url.Values{"kind": {"report"}}, &webtest.File{Field: "file", Name: "x.txt", Data: []byte("x")}
			}
			probes[pattern] = []webtest.Probe{pr}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}
