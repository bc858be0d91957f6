// Package documentui serves the documents a board issues (/van-ban): the
// outgoing register with its filters and XLSX export, drafting a
// document from a unit's figures or a conference's record with a
// preview, issuing it with a number, its DOCX, PDF and signed scan,
// revoking it with a reason; and their API (/api/v1/documents). The
// handlers parse, call package document, and render; who may see or do
// what is decided there.
package documentui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages and API.
type handlers struct {
	*kit.Kit
	tmpl     *kit.Templates
	store    *document.Store
	gen      *document.Generator
	meetings *meeting.Store
	settings document.Settings
	sites    *portal.Store // the portal sites "Viết tin" drafts on
}

// pageSize is how many rows a register page shows.
const pageSize = kit.DefaultPageSize

// Mount returns the routes of the register and of drafting and issuing
// documents, and the register's link in the header; settings are the
// deployment's page settings (its margins) every file is written with.
func Mount(k *kit.Kit, settings document.Settings) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	store := document.NewStore(k.DB, k.Org, k.Auth, k.Files, settings)
	meetings := meeting.NewStore(k.DB, k.Org, k.Auth)
	gen := document.NewGenerator(store, document.Sources{
		Reports:   report.NewStore(k.DB, k.Org, k.Auth),
		Meetings:  meetings,
		Practices: practice.NewStore(k.DB, k.Org, k.Auth, k.Files),
		Pledges:   emulation.NewStore(k.DB, k.Org, k.Auth, meetings),
	})
	gen.Register(document.KindCommendation, commendation.NewStore(k.DB, k.Org, k.Auth).Drafter())
	gen.Register(committee.DocumentKind, committee.NewStore(k.DB, k.Org, k.Auth, meetings).Drafter())
	h := &handlers{Kit: k, store: store, gen: gen, meetings: meetings, settings: settings,
		sites: portal.NewStore(k.DB, k.Org, k.Auth, k.Files)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /van-ban", Handler: k.Signed(h.list)},
			{Pattern: "GET /van-ban/so.xlsx", Handler: k.Signed(h.registerXLSX)},
			{Pattern: "GET /van-ban/mo-hinh.xlsx", Handler: k.Signed(h.modelsXLSX)},
			{Pattern: "GET /van-ban/soan", Handler: k.Signed(h.compose)},
			{Pattern: "POST /van-ban/soan", Handler: k.Signed(h.composePost)},
			{Pattern: "GET /van-ban/{id}", Handler: k.Signed(h.show)},
			{Pattern: "GET /van-ban/{id}/tep/{kind}", Handler: k.Signed(h.file)},
			{Pattern: "POST /van-ban/{id}/scan", Handler: k.Signed(h.scan)},
			{Pattern: "POST /van-ban/{id}/thu-hoi", Handler: k.Signed(h.void)},

			{Pattern: "GET /api/v1/documents", Handler: k.API(h.apiList)},
			{Pattern: "POST /api/v1/documents", Handler: k.API(h.apiIssue)},
			{Pattern: "POST /api/v1/documents/drafts", Handler: k.API(h.apiDraft)},
			{Pattern: "GET /api/v1/documents/{id}", Handler: k.API(h.apiGet)},
			{Pattern: "GET /api/v1/documents/{id}/files/{kind}", Handler: k.API(h.apiFile)},
			{Pattern: "POST /api/v1/documents/{id}/void", Handler: k.API(h.apiVoid)},
		},
		Nav: []kit.NavLink{{Href: "/van-ban", Key: "documentui.nav", Show: kit.SignedIn}},
	}, nil
}
