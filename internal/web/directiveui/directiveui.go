// Package directiveui serves the register of directive documents
// (/van-ban-chi-dao): the list, registering one with its file, a
// directive's page with everything done under it (conferences, reports,
// tasks, campaigns), linking and unlinking a record, linking the
// conferences whose articles cite it, and its file; and their API
// (/api/v1/directives). The handlers parse, call package directive and
// render; who may see or do what is decided there.
package directiveui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	store *directive.Store
}

// Mount returns the register's routes and its link in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: directive.NewStore(k.DB, k.Org, k.Auth, k.Files)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /van-ban-chi-dao", Handler: k.Signed(h.list)},
			{Pattern: "GET /van-ban-chi-dao/moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /van-ban-chi-dao/moi", Handler: k.Signed(h.create)},
			{Pattern: "GET /van-ban-chi-dao/{id}", Handler: k.Signed(h.show)},
			{Pattern: "GET /van-ban-chi-dao/{id}/tep", Handler: k.Signed(h.file)},
			{Pattern: "POST /van-ban-chi-dao/{id}/gan", Handler: k.Signed(h.link)},
			{Pattern: "POST /van-ban-chi-dao/{id}/bo-gan", Handler: k.Signed(h.unlink)},
			{Pattern: "POST /van-ban-chi-dao/{id}/tim-trich-dan", Handler: k.Signed(h.linkCiting)},

			{Pattern: "GET /api/v1/directives", Handler: k.API(h.apiList)},
			{Pattern: "POST /api/v1/directives", Handler: k.API(h.apiCreate)},
			{Pattern: "GET /api/v1/directives/{id}", Handler: k.API(h.apiGet)},
			{Pattern: "POST /api/v1/directives/{id}/links", Handler: k.API(h.apiLink)},
		},
		Nav: []kit.NavLink{
			{Href: "/van-ban-chi-dao", Key: "directiveui.nav", Show: kit.SignedIn},
		},
	}, nil
}
