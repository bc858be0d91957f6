// Package reportui serves periodic reporting: the reports page, entering
// a report and its workflow (/bao-cao/nhap, /bao-cao/{id}), the
// dashboard (/bao-cao/tong-hop), uploads and exports of the value table,
// the indicator catalogue (/chi-tieu) and the JSON API over the same
// (/api/v1/indicators, /api/v1/reports…, /api/v1/rollup,
// /api/v1/dashboard). Who may do what is decided in package report; the
// handlers here parse, call it and render.
//
//	report.go     Mount, the routes, the shared request readers
//	entry.go      entering a report (GET/POST /bao-cao/nhap)
//	show.go       a report, approving and returning it
//	overview.go   the reports page and the indicator catalogue
//	dashboard.go  the dashboard page
//	files.go      uploading and exporting the value table
//	api.go        the JSON API
//	messages.go   the words of these pages
//	templates/    the pages
package reportui

import (
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// handlers serve periodic reporting.
type handlers struct {
	*kit.Kit
	store *report.Store
	tmpl  *kit.Templates
}

// Mount returns the routes of periodic reporting and its links in the
// header (for signed-in users).
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: report.NewStore(k.DB, k.Org, k.Auth)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /bao-cao", Handler: h.page(h.index)},
			{Pattern: "GET /bao-cao/nhap", Handler: h.page(h.entryForm)},
			{Pattern: "POST /bao-cao/nhap", Handler: h.page(h.entrySave)},
			{Pattern: "GET /bao-cao/{id}", Handler: h.page(h.show)},
			{Pattern: "POST /bao-cao/{id}/duyet", Handler: h.page(h.approve)},
			{Pattern: "POST /bao-cao/{id}/tra-lai", Handler: h.page(h.giveBack)},
			{Pattern: "GET /bao-cao/tong-hop", Handler: h.page(h.dashboard)},
			{Pattern: "GET /bao-cao/tai-len", Handler: h.page(h.uploadForm)},
			{Pattern: "POST /bao-cao/tai-len", Handler: h.page(h.upload)},
			{Pattern: "GET /bao-cao/mau.xlsx", Handler: h.page(h.template)},
			{Pattern: "GET /bao-cao/xuat.xlsx", Handler: h.page(h.exportXLSX)},
			{Pattern: "GET /bao-cao/xuat.csv", Handler: h.page(h.exportCSV)},
			{Pattern: "GET /chi-tieu", Handler: h.indicators},

			{Pattern: "GET /api/v1/indicators", Handler: h.api(h.apiIndicators)},
			{Pattern: "GET /api/v1/reports", Handler: h.api(h.apiFindReport)},
			{Pattern: "GET /api/v1/reports/{id}", Handler: h.api(h.apiGetReport)},
			{Pattern: "POST /api/v1/reports/draft", Handler: h.api(h.apiSaveDraft)},
			{Pattern: "POST /api/v1/reports/submit", Handler: h.api(h.apiSubmit)},
			{Pattern: "POST /api/v1/reports/{id}/approve", Handler: h.api(h.apiApprove)},
			{Pattern: "POST /api/v1/reports/{id}/return", Handler: h.api(h.apiReturn)},
			{Pattern: "GET /api/v1/rollup", Handler: h.api(h.apiRollup)},
			{Pattern: "GET /api/v1/dashboard", Handler: h.api(h.apiDashboard)},
		},
		Nav: []kit.NavLink{
			{Href: "/bao-cao", Key: "report.nav", Show: kit.SignedIn},
			{Href: "/bao-cao/tong-hop", Key: "report.nav.dash", Show: kit.SignedIn},
		},
	}, nil
}

// handler is a page or API handler of a signed-in user that fails with
// an error (shown as the error page, or the API's error body).
type handler func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error

// page serves fn to a signed-in user (a visitor is sent to sign in) and
// shows its error as the error page.
func (h *handlers) page(fn handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := h.RequireUser(w, r)
		if !ok {
			return
		}
		if err := fn(w, r, p); err != nil {
			h.Fail(w, r, err)
		}
	}
}

// api serves fn to an API caller (401 without a token) and answers its
// error as the API's error body.
func (h *handlers) api(fn handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := h.APIUser(w, r)
		if !ok {
			return
		}
		err := fn(w, r, p)
		var many manyErrors
		switch {
		case errors.As(err, &many):
			h.apiErrors(w, r, many.Errors)
		case err != nil:
			h.APIError(w, r, err)
		}
	}
}

// currentHalf is the six-month period containing today.
func (h *handlers) currentHalf() vntext.Period {
	t := h.Today()
	part := 1
	if t.Month() > 6 {
		part = 2
	}
	return vntext.Period{Kind: vntext.Half, Year: t.Year(), Part: part}
}

// params reads ?don-vi= (default: the user's first grant) and ?ky=
// (default: the current six months) of a page.
func (h *handlers) params(r *http.Request) (unitID int64, per vntext.Period, err error) {
	q := r.URL.Query()
	if v := q.Get("don-vi"); v != "" {
		if unitID = kit.FormID(v); unitID == 0 {
			return 0, per, apperr.NotFound("report.err.unit")
		}
	} else if p := kit.Principal(r); p != nil && len(p.Grants) > 0 {
		unitID = p.Grants[0].UnitID
	}
	per = h.currentHalf()
	if v := strings.TrimSpace(q.Get("ky")); v != "" {
		if per, err = report.ParsePeriod(v); err != nil {
			return 0, per, err
		}
	}
	if unitID == 0 {
		return 0, per, apperr.NotFound("report.err.unit")
	}
	return unitID, per, nil
}

// periodChoices lists the six-month periods offered in pickers, newest
// first.
func (h *handlers) periodChoices() []vntext.Period {
	last := report.Next(h.currentHalf())
	var out []vntext.Period
	for p := last; p.Year >= 2015; p = report.Previous(p) {
		out = append(out, p)
	}
	return out
}

// target names the report of a unit for a period with the form ?mau=
// (by code), or the form for the unit's level as it stood in the period.
func (h *handlers) target(r *http.Request, unitID int64, per vntext.Period) (report.Target, error) {
	ctx := r.Context()
	var f report.Form
	var err error
	if code := r.FormValue("mau"); code != "" {
		f, err = h.store.FormByCode(ctx, code)
	} else {
		u, gerr := h.Org.Get(ctx, unitID, per.End())
		if apperr.CodeOf(gerr) == apperr.CodeNotFound {
			u, gerr = h.Org.Get(ctx, unitID, per.Start())
		}
		if gerr != nil {
			return report.Target{}, gerr
		}
		f, err = h.store.FormFor(ctx, u.Level, per.Kind)
	}
	if err != nil {
		return report.Target{}, err
	}
	return report.Target{UnitID: unitID, FormID: f.ID, Period: per}, nil
}
