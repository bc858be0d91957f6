package web

import (
	"github.com/danvan/danvan/internal/report"
)

// reportRoutes registers the pages and API endpoints of periodic reporting: indicators, reports, roll-up, dashboards.
func (s *Server) reportRoutes(mux *legacyMux) {
	h := &reportHandlers{Server: s, store: report.NewStore(s.db, s.org, s.auth)}
	mux.HandleFunc("GET /bao-cao", h.index)
	mux.HandleFunc("GET /bao-cao/nhap", h.entryForm)
	mux.HandleFunc("POST /bao-cao/nhap", h.entrySave)
	mux.HandleFunc("GET /bao-cao/{id}", h.show)
	mux.HandleFunc("POST /bao-cao/{id}/duyet", h.decide)
	mux.HandleFunc("POST /bao-cao/{id}/tra-lai", h.decide)
	mux.HandleFunc("GET /bao-cao/tong-hop", h.dashboard)
	mux.HandleFunc("GET /bao-cao/tai-len", h.uploadForm)
	mux.HandleFunc("POST /bao-cao/tai-len", h.upload)
	mux.HandleFunc("GET /bao-cao/mau.xlsx", h.export)
	mux.HandleFunc("GET /bao-cao/xuat.xlsx", h.export)
	mux.HandleFunc("GET /bao-cao/xuat.csv", h.export)
	mux.HandleFunc("GET /chi-tieu", h.indicators)

	mux.HandleFunc("GET /api/v1/indicators", h.apiIndicators)
	mux.HandleFunc("GET /api/v1/reports", h.apiFindReport)
	mux.HandleFunc("GET /api/v1/reports/{id}", h.apiGetReport)
	mux.HandleFunc("POST /api/v1/reports/draft", h.apiSave)
	mux.HandleFunc("POST /api/v1/reports/submit", h.apiSave)
	mux.HandleFunc("POST /api/v1/reports/{id}/approve", h.apiDecide)
	mux.HandleFunc("POST /api/v1/reports/{id}/return", h.apiDecide)
	mux.HandleFunc("GET /api/v1/rollup", h.apiRollup)
}
