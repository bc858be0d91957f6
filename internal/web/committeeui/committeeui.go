// Package committeeui serves steering committees (ban chỉ đạo) under
// /ban-chi-dao: the list and setting one up, a committee's page (its
// members on any day, every term past and present, changes of role and
// departures, its meetings taken from its unit's conferences, its
// decisions), its yearly report, and /api/v1/steering-committees. The
// handlers parse, call package committee and render; who may see or do
// what is decided there.
package committeeui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages.
type handlers struct {
	*kit.Kit
	tmpl     *kit.Templates
	store    *committee.Store
	meetings *meeting.Store
}

// Mount returns the routes of steering committees and the header's link.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	m := meeting.NewStore(k.DB, k.Org, k.Auth)
	h := &handlers{Kit: k, store: committee.NewStore(k.DB, k.Org, k.Auth, m), meetings: m}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /ban-chi-dao", Handler: k.Signed(h.list)},
			{Pattern: "POST /ban-chi-dao", Handler: k.Signed(h.create)},
			{Pattern: "GET /ban-chi-dao/{id}", Handler: k.Signed(h.show)},
			{Pattern: "POST /ban-chi-dao/{id}/thanh-vien", Handler: k.Signed(h.addMember)},
			{Pattern: "POST /ban-chi-dao/{id}/thanh-vien/{term}/thoi", Handler: k.Signed(h.endTerm)},
			{Pattern: "POST /ban-chi-dao/{id}/thanh-vien/{term}/chuc-danh", Handler: k.Signed(h.changeRole)},
			{Pattern: "POST /ban-chi-dao/{id}/hoi-nghi", Handler: k.Signed(h.linkMeeting)},
			{Pattern: "POST /ban-chi-dao/{id}/quyet-dinh", Handler: k.Signed(h.addDecision)},
			{Pattern: "GET /ban-chi-dao/{id}/bao-cao", Handler: k.Signed(h.report)},
			{Pattern: "POST /ban-chi-dao/{id}/bao-cao", Handler: k.Signed(h.saveReport)},

			{Pattern: "GET /api/v1/steering-committees", Handler: k.API(h.apiList)},
			{Pattern: "GET /api/v1/steering-committees/{id}", Handler: k.API(h.apiShow)},
		},
		Nav: []kit.NavLink{
			{Href: "/ban-chi-dao", Key: "committeeui.nav", Show: kit.SignedIn},
		},
	}, nil
}
