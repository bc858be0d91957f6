package web

import (
	"github.com/danvan/danvan/internal/practice"
)

// practiceHandlers serves the "Dân vận khéo" model registry.
type practiceHandlers struct {
	*Server
	store *practice.Store
}

// practiceRoutes registers the pages and API endpoints of the "Dân vận khéo" model registry.
func (s *Server) practiceRoutes(mux *legacyMux) {
	h := &practiceHandlers{Server: s, store: practice.NewStore(s.db, s.org, s.auth, s.files)}

	mux.HandleFunc("GET /mo-hinh", h.list)
	mux.HandleFunc("GET /mo-hinh/tieu-bieu", h.best)
	mux.HandleFunc("GET /mo-hinh/moi", h.newForm)
	mux.HandleFunc("POST /mo-hinh/moi", h.create)
	mux.HandleFunc("GET /mo-hinh/xuat", h.export)
	mux.HandleFunc("GET /mo-hinh/nhap", h.importForm)
	mux.HandleFunc("POST /mo-hinh/nhap", h.importFile)
	mux.HandleFunc("GET /mo-hinh/{id}", h.show)
	mux.HandleFunc("GET /mo-hinh/{id}/sua", h.editForm)
	mux.HandleFunc("POST /mo-hinh/{id}/sua", h.update)
	mux.HandleFunc("GET /mo-hinh/{id}/trien-khai", h.startForm)
	mux.HandleFunc("POST /mo-hinh/{id}/trien-khai", h.start)
	mux.HandleFunc("GET /mo-hinh/{id}/cong-nhan", h.recognizeForm)
	mux.HandleFunc("POST /mo-hinh/{id}/cong-nhan", h.recognize)
	mux.HandleFunc("GET /mo-hinh/{id}/nhan-rong", h.adoptForm)
	mux.HandleFunc("POST /mo-hinh/{id}/nhan-rong", h.adopt)
	mux.HandleFunc("GET /mo-hinh/{id}/dung", h.stopForm)
	mux.HandleFunc("POST /mo-hinh/{id}/dung", h.stop)
	mux.HandleFunc("POST /mo-hinh/{id}/ket-qua", h.addResult)
	mux.HandleFunc("POST /mo-hinh/{id}/tep", h.addFile)
	mux.HandleFunc("GET /mo-hinh/{id}/tep/{fid}", h.file)
	mux.HandleFunc("GET /mo-hinh/{id}/tep/{fid}/anh-nho", h.thumb)

	mux.HandleFunc("GET /cong-khai/mo-hinh", h.publicList)
	mux.HandleFunc("GET /cong-khai/mo-hinh/{id}", h.publicShow)
	mux.HandleFunc("GET /cong-khai/mo-hinh/{id}/anh/{fid}", h.publicThumb)

	mux.HandleFunc("GET /api/v1/practices", h.apiList)
	mux.HandleFunc("POST /api/v1/practices", h.apiCreate)
	mux.HandleFunc("GET /api/v1/practices/{id}", h.apiGet)
	mux.HandleFunc("POST /api/v1/practices/{id}/transitions", h.apiTransition)
}
