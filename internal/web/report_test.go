package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// reportWorld adds to the harness a small catalogue (the standard
// half-year form code with five indicators), an officer of today's
// merged commune and a leader of the province above it.
type reportWorld struct {
	*harness
	store            *report.Store
	auth             *auth.Store
	officer, leader  sessionUser
	dv, an1, an2, pc report.Indicator
}

type sessionUser struct {
	id          int64
	token, csrf string
	login, pw   string
}

func newReportWorld(t *testing.T, d *db.DB) *reportWorld {
	t.Helper()
	ctx := context.Background()
	h := newHarness(t, d)
	units := org.NewStore(d)
	a := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
	w := &reportWorld{harness: h, store: report.NewStore(d, units, a), auth: a}
	lv := []string{"province", "district", "commune"}
	inds, err := w.store.CreateIndicators(ctx, []report.NewIndicator{
		{Indicator: report.Indicator{Code: "DV02", Name: "Cán bộ được bồi dưỡng công tác dân vận", Measure: "người", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true}},
		{Indicator: report.Indicator{Code: "AN01", Name: "Vụ việc hòa giải tiếp nhận", Measure: "vụ việc", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "AN02", Name: "Vụ việc hòa giải thành công", Measure: "vụ việc", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true}},
		{Indicator: report.Indicator{Code: "AN03", Name: "Tỷ lệ hòa giải thành công", Measure: "%", Field: "defence_security", Aggregation: report.Ratio, Percent: true, Levels: lv, Key: true}, NumeratorCode: "AN02", DenominatorCode: "AN01"},
		{Indicator: report.Indicator{Code: "AN07", Name: "Tỷ lệ học sinh được giáo dục quốc phòng", Measure: "%", Field: "defence_security", Aggregation: report.Average, Percent: true, Levels: lv}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.dv, w.an1, w.an2, w.pc = inds[0], inds[1], inds[2], inds[4]
	if _, err := w.store.CreateForm(ctx, report.NewForm{Code: report.FormHalf, Name: "Báo cáo sơ kết công tác dân vận 6 tháng",
		PeriodKind: vntext.Half, Sections: []string{"results", "tasks"}, Levels: lv,
		Indicators: []string{"DV02", "AN01", "AN02", "AN03", "AN07"}}); err != nil {
		t.Fatal(err)
	}
	mk := func(login string, role auth.Role, unit int64) sessionUser {
		pw := "mật khẩu thử nghiệm 2026"
		u, err := a.CreateUser(ctx, auth.NewUser{Login: login, Name: "Người dùng " + login, Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.GrantRole(ctx, u.ID, unit, role); err != nil {
			t.Fatal(err)
		}
		s, err := a.StartSession(ctx, u.ID, "192.0.2.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		return sessionUser{id: u.ID, token: s.Token, csrf: s.CSRFToken, login: login, pw: pw}
	}
	w.officer = mk("canbo.xa", auth.RoleOfficer, h.tr.merged.ID)
	w.leader = mk("lanhdao.tinh", auth.RoleLeader, h.tr.province.ID)
	return w
}

func (w *reportWorld) do(u sessionUser, method, path string, form url.Values) *http.Response {
	w.t.Helper()
	var req *http.Request
	if form != nil {
		form.Set("csrf", u.csrf)
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.AddCookie(&http.Cookie{Name: "danvan_session", Value: u.token})
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, req)
	return rec.Result()
}

func TestReportPagesWorkflow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newReportWorld(t, d)
		commune := itoa(w.tr.merged.ID)
		fields := func(dv, an1, an2, pc string) url.Values {
			return url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {"0"},
				"v" + itoa(w.dv.ID): {dv}, "v" + itoa(w.an1.ID): {an1}, "v" + itoa(w.an2.ID): {an2}, "v" + itoa(w.pc.ID): {pc},
				"results": {"Tổ chức tốt các hội nghị."}}
		}
		// A bad entry comes back with the input kept and the errors beside.
		res := w.do(w.officer, "POST", "/bao-cao/nhap", fields("5.112", "10", "12", "120"))
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("bad entry = %d", res.StatusCode)
		}
		page := doc(t, res)
		if got := page.Find("#v"+itoa(w.dv.ID)).AttrOr("value", ""); got != "5.112" {
			t.Errorf("typed value not kept: %q", got)
		}
		if page.Find(".indicator-row.has-error").Length() != 2 {
			t.Errorf("rows with errors = %d, want 2 (ratio parts, percent)", page.Find(".indicator-row.has-error").Length())
		}
		// The leader of the province may not enter the commune's report.
		if res := w.do(w.leader, "POST", "/bao-cao/nhap", fields("1", "1", "1", "1")); res.StatusCode != http.StatusForbidden {
			t.Errorf("leader enters = %d", res.StatusCode)
		}
		// Draft, then submit.
		if res := w.do(w.officer, "POST", "/bao-cao/nhap", fields("5.112", "12", "10", "85,5")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("draft = %d", res.StatusCode)
		}
		page = doc(t, w.do(w.officer, "GET", "/bao-cao/nhap?don-vi="+commune+"&ky=2026S2", nil))
		if got := page.Find("#v"+itoa(w.dv.ID)).AttrOr("value", ""); got != "5.112" {
			t.Errorf("saved value shown as %q", got)
		}
		if got := strings.TrimSpace(page.Find("output#v" + itoa(w.an1.ID+2)).Text()); got != "83,3%" {
			t.Errorf("derived ratio = %q", got)
		}
		f := fields("5.112", "12", "10", "85,5")
		f.Set("version", "1")
		f.Set("action", "submit")
		res = w.do(w.officer, "POST", "/bao-cao/nhap", f)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit = %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		if !strings.HasPrefix(loc, "/bao-cao/") {
			t.Fatalf("submit went to %q", loc)
		}
		// The leader sees the submission on the reports page and decides.
		page = doc(t, w.do(w.leader, "GET", "/bao-cao", nil))
		if !strings.Contains(page.Find(".report-notes").Text(), "chờ phê duyệt") {
			t.Errorf("leader's notifications: %q", page.Find(".report-notes").Text())
		}
		page = doc(t, w.do(w.leader, "GET", loc, nil))
		if page.Find("#approve").Length() != 1 {
			t.Fatal("no approve button for the leader")
		}
		if res := w.do(w.officer, "POST", loc+"/duyet", url.Values{"version": {"2"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("officer approves = %d", res.StatusCode)
		}
		if res := w.do(w.leader, "POST", loc+"/tra-lai", url.Values{"version": {"2"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("return without comment = %d", res.StatusCode)
		}
		if res := w.do(w.leader, "POST", loc+"/duyet", url.Values{"version": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve = %d", res.StatusCode)
		}
		// The dashboard of the province shows the approved figure.
		page = doc(t, w.do(w.leader, "GET", "/bao-cao/tong-hop?don-vi="+itoa(w.tr.province.ID)+"&ky=2026S2", nil))
		if got := page.Find(`.key-value[data-code="DV02"]`).Text(); got != "5.112" {
			t.Errorf("dashboard DV02 = %q", got)
		}
		if page.Find("figure.chart svg rect.bar").Length() == 0 || page.Find("table.chart-table tbody tr").Length() == 0 {
			t.Error("dashboard lacks the chart or its table")
		}
		if page.Find("table.children tbody tr").Length() != 1 {
			t.Errorf("sub-units rows = %d", page.Find("table.children tbody tr").Length())
		}
		// Exports.
		res = w.do(w.leader, "GET", "/bao-cao/xuat.csv?don-vi="+itoa(w.tr.province.ID)+"&ky=2026S2", nil)
		var body bytes.Buffer
		_, _ = body.ReadFrom(res.Body)
		if res.StatusCode != 200 || !strings.Contains(body.String(), "LS-X1,Khối Dân vận xã Chi Lăng,DV02") || !strings.Contains(body.String(), "5112") {
			t.Errorf("csv export = %d %q", res.StatusCode, body.String())
		}
		if res := w.do(w.leader, "GET", "/bao-cao/xuat.xlsx?don-vi="+itoa(w.tr.province.ID)+"&ky=2026S2", nil); res.StatusCode != 200 ||
			!strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
			t.Errorf("xlsx export = %d", res.StatusCode)
		}
	})
}

func TestReportAPI(t *testing.T) {
	w := newReportWorld(t, dbtest.Open(t, "sqlite"))
	ctx := context.Background()
	_, secret, err := w.auth.CreateToken(ctx, w.officer.id, "thử")
	if err != nil {
		t.Fatal(err)
	}
	_, lsecret, err := w.auth.CreateToken(ctx, w.leader.id, "thử")
	if err != nil {
		t.Fatal(err)
	}
	call := func(tok, method, path, body string) (int, map[string]any) {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		w.srv.ServeHTTP(rec, req)
		var out map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		return rec.Code, out
	}
	if code, out := call(secret, "GET", "/api/v1/indicators", ""); code != 200 || len(out["indicators"].([]any)) != 5 {
		t.Fatalf("indicators = %d %v", code, out)
	}
	unit := itoa(w.tr.merged.ID)
	code, out := call(secret, "POST", "/api/v1/reports/submit",
		`{"unit_id":`+unit+`,"period":"2026S2","version":0,"values":{"DV02":"5.112","AN01":12,"AN02":10,"AN07":"85,5"}}`)
	if code != 200 || out["status"] != "submitted" {
		t.Fatalf("submit = %d %v", code, out)
	}
	id := itoa(int64(out["id"].(float64)))
	if code, _ := call(secret, "POST", "/api/v1/reports/"+id+"/approve", `{"version":1}`); code != http.StatusForbidden {
		t.Errorf("officer approves = %d", code)
	}
	if code, out := call(lsecret, "POST", "/api/v1/reports/"+id+"/return", `{"version":1,"comment":"Bổ sung số liệu"}`); code != 200 || out["status"] != "returned" {
		t.Errorf("return = %d %v", code, out)
	}
	if code, out := call(secret, "POST", "/api/v1/reports/draft", `{"unit_id":`+unit+`,"period":"2026S2","version":2,"values":{"DV02":"-1","AN07":"101"}}`); code != 400 || len(out["error"].(map[string]any)["fields"].([]any)) != 2 {
		t.Errorf("bad draft = %d %v", code, out)
	}
	if code, _ := call(secret, "POST", "/api/v1/reports/submit", `{"unit_id":`+unit+`,"period":"2026S2","version":2}`); code != 200 {
		t.Errorf("resubmit = %d", code)
	}
	if code, _ := call(lsecret, "POST", "/api/v1/reports/"+id+"/approve", `{"version":3}`); code != 200 {
		t.Errorf("approve = %d", code)
	}
	code, out = call(lsecret, "GET", "/api/v1/rollup?unit_id="+itoa(w.tr.province.ID)+"&period=2026S2", "")
	if code != 200 {
		t.Fatalf("rollup = %d %v", code, out)
	}
	figs := map[string]float64{}
	for _, f := range out["figures"].([]any) {
		m := f.(map[string]any)
		figs[m["code"].(string)] = m["value"].(float64)
	}
	if figs["DV02"] != 5112 || figs["AN07"] != 85.5 || figs["AN03"] < 83.3 || figs["AN03"] > 83.4 {
		t.Errorf("rollup figures = %v", figs)
	}
	if code, out := call(lsecret, "GET", "/api/v1/reports/"+id, ""); code != 200 || out["status"] != "approved" {
		t.Errorf("get = %d %v", code, out)
	}
}
