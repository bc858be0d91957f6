// Package emulationui serves emulation blocs and clusters (cụm, khối thi
// đua) under /cum-khoi-thi-dua: the list and the setting up of a bloc,
// a bloc's year (members with the leader and deputy of the rotation,
// the criteria table, self-scoring, the bloc's review on the page or
// from a spreadsheet, the ranking, approval or return by the level
// above, the member proposed for the flag), and /api/v1/emulation-blocs.
// The handlers parse, call package emulation and render; who may see or
// do what is decided there.
package emulationui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages.
type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	store *emulation.Store
	// propose sends a bloc's flag proposal through the commendation
	// proposals.
	propose emulation.Proposer
}

// Mount returns the routes of blocs and clusters and the header's link.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: emulation.NewStore(k.DB, k.Org, k.Auth, meeting.NewStore(k.DB, k.Org, k.Auth)),
		propose: commendation.ProposeBlocFlag(k.Org, k.Auth)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /cum-khoi-thi-dua", Handler: k.Signed(h.list)},
			{Pattern: "POST /cum-khoi-thi-dua", Handler: k.Signed(h.create)},
			{Pattern: "GET /cum-khoi-thi-dua/{id}", Handler: k.Signed(h.show)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/thanh-vien", Handler: k.Signed(h.members)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/tieu-chi", Handler: k.Signed(h.criterion)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/tieu-chi/{cid}", Handler: k.Signed(h.criterionEdit)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/tieu-chi/{cid}/xoa", Handler: k.Signed(h.criterionRemove)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/giao-uoc", Handler: k.Signed(h.fromPledge)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/tu-cham", Handler: k.Signed(h.selfScore)},
			{Pattern: "GET /cum-khoi-thi-dua/{id}/phieu-tu-cham", Handler: k.Signed(h.selfTemplate)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/nhap-tu-cham", Handler: k.Signed(h.importSelf)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/cham", Handler: k.Signed(h.review)},
			{Pattern: "GET /cum-khoi-thi-dua/{id}/bang-diem", Handler: k.Signed(h.template)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/nhap", Handler: k.Signed(h.importScores)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/duyet", Handler: k.Signed(h.approve)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/tra-lai", Handler: k.Signed(h.sendBack)},
			{Pattern: "POST /cum-khoi-thi-dua/{id}/de-nghi-co", Handler: k.Signed(h.proposeFlag)},

			{Pattern: "GET /api/v1/emulation-blocs", Handler: k.API(h.apiList)},
			{Pattern: "GET /api/v1/emulation-blocs/{id}", Handler: k.API(h.apiShow)},
			{Pattern: "POST /api/v1/emulation-blocs/{id}/self-scores", Handler: k.API(h.apiSelfScore)},
			{Pattern: "PUT /api/v1/emulation-blocs/{id}/criteria/{criterion_id}", Handler: k.API(h.apiCriterionUpdate)},
			{Pattern: "DELETE /api/v1/emulation-blocs/{id}/criteria/{criterion_id}", Handler: k.API(h.apiCriterionDelete)},
			{Pattern: "POST /api/v1/emulation-blocs/{id}/flag-proposal", Handler: k.API(h.apiFlagProposal)},
		},
		Nav: []kit.NavLink{
			{Href: "/cum-khoi-thi-dua", Key: "emulationui.nav", Show: kit.SignedIn},
		},
	}, nil
}
