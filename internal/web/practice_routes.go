package web

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/practice"
)

// EnvFiles names the environment variable with the evidence-file bucket:
// a folder or a gocloud.dev URL (see blob.Open). Without it, files go to
// a folder beside a SQLite database ("danvan.db" → "danvan.db-files"),
// and into memory for PostgreSQL (set it there!).
const EnvFiles = "DANVAN_FILES"

// practiceHandlers serves the "Dân vận khéo" model registry.
type practiceHandlers struct {
	*Server
	store *practice.Store
}

// practiceRoutes registers the pages and API endpoints of the "Dân vận khéo" model registry.
func (s *Server) practiceRoutes(mux *http.ServeMux) {
	h := &practiceHandlers{Server: s, store: practice.NewStore(s.db, s.org, s.auth, s.openFiles())}

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

// openFiles opens the evidence-file bucket (see EnvFiles). A bucket that
// cannot be opened is logged and replaced by memory, so that the rest of
// the site still serves.
func (s *Server) openFiles() *blob.Bucket {
	raw := strings.TrimSpace(os.Getenv(EnvFiles))
	if raw == "" {
		if path, ok := strings.CutPrefix(s.db.String(), "sqlite:"); ok && s.db.Dialect() == db.SQLite && path != ":memory:" {
			raw = path + "-files"
		} else {
			s.log.Warn("practice: no file bucket configured; evidence files are kept in memory only", slog.String("env", EnvFiles))
			raw = "mem://"
		}
	}
	b, err := blob.Open(context.Background(), raw)
	if err != nil {
		s.log.Error("practice: open file bucket; evidence files are kept in memory only", slog.Any("err", err))
		b, _ = blob.Open(context.Background(), "mem://")
	}
	return b
}
