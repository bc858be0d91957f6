package reportui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

// lạngSơnMarks are words only Lạng Sơn's records show: the commune's and
// the province's names and the commune's figures and narrative.
var langSonMarks = []string{"Chi Lăng", "Lạng Sơn", "Đồng Đăng", "5.112", "5112", "Tổ chức tốt các hội nghị"}

func showsLangSon(body string) string {
	for _, m := range langSonMarks {
		if strings.Contains(body, m) {
			return m
		}
	}
	return ""
}

// reportPrefixes are the paths every reporting route starts with.
var reportPrefixes = []string{"/bao-cao", "/chi-tieu", "/api/v1/indicators", "/api/v1/reports", "/api/v1/rollup", "/api/v1/dashboard"}

// TestEveryRouteOutOfScope walks every route of periodic reporting as an
// officer and as a leader of Sóc Trăng against Lạng Sơn's records (its
// province, its commune and the commune's submitted report), and as a
// visitor: each is refused or shows nothing of Lạng Sơn, and the
// database does not change.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		rep := w.submitted(t)
		routes := w.Routes(reportPrefixes...)
		if len(routes) != 22 {
			t.Fatalf("reporting mounts %d routes: %v", len(routes), routes)
		}
		commune, province, id := itoa(w.Units.NewChiLang.ID), itoa(w.Units.LangSon.ID), itoa(rep.ID)
		// Public, or about the caller's own units: answered, with nothing
		// of Lạng Sơn in them.
		open := map[string]bool{"GET /bao-cao": true, "GET /chi-tieu": true, "GET /api/v1/indicators": true}
		type caller struct {
			name   string
			client *webtest.Client
			token  string
		}
		callers := []caller{
			{"Sóc Trăng's officer", w.As("canbo.st"), w.Token("canbo.st")},
			{"Sóc Trăng's leader", w.As("lanhdao.st"), w.Token("lanhdao.st")},
			{"a visitor", w.Anon(), ""},
		}
		for _, c := range callers {
			if c.token != "" {
				c.client.CSRF() // the session's token, fetched before the snapshot
			}
		}
		before := w.Snapshot(volatile...)
		csv := []byte("Mã đơn vị,Tên,Mã chỉ tiêu,Tên,ĐVT,Phân tổ,Giá trị\nLS-X1,x,DV02,x,x,,7\n")
		for _, pattern := range routes {
			method, path := w.Fill(pattern, "id", id)
			for _, c := range callers {
				var status int
				var body string
				switch {
				case strings.HasPrefix(path, "/api/"):
					var in any
					q := "?unit_id=" + commune + "&period=2026S2"
					if strings.Contains(path, "rollup") || strings.Contains(path, "dashboard") {
						q = "?unit_id=" + province + "&period=2026S2"
					}
					switch {
					case strings.HasSuffix(path, "/draft") || strings.HasSuffix(path, "/submit"):
						in = map[string]any{"unit_id": w.Units.NewChiLang.ID, "period": "2026S2", "version": rep.Version,
							"values": map[string]any{"DV02": 1}}
					case method == http.MethodPost:
						in = map[string]any{"version": rep.Version, "comment": "Trả lại"}
					}
					res := w.APIResponse(method, path+q, c.token, in)
					status, body = res.StatusCode, webtest.Body(t, res)
				case path == "/bao-cao/tai-len" && method == http.MethodPost:
					if c.token == "" {
						continue // a visitor's multipart post has no form token to send
					}
					res := c.client.PostMultipart(path+"?don-vi="+commune+"&ky=2026S2", map[string]string{"mau": report.FormHalf},
						webtest.File{Field: "tep", Name: "so-lieu.csv", Data: csv})
					status, body = res.StatusCode, webtest.Body(t, res)
				case method == http.MethodPost:
					form := url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf},
						"version": {itoa(rep.Version)}, field(w.dv): {"1"}, "comment": {"Trả lại"}, "action": {"submit"}}
					if c.token == "" {
						form.Set("csrf", "none")
					}
					res := c.client.Post(path, form)
					status, body = res.StatusCode, webtest.Body(t, res)
				default:
					q := "?don-vi=" + province + "&ky=2026S2"
					if strings.HasPrefix(path, "/bao-cao/nhap") {
						q = "?don-vi=" + commune + "&ky=2026S2"
					}
					res := c.client.Get(path + q)
					status, body = res.StatusCode, webtest.Body(t, res)
				}
				if m := showsLangSon(body); m != "" {
					t.Errorf("%s, %s: %d shows %q", c.name, pattern, status, m)
				}
				switch {
				case c.token == "" && open[pattern] && !strings.HasPrefix(path, "/api/") && path != "/bao-cao":
					if status != http.StatusOK {
						t.Errorf("%s, %s: %d, want the public page", c.name, pattern, status)
					}
				case c.token == "":
					if status != http.StatusSeeOther && status != http.StatusUnauthorized && status != http.StatusForbidden {
						t.Errorf("%s, %s: %d, want a refusal", c.name, pattern, status)
					}
				case open[pattern]:
					if status != http.StatusOK {
						t.Errorf("%s, %s: %d, want 200", c.name, pattern, status)
					}
				default:
					if status != http.StatusForbidden && status != http.StatusNotFound {
						t.Errorf("%s, %s: %d, want 403 or 404", c.name, pattern, status)
					}
				}
			}
		}
		w.Unchanged("the walk", before, volatile...)
	})
}

// TestReportPageWithoutReadScope: a signed-in officer of another
// province asking for a report by its id is refused and sees none of it,
// on the page and in the API.
func TestReportPageWithoutReadScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		rep := w.submitted(t)
		res := w.As("canbo.st").Get("/bao-cao/" + itoa(rep.ID))
		body := webtest.Body(t, res)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("page = %d", res.StatusCode)
		}
		if m := showsLangSon(body); m != "" || strings.Contains(body, "report-values") {
			t.Errorf("the refused page shows %q", m)
		}
		code, out := w.API("GET", "/api/v1/reports/"+itoa(rep.ID), w.Token("canbo.st"), nil)
		if code != http.StatusForbidden || out["id"] != nil || out["values"] != nil {
			t.Errorf("api = %d %v", code, out)
		}
		// The province's viewer reads it.
		if res := w.As("xem.tinh").Get("/bao-cao/" + itoa(rep.ID)); res.StatusCode != http.StatusOK {
			t.Errorf("the province's viewer = %d", res.StatusCode)
		}
	})
}

// TestOwnUnitDoesNotDecide: the leader and the admin of the reporting
// commune itself may neither approve nor return its report, on the page
// or through the API; nothing changes.
func TestOwnUnitDoesNotDecide(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		rep := w.submitted(t)
		path := "/bao-cao/" + itoa(rep.ID)
		for _, login := range []string{"lanhdao.xa", "quantri.xa"} {
			c, tok := w.As(login), w.Token(login)
			if page := webtest.Doc(t, c.Get(path)); page.Find("#approve, #return").Length() != 0 {
				t.Errorf("%s is offered the decision", login)
			}
			before := w.Snapshot(volatile...)
			for _, action := range []string{"/duyet", "/tra-lai"} {
				res := c.Post(path+action, url.Values{"version": {itoa(rep.Version)}, "comment": {"Tự trả lại"}})
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("%s POST %s = %d", login, action, res.StatusCode)
				}
			}
			for _, action := range []string{"/approve", "/return"} {
				code, out := w.API("POST", "/api/v1/reports/"+itoa(rep.ID)+action, tok, map[string]any{"version": rep.Version, "comment": "Tự trả lại"})
				if code != http.StatusForbidden {
					t.Errorf("%s API %s = %d %v", login, action, code, out)
				}
			}
			w.Unchanged(login+"'s refused decisions", before, volatile...)
		}
	})
}

// TestDecideOnlySubmitted: the leader above may not approve or return a
// draft, a returned report or one approved already; nothing changes.
func TestDecideOnlySubmitted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		leader, officer := w.As("lanhdao.tinh"), w.As("canbo.xa")
		commune := itoa(w.Units.NewChiLang.ID)
		refused := func(state string, id, version int64) {
			t.Helper()
			before := w.Snapshot(volatile...)
			for _, action := range []string{"/duyet", "/tra-lai"} {
				res := leader.Post("/bao-cao/"+itoa(id)+action, url.Values{"version": {itoa(version)}, "comment": {"Trả lại"}})
				if res.StatusCode != http.StatusConflict {
					t.Errorf("%s %s = %d", action, state, res.StatusCode)
				}
			}
			w.Unchanged("deciding on a "+state+" report", before, volatile...)
		}
		form := url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {"0"},
			field(w.dv): {"5.112"}, field(w.an1): {"12"}, field(w.an2): {"10"}, field(w.pc): {"85,5"}}
		if res := officer.Post("/bao-cao/nhap", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("draft = %d", res.StatusCode)
		}
		draft := w.find(t)
		refused("draft", draft.ID, draft.Version)
		form.Set("version", itoa(draft.Version))
		form.Set("action", "submit")
		if res := officer.Post("/bao-cao/nhap", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit = %d", res.StatusCode)
		}
		sub := w.find(t)
		if res := leader.Post("/bao-cao/"+itoa(sub.ID)+"/tra-lai", url.Values{"version": {itoa(sub.Version)}, "comment": {"Bổ sung"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("return = %d", res.StatusCode)
		}
		ret := w.find(t)
		refused("returned", ret.ID, ret.Version)
		form.Set("version", itoa(ret.Version))
		if res := officer.Post("/bao-cao/nhap", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("resubmit = %d", res.StatusCode)
		}
		sub = w.find(t)
		if res := leader.Post("/bao-cao/"+itoa(sub.ID)+"/duyet", url.Values{"version": {itoa(sub.Version)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve = %d", res.StatusCode)
		}
		app := w.find(t)
		if app.Status != report.Approved {
			t.Fatalf("status %s", app.Status)
		}
		refused("approved", app.ID, app.Version)
	})
}

// TestStaleEntryChangesNothing: saving the entry form from an old
// version is refused, shows what was typed with the reason, and leaves
// the stored values as they were.
func TestStaleEntryChangesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer := w.As("canbo.xa")
		form := url.Values{"don-vi": {itoa(w.Units.NewChiLang.ID)}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {"0"},
			field(w.dv): {"5.112"}}
		if res := officer.Post("/bao-cao/nhap", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("draft = %d", res.StatusCode)
		}
		form.Set("version", "1")
		form.Set(field(w.dv), "6")
		if res := officer.Post("/bao-cao/nhap", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("second draft = %d", res.StatusCode)
		}
		before := w.Snapshot(volatile...)
		form.Set(field(w.dv), "700") // still version 1: someone saved version 2 meanwhile
		res := officer.Post("/bao-cao/nhap", form)
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("stale save = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		if got := page.Find("#"+field(w.dv)).AttrOr("value", ""); got != "700" {
			t.Errorf("typed value shown as %q", got)
		}
		if !strings.Contains(page.Find(".notice.error").Text(), "người khác cập nhật") {
			t.Errorf("the refusal reads %q", page.Find(".notice.error").Text())
		}
		w.Unchanged("a stale save", before, volatile...)
		if r := w.find(t); r.Version != 2 || r.Values[report.Key{IndicatorID: w.dv.ID}] != 6 {
			t.Errorf("stored: version %d, DV02 %v", r.Version, r.Values[report.Key{IndicatorID: w.dv.ID}])
		}
	})
}
