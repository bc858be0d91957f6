package web

import (
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
)

// meetingPageLimit is how many conferences a list page shows.
const meetingPageLimit = DefaultPageSize

// meetingHandlers serve conferences, key tasks, the people directory and
// emulation pledges.
type meetingHandlers struct {
	*Server
	store   *meeting.Store
	pledges *emulation.Store
}

// meetingRoutes registers the pages and API endpoints of conferences, key tasks and emulation pledges.
func (s *Server) meetingRoutes(mux *legacyMux) {
	h := &meetingHandlers{Server: s, store: meeting.NewStore(s.db, s.org, s.files),
		pledges: emulation.NewStore(s.db, s.org)}

	mux.HandleFunc("GET /hoi-nghi", h.list)
	mux.HandleFunc("GET /hoi-nghi/lich", h.calendar)
	mux.HandleFunc("GET /hoi-nghi/moi", h.newForm)
	mux.HandleFunc("POST /hoi-nghi/moi", h.save)
	mux.HandleFunc("GET /hoi-nghi/nhap", h.importForm)
	mux.HandleFunc("POST /hoi-nghi/nhap", h.importRead)
	mux.HandleFunc("POST /hoi-nghi/nhap/luu", h.save)
	mux.HandleFunc("GET /hoi-nghi/{id}", h.show)
	mux.HandleFunc("GET /hoi-nghi/{id}/bien-ban", h.minutes)
	mux.HandleFunc("GET /hoi-nghi/{id}/nguon", h.source)
	mux.HandleFunc("GET /hoi-nghi/{id}/sua", h.editForm)
	mux.HandleFunc("POST /hoi-nghi/{id}/sua", h.edit)
	mux.HandleFunc("POST /hoi-nghi/{id}/nhiem-vu", h.addTask)
	mux.HandleFunc("POST /hoi-nghi/{id}/tai-lieu", h.upload)
	mux.HandleFunc("GET /hoi-nghi/{id}/tai-lieu/{doc}", h.download)

	mux.HandleFunc("GET /nhiem-vu", h.tasks)
	mux.HandleFunc("GET /nhiem-vu/{id}", h.task)
	mux.HandleFunc("POST /nhiem-vu/{id}", h.taskUpdate)

	mux.HandleFunc("GET /nguoi", h.people)
	mux.HandleFunc("GET /nguoi/{id}", h.person)
	mux.HandleFunc("GET /nguoi/{id}/gop", h.mergeForm)
	mux.HandleFunc("POST /nguoi/{id}/gop", h.merge)

	mux.HandleFunc("GET /thi-dua", h.pledgeList)
	mux.HandleFunc("GET /thi-dua/moi", h.pledgeForm)
	mux.HandleFunc("POST /thi-dua/moi", h.pledgeCreate)
	mux.HandleFunc("GET /thi-dua/{id}", h.pledgeShow)
	mux.HandleFunc("POST /thi-dua/{id}/cham-diem", h.pledgeScore)

	mux.HandleFunc("GET /api/v1/conferences", h.apiConferences)
	mux.HandleFunc("POST /api/v1/conferences", h.apiCreateConference)
	mux.HandleFunc("GET /api/v1/conferences/{id}", h.apiConference)
	mux.HandleFunc("GET /api/v1/tasks", h.apiTasks)
	mux.HandleFunc("GET /api/v1/tasks/{id}", h.apiTask)
	mux.HandleFunc("POST /api/v1/tasks/{id}/status", h.apiTaskStatus)
}
