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
	"io/fs"
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/document"
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
	// docs answers who may draft a unit's review report, for the
	// dashboard's link to it.
	docs *document.Store
	// bodies are the dashboards' kept bodies (dashboard.go).
	bodies db.Kept[bodyKey, report.Stamp, *kit.Kept]
}

// Mount returns the routes of periodic reporting and its links in the
// header (for signed-in users).
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: report.NewStore(k.DB, k.Org, k.Auth),
		docs: document.NewStore(k.DB, k.Org, k.Auth, k.Files, document.DefaultSettings())}
	h.bodies.Max = maxBodies
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /bao-cao", Handler: k.Signed(h.index)},
			{Pattern: "GET /bao-cao/nhap", Handler: k.Signed(h.entryForm)},
			{Pattern: "POST /bao-cao/nhap", Handler: k.Signed(h.entrySave)},
			{Pattern: "GET /bao-cao/{id}", Handler: k.Signed(h.show)},
			{Pattern: "POST /bao-cao/{id}/duyet", Handler: k.Signed(h.approve)},
			{Pattern: "POST /bao-cao/{id}/tra-lai", Handler: k.Signed(h.giveBack)},
			{Pattern: "GET /bao-cao/tong-hop", Handler: k.Signed(h.dashboard)},
			{Pattern: "GET /bao-cao/tai-len", Handler: k.Signed(h.uploadForm)},
			{Pattern: "POST /bao-cao/tai-len", Handler: k.Signed(h.upload)},
			{Pattern: "GET /bao-cao/mau.xlsx", Handler: k.Signed(h.template)},
			{Pattern: "GET /bao-cao/xuat.xlsx", Handler: k.Signed(h.exportXLSX)},
			{Pattern: "GET /bao-cao/xuat.csv", Handler: k.Signed(h.exportCSV)},
			{Pattern: "GET /chi-tieu", Handler: k.Public(h.indicators)},

			{Pattern: "GET /api/v1/indicators", Handler: k.API(h.apiIndicators)},
			{Pattern: "GET /api/v1/reports", Handler: k.API(h.apiFindReport)},
			{Pattern: "GET /api/v1/reports/{id}", Handler: k.API(h.apiGetReport)},
			{Pattern: "POST /api/v1/reports/draft", Handler: k.API(h.apiSaveDraft)},
			{Pattern: "POST /api/v1/reports/submit", Handler: k.API(h.apiSubmit)},
			{Pattern: "POST /api/v1/reports/{id}/approve", Handler: k.API(h.apiApprove)},
			{Pattern: "POST /api/v1/reports/{id}/return", Handler: k.API(h.apiReturn)},
			{Pattern: "GET /api/v1/rollup", Handler: k.API(h.apiRollup)},
			{Pattern: "GET /api/v1/dashboard", Handler: k.API(h.apiDashboard)},
		},
		Nav: []kit.NavLink{
			{Href: "/bao-cao", Key: "report.nav", Show: kit.SignedIn},
			{Href: "/bao-cao/tong-hop", Key: "report.nav.dash", Show: kit.SignedIn},
		},
	}, nil
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
// first: the current one and those before it (a period that has not
// started has nothing to report).
func (h *handlers) periodChoices() []vntext.Period {
	var out []vntext.Period
	for p := h.currentHalf(); p.Year >= 2015; p = report.Previous(p) {
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
