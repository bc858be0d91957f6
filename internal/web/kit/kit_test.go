package kit_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

func newKit(t *testing.T) *kit.Kit {
	t.Helper()
	d := dbtest.Open(t, "sqlite")
	units := org.NewStore(d)
	files, err := blob.Open(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Merge(kit.Messages, vntext.Messages, i18n.Catalog{
		"x.err.name": {"Chưa nhập tên.", "The name is missing."},
		"x.err.date": {"Ngày sai.", "Bad date."},
		"x.title":    {"Tiêu đề", "Title"},
	})
	if err != nil {
		t.Fatal(err)
	}
	k, err := kit.New(kit.Config{DB: d, Org: units, Auth: auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams}),
		Files: files, Catalog: cat, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return time.Date(2026, 12, 2, 23, 30, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestFormDay(t *testing.T) {
	for in, want := range map[string]string{
		"2020-12-25": "2020-12-25", "25/12/2020": "2020-12-25", " 5/7/2025 ": "2025-07-05", "": "0001-01-01",
	} {
		got, err := kit.FormDay("ngay", in)
		if err != nil || got.Format(time.DateOnly) != want {
			t.Errorf("FormDay(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"31/02/2023", "hôm qua", "2023", "19-20/10/2023", "2020-13-01"} {
		_, err := kit.FormDay("ngay", bad)
		if e, ok := apperr.As(err); !ok || e.Field != "ngay" || e.Key != "form.err.date" {
			t.Errorf("FormDay(%q) = %v, want an invalid-date error on ngay", bad, err)
		}
	}
}

func TestReadJSON(t *testing.T) {
	type body struct {
		Name string `json:"name"`
		N    int    `json:"n"`
	}
	tests := []struct {
		in, key, field string
	}{
		{`{"name":"Quang Lang","n":2}`, "", ""},
		{``, "api.err.body_empty", ""},
		{`{"name":`, "api.err.json_cut", ""},
		{`{"name" "a"}`, "api.err.json_syntax", ""},
		{`{"name":"a","extra":1}`, "api.err.json_unknown", "extra"},
		{`{"n":"hai"}`, "api.err.json_type", "n"},
		{`{"name":"a"} {"name":"b"}`, "api.err.json_trailing", ""},
		{`{"name":"` + strings.Repeat("a", 200) + `"}`, "api.err.body_large", ""},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/x", strings.NewReader(tt.in))
		var b body
		err := kit.ReadJSON(httptest.NewRecorder(), req, 100, &b)
		key, _ := apperr.KeyOf(err)
		if key != tt.key {
			t.Errorf("ReadJSON(%.30q) = %v, want key %q", tt.in, err, tt.key)
		}
		if e, ok := apperr.As(err); ok && e.Field != tt.field {
			t.Errorf("ReadJSON(%.30q): field %q, want %q", tt.in, e.Field, tt.field)
		}
		if tt.key == "" && (b.Name != "Quang Lang" || b.N != 2) {
			t.Errorf("decoded %+v", b)
		}
	}
}

func TestQueryAndSafeNext(t *testing.T) {
	if got := kit.Query("don-vi", "211", "ky", "2026S1", "q", "", "tên", "Hòa & Bình"); got != "don-vi=211&ky=2026S1&t%C3%AAn=H%C3%B2a+%26+B%C3%ACnh" {
		t.Errorf("Query = %q", got)
	}
	for in, want := range map[string]string{"/mo-hinh?x=1": "/mo-hinh?x=1", "": "/", "//evil.example": "/", "/\\evil": "/", "https://evil.example": "/"} {
		if got := kit.SafeNext(in); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPager(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/mo-hinh?linh-vuc=economy&trang=2", nil)
	page, off := kit.PageParams(r, 25)
	if page != 2 || off != 25 {
		t.Fatalf("PageParams = %d, %d", page, off)
	}
	p := kit.NewPager(r, page, 25, 60)
	if p.Pages != 3 || p.PrevURL != "/mo-hinh?linh-vuc=economy" || p.NextURL != "/mo-hinh?linh-vuc=economy&trang=3" {
		t.Errorf("pager = %+v", p)
	}
	if p := kit.NewPager(r, 1, 25, 0); p.Pages != 1 || p.PrevURL != "" || p.NextURL != "" {
		t.Errorf("empty list pager = %+v", p)
	}
}

// The handler shapes: a visitor is sent to sign in (pages) or answered
// 401 (API); a handler's error becomes the error page or the API's error
// body in the request's language, with every field error listed.
func TestHandlerShapes(t *testing.T) {
	k := newKit(t)
	fails := func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
		var es apperr.Errors
		es.Add("name", "x.err.name")
		es.Add("date", "x.err.date")
		return es
	}
	res := httptest.NewRecorder()
	k.Signed(fails)(res, httptest.NewRequest(http.MethodGet, "/x?a=1", nil))
	if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/dang-nhap?tiep=%2Fx%3Fa%3D1" {
		t.Errorf("visitor on a page: %d %s", res.Code, res.Header().Get("Location"))
	}
	res = httptest.NewRecorder()
	k.API(fails)(res, httptest.NewRequest(http.MethodGet, "/api/v1/x", nil))
	if res.Code != http.StatusUnauthorized || res.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("API without a token: %d", res.Code)
	}

	p := &auth.Principal{User: auth.User{ID: 1, Login: "a", Active: true}}
	req := httptest.NewRequest(http.MethodPost, "/api/v1/x", nil)
	req = req.WithContext(kit.WithLang(kit.WithPrincipal(req.Context(), p), i18n.EN))
	res = httptest.NewRecorder()
	k.API(fails)(res, req)
	var body kit.APIErrorBody
	if err := json.Unmarshal(res.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if res.Code != http.StatusBadRequest || body.Error.Code != "invalid" || body.Error.Message != "The name is missing." ||
		body.Error.Field != "name" || len(body.Error.Fields) != 2 || body.Error.Fields[1].Message != "Bad date." {
		t.Errorf("API error = %d %+v", res.Code, body)
	}

	// An internal error says nothing of its cause and shows the request id.
	boom := func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
		return errors.New("disk on fire")
	}
	req = httptest.NewRequest(http.MethodGet, "/x", nil)
	req = req.WithContext(kit.WithRequestID(kit.WithPrincipal(req.Context(), p), "abc123"))
	res = httptest.NewRecorder()
	k.Signed(boom)(res, req)
	if res.Code != http.StatusInternalServerError || strings.Contains(res.Body.String(), "disk") || !strings.Contains(res.Body.String(), "abc123") {
		t.Errorf("internal error page: %d\n%s", res.Code, res.Body.String())
	}
}

// A feature's templates: pages at any depth, partials shared by its pages,
// the feature's own functions, the title from the catalog.
func TestTemplates(t *testing.T) {
	k := newKit(t)
	fsys := fstest.MapFS{
		"_row.html":     {Data: []byte(`{{define "row"}}<li>{{shout .}}</li>{{end}}`)},
		"list.html":     {Data: []byte(`{{template "layout.html" .}}{{define "content"}}<ul>{{range .Items}}{{template "row" .}}{{end}}</ul>{{end}}`)},
		"sub/edit.html": {Data: []byte(`{{template "layout.html" .}}{{define "content"}}<p>{{t "x.title"}}</p>{{end}}`)},
	}
	tmpl, err := k.Templates(fsys, map[string]any{"shout": strings.ToUpper})
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		kit.Page
		Items []string
	}
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	res := httptest.NewRecorder()
	tmpl.Render(res, req, http.StatusOK, "list", view{Page: k.Page(res, req, "x.title"), Items: []string{"xã", "phường"}})
	if b := res.Body.String(); res.Code != 200 || !strings.Contains(b, "<li>XÃ</li>") || !strings.Contains(b, "<title>Tiêu đề") {
		t.Errorf("list page: %d\n%s", res.Code, b)
	}
	req = req.WithContext(kit.WithLang(req.Context(), i18n.EN))
	res = httptest.NewRecorder()
	tmpl.Render(res, req, http.StatusOK, "sub/edit", view{Page: k.Page(res, req, "x.title")})
	if b := res.Body.String(); !strings.Contains(b, "<p>Title</p>") {
		t.Errorf("English sub-page:\n%s", b)
	}
	res = httptest.NewRecorder()
	tmpl.Render(res, req, http.StatusOK, "nope", nil)
	if res.Code != http.StatusInternalServerError {
		t.Errorf("missing page = %d", res.Code)
	}
	if _, err := k.Templates(fstest.MapFS{"bad.html": {Data: []byte(`{{template "layout.html" .}}{{define "content"}}{{.Nope`)}}, nil); err == nil {
		t.Error("a broken template parsed")
	}
}
