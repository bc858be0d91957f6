package practiceui_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEveryRouteOutOfScope walks every route the registry mounts (taken
// from the server, so a new route is walked without editing this test)
// against a registered model of Quang Lang, with its photo, as a visitor,
// a disabled account, an officer of a neighbour commune and a leader of
// a neighbour district: each request is refused or shows nothing of the
// model, and the database is unchanged.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		reg, rec, photo := w.models()
		ql := fmt.Sprint(w.Units.QuangLang.ID)
		var register bytes.Buffer
		if err := sheet.Write(&register, []sheet.Record{{ID: reg.ID, Name: "Đổi tên lậu", UnitCode: "LS-CL-QL", Field: "Kinh tế",
			OwnerType: "Tập thể", Owner: "X", Started: "01/01/2023"}, {Name: "Lậu", UnitCode: "LS-CL-QL", Field: "Kinh tế",
			OwnerType: "Tập thể", Owner: "X", Started: "01/01/2023"}}); err != nil {
			t.Fatal(err)
		}
		// What each route is sent: a query naming Quang Lang, or a form or
		// body that would change the model if it were allowed.
		queries := map[string]string{
			"GET /mo-hinh": "?don-vi=" + ql, "GET /mo-hinh/tieu-bieu": "?don-vi=" + ql, "GET /mo-hinh/moi": "?don-vi=" + ql,
			"GET /mo-hinh/xuat": "?don-vi=" + ql, "GET /mo-hinh/nhap": "?don-vi=" + ql, "GET /cong-khai/mo-hinh": "?q=camera",
			"GET /api/v1/practices": "?status=all&unit_id=" + ql,
		}
		model := map[string]string{"unit_id": ql, "name": "Đổi tên lậu", "field": "economy", "owner_type": "collective",
			"owner_name": "X", "started_on": "2023-01-01", "version": "1"}
		forms := map[string]map[string]string{
			"POST /mo-hinh/moi":                       model,
			"POST /mo-hinh/{id}/sua":                  model,
			"POST /mo-hinh/{id}/trien-khai":           {"on": "2024-01-01"},
			"POST /mo-hinh/{id}/cong-nhan":            {"by_unit": fmt.Sprint(w.Units.ChiLang.ID), "decision_no": "1", "on": "2024-01-01"},
			"POST /mo-hinh/{id}/nhan-rong":            {"unit_id": fmt.Sprint(w.Units.MaiSao.ID)},
			"POST /mo-hinh/{id}/dung":                 {"on": "2024-01-01", "reason": "x"},
			"POST /mo-hinh/{id}/ket-qua":              {"on": "2024-01-01", "indicator": "Hộ", "value": "5"},
			"POST /mo-hinh/nhap":                      {"unit_id": ql},
			"POST /api/v1/practices":                  nil,
			"POST /api/v1/practices/{id}/transitions": nil,
		}
		files := map[string]webtest.File{
			"POST /mo-hinh/{id}/tep": {Field: "file", Name: "anh.png", Data: testPNG(t)},
			"POST /mo-hinh/nhap":     {Field: "file", Name: "so.xlsx", Data: register.Bytes()},
		}
		bodies := map[string][]string{
			"POST /api/v1/practices": {fmt.Sprintf(`{"unit_id":%s,"name":"Lậu","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-01-01"}`, ql)},
			"POST /api/v1/practices/{id}/transitions": {`{"action":"start","on":"2024-01-01"}`, `{"action":"stop","reason":"x"}`,
				fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"1"}`, w.Units.ChiLang.ID),
				fmt.Sprintf(`{"action":"adopt","unit_id":%d}`, w.Units.MaiSao.ID)},
		}
		routes := w.Routes("/mo-hinh", "/cong-khai/mo-hinh", "/api/v1/practices")
		if len(routes) < 29 {
			t.Fatalf("the registry mounts %d routes: %v", len(routes), routes)
		}
		tokens := map[string]string{}
		for _, login := range []string{"officer.ms", "leader.clo", "disabled"} {
			tokens[login] = w.Token(login)
		}
		clients := map[string]*webtest.Client{"": w.Anon(), "officer.ms": w.As("officer.ms"), "leader.clo": w.As("leader.clo"), "disabled": w.As("disabled")}
		w.disable("disabled")
		shows := func(body string) bool {
			return strings.Contains(body, registeredName) || strings.Contains(body, secretPhone) || strings.Contains(body, secretNotes)
		}
		before := w.Snapshot("sessions", "api_tokens")
		for _, who := range []string{"", "disabled", "officer.ms", "leader.clo"} {
			c := clients[who]
			for _, pattern := range routes {
				method, path := w.Fill(pattern, "id", fmt.Sprint(reg.ID), "fid", fmt.Sprint(photo.ID))
				path += queries[pattern]
				var results []*http.Response
				switch {
				case strings.HasPrefix(path, "/api/"):
					for _, body := range append(bodies[pattern], "")[:max(1, len(bodies[pattern]))] {
						var b any
						if body != "" {
							b = body
						}
						results = append(results, w.APIResponse(method, path, tokens[who], b))
					}
				case method == http.MethodGet:
					results = append(results, c.Get(path))
				default:
					var fs []webtest.File
					if f, ok := files[pattern]; ok {
						fs = append(fs, f)
					}
					results = append(results, c.PostMultipart(path, forms[pattern], fs...))
				}
				for _, res := range results {
					body := webtest.Body(t, res)
					refused := res.StatusCode >= 400 || (res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap"))
					if shows(body) {
						t.Errorf("%q %s %s = %d shows the model", who, method, path, res.StatusCode)
					}
					// A route about the model itself must refuse; a list may
					// answer, without the model.
					if !refused && (strings.Contains(pattern, "{id}") || res.StatusCode != http.StatusOK) {
						t.Errorf("%q %s %s = %d, want a refusal", who, method, path, res.StatusCode)
					}
				}
			}
			// The recognized model is public, but no outsider may move it.
			for _, step := range []struct{ path string }{{"/mo-hinh/%d/cong-nhan"}, {"/mo-hinh/%d/dung"}} {
				path := fmt.Sprintf(step.path, rec.ID)
				res := c.PostMultipart(path, map[string]string{"by_unit": fmt.Sprint(w.Units.CaoLoc.ID), "decision_no": "1", "on": "2024-01-01", "reason": "x"})
				if res.StatusCode < 400 && !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
					t.Errorf("%q POST %s = %d, want a refusal", who, path, res.StatusCode)
				}
				res.Body.Close()
			}
			if d := webtest.Diff(before, w.Snapshot("sessions", "api_tokens")); d != "" {
				t.Fatalf("requests by %q changed the data:\n%s", who, d)
			}
		}
		// The neighbour's API list holds nothing of Quang Lang.
		code, out := w.API("GET", "/api/v1/practices?status=all", tokens["officer.ms"], nil)
		if code != 200 || out["total"].(float64) != 0 {
			t.Errorf("a neighbour's API list = %d %v", code, out)
		}
	})
}
