package documentui_test

import (
	"fmt"
	"net/http"
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
		anon := s.Anon()
		for _, login := range []string{"officer.st", "leader.st", ""} {
			c, token := anon, ""
			if login != "" {
				c, token = s.As(login), s.Token(login)
				c.CSRF()
			}
			before := s.Snapshot(volatile...)
			for _, pattern := range routes {
				req, ok := requests[pattern]
				if !ok {
					t.Errorf("no request for route %s", pattern)
					continue
				}
				for _, kind := range []string{"pdf", "docx", "scan"} {
					if !strings.Contains(pattern, "{kind}") && kind != "pdf" {
						continue
					}
					method, path := s.Fill(pattern, "id", id, "kind", kind)
					if req.query != "" {
						path += "?" + req.query
					}
					var res *http.Response
					switch {
					case strings.HasPrefix(path, "/api/"):
						var body any
						if req.json != "" {
							body = req.json
						}
						res = s.APIResponse(method, path, token, body)
					case req.file:
						if login == "" {
							continue // a visitor's multipart post has no form token to send
						}
						res = c.PostMultipart(path, nil, webtest.File{Field: "file", Name: "x.pdf", Data: []byte("%PDF-1.4\n%%EOF\n")})
					case method == http.MethodPost:
						form := url.Values{}
						for k, v := range req.form {
							form[k] = v
						}
						if login == "" {
							form.Set("csrf", "none")
						}
						res = c.Post(path, form)
					default:
						res = c.Get(path)
					}
					body := webtest.Body(t, res)
					who := login
					if who == "" {
						who = "a visitor"
					}
					switch {
					case login == "" && res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusUnauthorized && res.StatusCode != http.StatusForbidden:
						t.Errorf("%s %s %s = %d, want a refusal", who, method, path, res.StatusCode)
					case res.StatusCode >= 200 && res.StatusCode < 400 && res.StatusCode != http.StatusOK && login != "":
						t.Errorf("%s %s %s = %d: not refused", who, method, path, res.StatusCode)
					case res.StatusCode == http.StatusOK:
						for _, secret := range secrets {
							if strings.Contains(body, secret) {
								t.Errorf("%s %s %s shows %q", who, method, path, secret)
							}
						}
					case res.StatusCode >= 500:
						t.Errorf("%s %s %s = %d", who, method, path, res.StatusCode)
					}
				}
			}
			s.Unchanged(login+"'s refused requests", before, volatile...)
		}
	})
}
