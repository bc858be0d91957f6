package documentui_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEveryRouteOutOfScope walks every route the feature mounts as Sóc
// Trăng's officer and leader (who may write, or read, there and nothing
// of Lạng Sơn) aimed at Lạng Sơn's issued document and unit — by path,
// by query and by the ids a form or JSON body names — and as a visitor.
// Each is refused, or answers a page that shows none of Lạng Sơn's
// documents; nothing is written. A route added to Mount without a line
// here fails the test.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		id := itoa(s.issue(t, "Lịch tiếp dân tháng 3 năm 2026"))
		ls := itoa(s.Units.LangSon.ID)
		secrets := []string{"Lịch tiếp dân", "01-TB/BDVTU", "Hoàng Thị Lan", "TỈNH ỦY LẠNG SƠN"}
		type send struct {
			query string
			form  url.Values
			json  string
			file  bool
		}
		draft := issueForm(s.Units.LangSon.ID, "Văn bản của tỉnh khác")
		requests := map[string]send{
			"GET /van-ban":                            {query: "don-vi=" + ls},
			"GET /van-ban/so.xlsx":                    {query: "don-vi=" + ls},
			"GET /van-ban/mo-hinh.xlsx":               {query: "don-vi=" + ls + "&ky=2026"},
			"GET /van-ban/soan":                       {query: "loai=free&kieu=TB&don-vi=" + ls},
			"POST /van-ban/soan":                      {form: draft},
			"GET /van-ban/{id}":                       {},
			"GET /van-ban/{id}/tep/{kind}":            {},
			"POST /van-ban/{id}/scan":                 {file: true},
			"POST /van-ban/{id}/thu-hoi":              {form: url.Values{"reason": {"Sai"}}},
			"GET /api/v1/documents":                   {query: "unit_id=" + ls},
			"POST /api/v1/documents":                  {json: fmt.Sprintf(`{"kind": "free", "type": "TB", "unit_id": %s, "summary": "X", "parts": {"body": "Y"}, "signature": {"mode": "direct", "title": "Trưởng ban", "name": "A"}}`, ls)},
			"POST /api/v1/documents/drafts":           {json: fmt.Sprintf(`{"kind": "review", "unit_id": %s, "period": "2025S2"}`, ls)},
			"GET /api/v1/documents/{id}":              {},
			"GET /api/v1/documents/{id}/files/{kind}": {},
			"POST /api/v1/documents/{id}/void":        {json: `{"reason": "Sai"}`},
		}
		routes := s.Routes("/van-ban", "/api/v1/documents")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, req := range requests {
			for _, kind := range []string{"pdf", "docx", "scan"} {
				if !strings.Contains(pattern, "{kind}") && kind != "pdf" {
					continue
				}
				pr := webtest.Probe{Values: []string{"id", id, "kind", kind}, Query: req.query, Form: req.form}
				if req.json != "" {
					pr.JSON = req.json
				}
				if req.file {
					pr.File = &webtest.File{Field: "file", Name: "x.pdf", Data: []byte("%PDF-1.4\n%%EOF\n")}
				}
				probes[pattern] = append(probes[pattern], pr)
			}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.st", "leader.st", ""}, Secrets: secrets, Skip: volatile})
	})
}
