// Package commendui serves the register of commendations (/khen-thuong):
// the list with its filters, recording a decision (with the check for a
// second award of the same achievement), a decision's page and its
// revocation, and proposals sent up (/khen-thuong/de-nghi) and decided
// above; and their API (/api/v1/commendations, and a person's or a
// unit's awards). The handlers parse, call package commendation and render;
// who may see or do what is decided there.
package commendui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages.
type handlers struct {
	*kit.Kit
	tmpl     *kit.Templates
	register *commendation.Store
	people   *meeting.Store
}

// Mount returns the routes of the register and its link in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, register: commendation.NewStore(k.DB, k.Org, k.Auth), people: meeting.NewStore(k.DB, k.Org, k.Auth)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /khen-thuong", Handler: k.Signed(h.list)},
			{Pattern: "GET /khen-thuong/moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /khen-thuong/moi", Handler: k.Signed(h.create)},
			{Pattern: "GET /khen-thuong/{id}", Handler: k.Signed(h.show)},
			{Pattern: "POST /khen-thuong/{id}/thu-hoi", Handler: k.Signed(h.revoke)},
			{Pattern: "GET /khen-thuong/de-nghi", Handler: k.Signed(h.proposals)},
			{Pattern: "GET /khen-thuong/de-nghi/moi", Handler: k.Signed(h.proposalForm)},
			{Pattern: "POST /khen-thuong/de-nghi/moi", Handler: k.Signed(h.propose)},
			{Pattern: "GET /khen-thuong/de-nghi/{id}", Handler: k.Signed(h.proposal)},
			{Pattern: "POST /khen-thuong/de-nghi/{id}/duyet", Handler: k.Signed(h.approve)},
			{Pattern: "POST /khen-thuong/de-nghi/{id}/tu-choi", Handler: k.Signed(h.reject)},

			{Pattern: "GET /api/v1/commendations", Handler: k.API(h.apiCommendations)},
			{Pattern: "POST /api/v1/commendations", Handler: k.API(h.apiCreateCommendation)},
			{Pattern: "GET /api/v1/commendations/{id}", Handler: k.API(h.apiCommendation)},
			{Pattern: "POST /api/v1/commendations/{id}/revoke", Handler: k.API(h.apiRevokeCommendation)},
			{Pattern: "GET /api/v1/people/{id}/commendations", Handler: k.API(h.apiAwards(true))},
			{Pattern: "GET /api/v1/units/{id}/commendations", Handler: k.API(h.apiAwards(false))},
		},
		Nav: []kit.NavLink{
			{Href: "/khen-thuong", Key: "commendui.nav", Show: kit.SignedIn},
		},
	}, nil
}
