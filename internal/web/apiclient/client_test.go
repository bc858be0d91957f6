package apiclient_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/danvan/danvan/docs"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/apiclient"
	"github.com/danvan/danvan/internal/web/webtest"
)

// checked is an HTTP client that checks every answer against the API
// description (status, headers, body schema) before handing it back.
type checked struct {
	t      *testing.T
	router routers.Router
	seen   int
}

func (c *checked) Do(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	res.Body = io.NopCloser(bytes.NewReader(body))

	check := req.Clone(context.Background())
	check.Body = io.NopCloser(bytes.NewReader(reqBody))
	route, params, err := c.router.FindRoute(check)
	if err != nil {
		c.t.Errorf("%s %s is not in the description: %v", req.Method, req.URL.Path, err)
		return res, nil
	}
	in := &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		c.t.Errorf("%s %s: the request breaks the description: %v", req.Method, req.URL.Path, err)
	}
	if err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: res.StatusCode, Header: res.Header, Body: io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}); err != nil {
		c.t.Errorf("%s %s → %d: the answer breaks the description: %v\n%s", req.Method, req.URL.Path, res.StatusCode, err, body)
	}
	c.seen++
	return res, nil
}

// TestGeneratedClient drives the server with the client generated from
// docs/openapi.yaml: it signs in with a token, reads the caller and the
// units, saves a report draft, sees its 409 on a stale save, and records
// a conference; every request and answer is checked against the
// description.
func TestGeneratedClient(t *testing.T) {
	ctx := context.Background()
	s := webtest.New(t, dbtest.Open(t, "sqlite"), webtest.At(org.Date(2026, 12, 2)))
	if err := report.NewStore(s.DB, s.Org, s.Auth).SeedCatalogue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	s.AddUser("canbo.xa", auth.RoleOfficer, s.Units.NewChiLang.ID)
	token := s.Token("canbo.xa")
	base := s.Serve()

	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromData(docs.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	spec.Servers = openapi3.Servers{{URL: base}}
	if err := spec.Validate(ctx); err != nil {
		t.Fatalf("the description does not validate: %v", err)
	}
	router, err := legacy.NewRouter(spec)
	if err != nil {
		t.Fatal(err)
	}
	doer := &checked{t: t, router: router}
	c, err := apiclient.NewClientWithResponses(base, apiclient.WithHTTPClient(doer),
		apiclient.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer "+token)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}

	me, err := c.GetMeWithResponse(ctx)
	if err != nil || me.JSON200 == nil || me.JSON200.Login == nil || *me.JSON200.Login != "canbo.xa" {
		t.Fatalf("GetMe: %v %+v", err, me)
	}
	units, err := c.ListUnitsWithResponse(ctx, &apiclient.ListUnitsParams{})
	if err != nil || units.StatusCode() != http.StatusOK || len(units.Body) < 10 {
		t.Fatalf("ListUnits: %v %d", err, units.StatusCode())
	}

	form, period := report.FormHalf, "2026S2"
	results := map[string]string{"results": "Tổ chức 3 cuộc đối thoại với Nhân dân."}
	draft, err := c.SaveReportDraftWithResponse(ctx, apiclient.ReportInput{UnitId: s.Units.NewChiLang.ID, Form: &form, Period: period,
		Version: 0, Narrative: &results})
	if err != nil || draft.JSON200 == nil || draft.JSON200.Version < 1 {
		t.Fatalf("SaveReportDraft: %v %d %s", err, draft.StatusCode(), draft.Body)
	}
	v := draft.JSON200.Version
	again, err := c.SaveReportDraftWithResponse(ctx, apiclient.ReportInput{UnitId: s.Units.NewChiLang.ID, Form: &form, Period: period,
		Version: v, Narrative: &results})
	if err != nil || again.StatusCode() != http.StatusOK {
		t.Fatalf("a second save: %v %d %s", err, again.StatusCode(), again.Body)
	}
	stale, err := c.SaveReportDraftWithResponse(ctx, apiclient.ReportInput{UnitId: s.Units.NewChiLang.ID, Form: &form, Period: period,
		Version: v, Narrative: &results})
	if err != nil || stale.StatusCode() != http.StatusConflict {
		t.Fatalf("a stale save: %v %d %s", err, stale.StatusCode(), stale.Body)
	}

	conf, err := c.CreateConferenceWithResponse(ctx, apiclient.CreateConferenceJSONRequestBody{UnitId: int(s.Units.NewChiLang.ID),
		Kind: "so_ket", Title: "Hội nghị sơ kết công tác dân vận 6 tháng cuối năm 2026",
		HeldOn: openapi_types.Date{Time: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil || conf.StatusCode() != http.StatusCreated {
		t.Fatalf("CreateConference: %v %d %s", err, conf.StatusCode(), conf.Body)
	}
	if doer.seen != 6 {
		t.Errorf("%d answers checked, want 6", doer.seen)
	}
}
