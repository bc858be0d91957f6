// Package campaignui serves campaigns and funds (/cuoc-van-dong): the
// list, a new campaign, a campaign's page with its roll-up to a chosen
// unit (as reported or mapped onto today's units) against its target,
// the contributions, recording one and importing a sheet of them (XLSX,
// all or nothing); and their API (/api/v1/campaigns). The handlers
// parse, call package campaign and render; who may see or do what is
// decided there.
package campaignui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages.
type handlers struct {
	*kit.Kit
	tmpl       *kit.Templates
	store      *campaign.Store
	directives *directive.Store
}

// Mount returns the routes of campaigns and their link in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: campaign.NewStore(k.DB, k.Org, k.Auth), directives: directive.NewStore(k.DB, k.Org, k.Auth, k.Files)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /cuoc-van-dong", Handler: k.Signed(h.list)},
			{Pattern: "GET /cuoc-van-dong/moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /cuoc-van-dong/moi", Handler: k.Signed(h.create)},
			{Pattern: "GET /cuoc-van-dong/{id}", Handler: k.Signed(h.show)},
			{Pattern: "POST /cuoc-van-dong/{id}/dong-gop", Handler: k.Signed(h.contribute)},
			{Pattern: "POST /cuoc-van-dong/{id}/nhap", Handler: k.Signed(h.importSheet)},
			{Pattern: "GET /cuoc-van-dong/{id}/mau-nhap", Handler: k.Signed(h.template)},

			{Pattern: "GET /api/v1/campaigns", Handler: k.API(h.apiList)},
			{Pattern: "POST /api/v1/campaigns", Handler: k.API(h.apiCreate)},
			{Pattern: "GET /api/v1/campaigns/{id}", Handler: k.API(h.apiGet)},
			{Pattern: "GET /api/v1/campaigns/{id}/rollup", Handler: k.API(h.apiRollup)},
			{Pattern: "POST /api/v1/campaigns/{id}/contributions", Handler: k.API(h.apiContribute)},
		},
		Nav: []kit.NavLink{
			{Href: "/cuoc-van-dong", Key: "campaignui.nav", Show: kit.SignedIn},
		},
	}, nil
}
