// Package meetingui serves conferences (/hoi-nghi), their key tasks
// (/nhiem-vu), the people directory (/nguoi) and emulation pledges
// (/thi-dua), and their API (/api/v1/conferences, /api/v1/tasks). The
// handlers parse, call package meeting or emulation, and render; who may
// see or do what is decided there.
package meetingui

import (
	"embed"
	"io/fs"

	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// handlers serve the feature's pages and API.
type handlers struct {
	*kit.Kit
	tmpl     *kit.Templates
	meetings *meeting.Store
	pledges  *emulation.Store
	awards   *commendation.Store
	// docs and sites answer who may draft a conference's minutes and
	// plan, and who may write it up on a portal, for the links to them.
	docs  *document.Store
	sites *portal.Store
}

// pageSize is how many rows a list page shows.
const pageSize = kit.DefaultPageSize

// Mount returns the routes of conferences, key tasks, the people
// directory and emulation pledges, and their links in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	meetings := meeting.NewStore(k.DB, k.Org, k.Auth).WithFiles(k.Files).WithArticles(k.ImportDir)
	h := &handlers{Kit: k, meetings: meetings, pledges: emulation.NewStore(k.DB, k.Org, k.Auth, meetings),
		awards: commendation.NewStore(k.DB, k.Org, k.Auth),
		docs:   document.NewStore(k.DB, k.Org, k.Auth, k.Files, document.DefaultSettings()),
		sites:  portal.NewStore(k.DB, k.Org, k.Auth, k.Files)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /hoi-nghi", Handler: k.Signed(h.list)},
			{Pattern: "GET /hoi-nghi/lich", Handler: k.Signed(h.calendar)},
			{Pattern: "GET /hoi-nghi/moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /hoi-nghi/moi", Handler: k.Signed(h.save)},
			{Pattern: "GET /hoi-nghi/nhap", Handler: k.Signed(h.importForm)},
			{Pattern: "POST /hoi-nghi/nhap", Handler: k.Signed(h.importRead)},
			{Pattern: "POST /hoi-nghi/nhap/luu", Handler: k.Signed(h.save)},
			{Pattern: "GET /hoi-nghi/{id}", Handler: k.Signed(h.show)},
			{Pattern: "GET /hoi-nghi/{id}/bien-ban", Handler: k.Signed(h.minutes)},
			{Pattern: "GET /hoi-nghi/{id}/nguon", Handler: k.Signed(h.source)},
			{Pattern: "GET /hoi-nghi/{id}/sua", Handler: k.Signed(h.editForm)},
			{Pattern: "POST /hoi-nghi/{id}/sua", Handler: k.Signed(h.edit)},
			{Pattern: "POST /hoi-nghi/{id}/nhiem-vu", Handler: k.Signed(h.addTask)},
			{Pattern: "POST /hoi-nghi/{id}/tai-lieu", Handler: k.Signed(h.upload)},
			{Pattern: "GET /hoi-nghi/{id}/tai-lieu/{doc}", Handler: k.Signed(h.download)},

			{Pattern: "GET /nhiem-vu", Handler: k.Signed(h.tasks)},
			{Pattern: "GET /nhiem-vu/{id}", Handler: k.Signed(h.task)},
			{Pattern: "POST /nhiem-vu/{id}", Handler: k.Signed(h.taskUpdate)},

			{Pattern: "GET /nguoi", Handler: k.Signed(h.people)},
			{Pattern: "GET /nguoi/{id}", Handler: k.Signed(h.person)},
			{Pattern: "GET /nguoi/{id}/gop", Handler: k.Signed(h.mergeForm)},
			{Pattern: "POST /nguoi/{id}/gop", Handler: k.Signed(h.merge)},

			{Pattern: "GET /thi-dua", Handler: k.Signed(h.pledgeList)},
			{Pattern: "GET /thi-dua/moi", Handler: k.Signed(h.pledgeForm)},
			{Pattern: "POST /thi-dua/moi", Handler: k.Signed(h.pledgeCreate)},
			{Pattern: "GET /thi-dua/{id}", Handler: k.Signed(h.pledgeShow)},
			{Pattern: "POST /thi-dua/{id}/cham-diem", Handler: k.Signed(h.pledgeScore)},

			{Pattern: "GET /api/v1/conferences", Handler: k.API(h.apiConferences)},
			{Pattern: "POST /api/v1/conferences", Handler: k.API(h.apiCreateConference)},
			{Pattern: "GET /api/v1/conferences/{id}", Handler: k.API(h.apiConference)},
			{Pattern: "GET /api/v1/tasks", Handler: k.API(h.apiTasks)},
			{Pattern: "GET /api/v1/tasks/{id}", Handler: k.API(h.apiTask)},
			{Pattern: "POST /api/v1/tasks/{id}/status", Handler: k.API(h.apiTaskStatus)},
		},
		Nav: []kit.NavLink{
			{Href: "/hoi-nghi", Key: "meeting.nav", Show: kit.SignedIn},
			{Href: "/nhiem-vu", Key: "meeting.nav.tasks", Show: kit.SignedIn},
			{Href: "/nguoi", Key: "meeting.nav.people", Show: kit.SignedIn},
			{Href: "/thi-dua", Key: "emulation.nav", Show: kit.SignedIn},
		},
	}, nil
}
