package web

import "net/http"

// reportRoutes registers the pages and API endpoints of periodic reporting: indicators, reports, roll-up, dashboards.
func (s *Server) reportRoutes(mux *http.ServeMux) {
	_ = mux
}
